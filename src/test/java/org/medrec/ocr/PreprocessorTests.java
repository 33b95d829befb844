package org.medrec.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.medrec.ocr.OcrEngineTests.page;

import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medrec.testing.Tesseract;
import org.medrec.intake.FileFormat;
import org.medrec.ocr.PreprocessSettings.OrientationCheck;
import org.medrec.page.PageSource;
import org.medrec.page.SourcePage;
import org.medrec.testing.Fixtures;

@ExtendWith(Tesseract.class)
class PreprocessorTests {

    private static OcrEngine engine;
    private final Preprocessor preprocessor = new Preprocessor();

    @BeforeAll
    static void startTesseract(OcrEngine tesseract) {
        engine = tesseract;
    }

    @Test
    void shouldMeasureTheSkewOfTheCrookedTiffAndReadItsTableOnceStraight() throws Exception {
        SourcePage page = page("skewed-immunization-record.tiff", FileFormat.TIFF, 1);

        PreparedPage prepared = preprocessor.prepare(page, engine);
        OcrPage ocr = engine.recognize(prepared.image(), prepared.dpi());

        // the sheet went through turned 2.5 degrees clockwise (as seen on screen)
        assertThat(prepared.skewDegrees()).isCloseTo(2.5, within(0.15));
        assertThat(prepared.deskewed()).isTrue();
        assertThat(prepared.image()).isNotSameAs(page.image());
        assertThat(ocr.lineContaining("Hepatitis B").orElseThrow().words()).extracting(OcrWord::text)
                .containsSubsequence("Hepatitis", "B,", "adult", "43", "05/12/2014", "TST4471A");
        assertThat(ocr.lineContaining("Tdap").orElseThrow().words()).extracting(OcrWord::text)
                .containsSubsequence("Tdap", "115", "09/03/2019", "TDP8812C");
        assertThat(ocr.word("00014142").orElseThrow().confidence()).isGreaterThan(0.8);
    }

    @Test
    void shouldLeaveAStraightUprightPageAsItIsButForItsCheckboxes() throws Exception {
        SourcePage page = page("typed-intake-form.pdf", FileFormat.PDF, 1);
        Preprocessor withoutFormMarks = new Preprocessor(PreprocessSettings.defaults().withCheckboxes(false));

        PreparedPage prepared = preprocessor.prepare(page, engine);

        assertThat(Math.abs(prepared.skewDegrees())).isLessThan(0.3);
        assertThat(prepared.deskewed()).isFalse();
        assertThat(prepared.blank()).isFalse();
        assertThat(prepared.orientation().method()).isEqualTo(Orientation.Method.NOT_CHECKED);
        // its medical-history grid: High blood pressure, Diabetes and High cholesterol ticked, painted out
        assertThat(prepared.checkboxes()).hasSize(9);
        assertThat(prepared.checkboxes()).filteredOn(Checkbox::checked).extracting(c -> c.box().getLocation())
                .containsExactlyInAnyOrder(new Point(224, 1624), new Point(924, 1624),
                        new Point(924, 1715));
        assertThat(prepared.image()).isNotSameAs(page.image());
        assertThat(withoutFormMarks.prepare(page, engine).image()).isSameAs(page.image());
    }

    @Test
    void shouldTurnTheUpsideDownPageAroundWithOsd() throws Exception {
        SourcePage page = page("upside-down-intake-form.pdf", FileFormat.PDF, 1);

        PreparedPage prepared = preprocessor.prepareWithOrientation(page, engine);
        OcrPage ocr = engine.recognize(prepared.image(), prepared.dpi());

        assertThat(prepared.orientation().rotation()).isEqualTo(180);
        assertThat(prepared.orientation().method()).isEqualTo(Orientation.Method.OSD);
        assertThat(prepared.orientation().confidence()).isGreaterThan(10.0);
        assertThat(ocr.word("00030103").orElseThrow().confidence()).isGreaterThan(0.8);
        assertThat(ocr.lineContaining("Patient Name:").orElseThrow().text()).contains("Brandt-Test");
    }

    @Test
    void shouldLetOcrConfidenceDecideWhenOsdIsUnsure() throws Exception {
        SourcePage page = page("upside-down-intake-form.pdf", FileFormat.PDF, 1);
        // OSD is sure at 19: demand more than it can give, so the page is read both ways
        Preprocessor doubtful = new Preprocessor(new PreprocessSettings(OrientationCheck.ALWAYS, 100.0, true, 0.3, 5.0,
                false, false, 10, 0, true, true));

        PreparedPage prepared = doubtful.prepare(page, engine);

        assertThat(prepared.orientation().method()).isEqualTo(Orientation.Method.OCR_CONFIDENCE);
        assertThat(prepared.orientation().rotation()).isEqualTo(180);
        assertThat(prepared.orientation().confidence()).isGreaterThan(0.85);
    }

    @Test
    void shouldTurnASidewaysPageUpright() throws Exception {
        SourcePage page;
        try (PageSource pages = PageSource.open(Fixtures.resource("ocr/phototest-rotated-L.png"), FileFormat.PNG)) {
            page = pages.page(1);
        }

        PreparedPage prepared = preprocessor.prepareWithOrientation(page, engine);

        assertThat(prepared.orientation().rotation()).isEqualTo(90);
        assertThat(prepared.image().getWidth()).isEqualTo(Math.round(page.height() * prepared.scale()));
        assertThat(engine.recognize(prepared.image(), prepared.dpi()).text()).contains("quick brown dog");
    }

    @Test
    void shouldFlagTheBlankPageWithoutAskingTesseract() throws Exception {
        SourcePage page = page("blank-page.pdf", FileFormat.PDF, 1);
        Preprocessor always = new Preprocessor(PreprocessSettings.defaults().withOrientation(OrientationCheck.ALWAYS));

        PreparedPage prepared = always.prepare(page, null); // no engine: neither OSD nor OCR may run

        assertThat(prepared.blank()).isTrue();
        assertThat(prepared.inkRatio()).isLessThan(0.001);
    }

    @Test
    void shouldMapBoxesBackToTheSourcePage() {
        BufferedImage image = new BufferedImage(1000, 800, BufferedImage.TYPE_BYTE_GRAY);
        PreparedPage halfTurn = prepared(image, 1000, 800, 180, 0.0, false);
        PreparedPage quarterTurn = prepared(new BufferedImage(800, 1000, BufferedImage.TYPE_BYTE_GRAY), 1000, 800, 90,
                0.0, false);
        PreparedPage deskewed = prepared(image, 1000, 800, 0, 2.0, true);
        PreparedPage enlarged = new PreparedPage(new BufferedImage(1200, 960, BufferedImage.TYPE_BYTE_GRAY), 240, 1.2,
                1000, 800, new Orientation(0, 20.0, Orientation.Method.OSD), 0.0, false, 0, 0, List.of(), false, 0.05,
                false, new PreparedPage.Timings(0, 0, 0, 0, 0, 0, 0));

        assertThat(halfTurn.toSource(new Rectangle(10, 20, 100, 30))).isEqualTo(new Rectangle(890, 750, 100, 30));
        // turned clockwise: the image's top left came from the source's bottom left
        assertThat(quarterTurn.toSource(new Rectangle(0, 0, 30, 100))).isEqualTo(new Rectangle(0, 770, 100, 30));
        assertThat(enlarged.toSource(new Rectangle(120, 240, 60, 12))).isEqualTo(new Rectangle(100, 200, 50, 10));
        Rectangle centre = deskewed.toSource(new Rectangle(495, 395, 10, 10));
        assertThat(centre.getCenterX()).isCloseTo(500, within(1.0));
        assertThat(centre.getCenterY()).isCloseTo(400, within(1.0));
    }

    @Test
    void shouldRemoveIsolatedSpecksButKeepDotsNextToText() {
        BufferedImage gray = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);
        fill(gray, 0, 0, 300, 200, 255);
        fill(gray, 50, 100, 6, 30, 0);   // the stem of an i
        fill(gray, 51, 92, 3, 3, 0);     // its dot, 5 px above
        fill(gray, 200, 40, 2, 2, 0);    // a speck, alone
        fill(gray, 250, 150, 1, 1, 0);   // another
        InkMask mask = InkMask.of(gray);

        Despeckle.Result result = Despeckle.apply(gray, mask, mask.components(), 300);

        assertThat(result.removed()).isEqualTo(2);
        assertThat(result.image().getRaster().getSample(200, 40, 0)).isEqualTo(255);
        assertThat(result.image().getRaster().getSample(52, 93, 0)).isEqualTo(0);
        assertThat(gray.getRaster().getSample(200, 40, 0)).as("the input is not modified").isEqualTo(0);
    }

    @Test
    void readsTheLabelsOfADotLeaderFormOnceTheLeadersArePaintedOut() throws Exception {
        // given the label column of a typewriter intake form (dev corpus c0005), 200 dpi, turned 1.4 degrees
        BufferedImage page = ImageIO.read(Fixtures.resource("ocr/intake-form-dot-leaders-200dpi.png").toFile());
        Preprocessor keepingLeaders = new Preprocessor(PreprocessSettings.defaults().withDotLeaderRemoval(false));

        // when
        PreparedPage prepared = preprocessor.prepare(page, 200, engine, false);
        OcrPage ocr = engine.recognize(prepared.image(), prepared.dpi());
        PreparedPage kept = keepingLeaders.prepare(page, 200, engine, false);
        OcrPage before = engine.recognize(kept.image(), kept.dpi());

        // then the labels the leaders had turned into junk words read, with the values after them
        assertThat(prepared.leaderDots()).isGreaterThan(50);
        for (String label : new String[] {"PATIENT", "BIRTHDATE", "SEX", "(M/F)", "TELEPHONE", "CELL"}) {
            assertThat(ocr.word(label)).as(label).hasValueSatisfying(
                    w -> assertThat(w.confidence()).isGreaterThanOrEqualTo(0.85));
        }
        assertThat(ocr.lineContaining("TELEPHONE").orElseThrow().text()).contains("912.972.2718");
        assertThat(before.words()).as("with the leaders left in")
                .noneMatch(w -> w.text().equals("TELEPHONE") && w.confidence() >= 0.85)
                .noneMatch(w -> w.text().equals("CELL") && w.confidence() >= 0.85);
    }

    @Test
    void findsTheTickedConditionAndReadsTheLabelsBesideTheBoxes() throws Exception {
        // given three rows of a medical-history list (dev corpus c0046, page 2), High blood pressure ticked by hand
        BufferedImage page = ImageIO.read(Fixtures.resource("ocr/medical-history-checkboxes-300dpi.png").toFile());

        // when
        PreparedPage prepared = preprocessor.prepare(page, 300, engine, false);
        OcrPage ocr = engine.recognize(prepared.image(), prepared.dpi());

        // then six boxes, one ticked: the one left of "High"
        assertThat(prepared.checkboxes()).hasSize(6);
        assertThat(prepared.checkboxes()).filteredOn(Checkbox::checked).singleElement().satisfies(box -> {
            Rectangle high = ocr.word("High").orElseThrow().box();
            assertThat(box.box().getCenterY()).isCloseTo(high.getCenterY(), within(15.0));
            assertThat(high.x - (box.box().x + box.box().width)).isBetween(0, 40);
            assertThat(box.confidence()).isGreaterThan(0.9);
        });
        // and no box is read as a junk word: each label starts its column
        assertThat(ocr.lineContaining("Diabetes").orElseThrow().words()).extracting(OcrWord::text)
                .containsExactly("High", "blood", "pressure", "Diabetes");
        assertThat(ocr.lineContaining("Asthma").orElseThrow().words()).extracting(OcrWord::text)
                .containsExactly("Thyroid", "disease", "Asthma");
        assertThat(ocr.words()).allSatisfy(w -> assertThat(w.confidence()).isGreaterThan(0.85));
    }

    private static PreparedPage prepared(BufferedImage image, int sourceWidth, int sourceHeight, int rotation,
                                         double skew, boolean deskewed) {
        return new PreparedPage(image, 300, 1.0, sourceWidth, sourceHeight,
                new Orientation(rotation, 20.0, Orientation.Method.OSD), skew, deskewed, 0, 0, List.of(), false, 0.05,
                false, new PreparedPage.Timings(0, 0, 0, 0, 0, 0, 0));
    }

    private static void fill(BufferedImage gray, int x, int y, int w, int h, int value) {
        for (int j = y; j < y + h; j++) {
            for (int i = x; i < x + w; i++) {
                gray.getRaster().setSample(i, j, 0, value);
            }
        }
    }
}
