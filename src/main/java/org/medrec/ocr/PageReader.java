package org.medrec.ocr;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

import org.medrec.ocr.PreprocessSettings.OrientationCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.medrec.page.SourcePage;
import org.medrec.page.TextLayer;
import org.medrec.page.TextWord;

/**
 * Reads the text of a {@link SourcePage}: the PDF text layer when it has one (no OCR); otherwise preprocessing
 * and OCR; a blank page gives no text at all.
 *
 * <p>Orientation: with {@link OrientationCheck#WHEN_UNREADABLE} (the default) a page is read as it comes
 * (deskewed), or turned by 180 degrees when its ascenders say beyond doubt that it is upside down
 * ({@link UpsideDown}); only a page read below {@value #POOR_CONFIDENCE} mean confidence is prepared again with OSD,
 * turned, and read again; when OSD turns nothing or is unsure, the page is also read upside down. A page turned by
 * its ascenders that reads poorly is also read as it comes, and on as above. The best reading wins. With {@link OrientationCheck#ALWAYS} OSD runs first, and a poor reading of a page whose
 * orientation OSD was unsure of is also tried upside down.
 *
 * <p>Thread-safe: no state of its own; the {@link OcrEngine} passed in is not, so each thread passes its own.
 */
public final class PageReader {

    private static final Logger log = LoggerFactory.getLogger(PageReader.class);

    /** A page read below this mean word confidence gets its orientation checked. */
    public static final double POOR_CONFIDENCE = 0.55;
    /** Words at or above this confidence count as legible text (a page without any is blank). */
    static final double LEGIBLE = 0.60;

    private final Preprocessor preprocessor;

    public PageReader(Preprocessor preprocessor) {
        this.preprocessor = Objects.requireNonNull(preprocessor, "preprocessor");
    }

    public PageReader() {
        this(new Preprocessor());
    }

    public PageText read(SourcePage page, OcrEngine engine) {
        if (page.hasTextLayer()) {
            return new PageText(page.number(), PageText.Source.TEXT_LAYER,
                    fromTextLayer(page.textLayer(), page.width(), page.height(), page.dpi()), null, PageText.Times.NONE);
        }
        Clock clock = new Clock();
        PreparedPage prepared = clock.prepared(preprocessor.prepare(page, engine));
        if (prepared.blank()) {
            return new PageText(page.number(), PageText.Source.BLANK, OcrPage.empty(prepared.image().getWidth(),
                    prepared.image().getHeight(), prepared.dpi()), prepared, clock.times());
        }
        Reading best = new Reading(prepared, clock.recognize(engine, prepared));
        if (preprocessor.settings().orientation() != OrientationCheck.OFF && best.confidence() < POOR_CONFIDENCE) {
            if (prepared.orientation().method() == Orientation.Method.ASCENDERS) {
                // turned by its ascenders, and still poor: read as it comes too, as if it had not been turned
                PreparedPage asItComes = clock.prepared(preprocessor.prepareAsItComes(page));
                best = better(best, orient(page, engine, clock,
                        new Reading(asItComes, clock.recognize(engine, asItComes))));
            } else {
                best = orient(page, engine, clock, best);
            }
        }
        PreparedPage used = best.prepared();
        OcrPage ocr = best.ocr().withCheckboxes(used.checkboxes());
        PageText.Times times = clock.times();
        log.debug("page {}: {} words, mean confidence {}, turned {} ({}), skew {}, preprocessing {} ms, OCR {} ms",
                page.number(), ocr.words().size(), String.format(java.util.Locale.ROOT, "%.2f", ocr.meanConfidence()),
                used.orientation().rotation(), used.orientation().method(), used.skewDegrees(),
                times.prepareMillis(), times.recognizeMillis());
        if (ocr.words().stream().noneMatch(w -> w.confidence() >= LEGIBLE)) {
            return new PageText(page.number(), PageText.Source.BLANK, OcrPage.empty(ocr.width(), ocr.height(), ocr.dpi()),
                    used, times);
        }
        return new PageText(page.number(), PageText.Source.OCR, ocr, used, times);
    }

    /**
     * The reading of a page read as it comes, or, when it is poor, the best of it and of the page turned as OSD
     * says (with {@link OrientationCheck#WHEN_UNREADABLE}), and of the page turned by another 180 degrees when
     * OSD was unsure.
     */
    private Reading orient(SourcePage page, OcrEngine engine, Clock clock, Reading asItComes) {
        if (asItComes.confidence() >= POOR_CONFIDENCE) {
            return asItComes;
        }
        Reading best = asItComes;
        if (preprocessor.settings().orientation() == OrientationCheck.WHEN_UNREADABLE) {
            PreparedPage turned = clock.prepared(preprocessor.prepareWithOrientation(page, engine));
            best = turned.orientation().rotation() != 0
                    ? better(best, new Reading(turned, clock.recognize(engine, turned)))
                    : new Reading(turned, best.ocr());
        }
        if (!settled(best.prepared().orientation()) && best.confidence() < POOR_CONFIDENCE) {
            PreparedPage upsideDown = preprocessor.turnedHalfway(best.prepared());
            best = better(best, new Reading(upsideDown, clock.recognize(engine, upsideDown)));
        }
        return best;
    }

    /** Adds up a page's preparing (orientation detection counts as recognition: it is Tesseract's) and recognition. */
    private static final class Clock {
        private long prepareMillis;
        private long recognizeMillis;

        PreparedPage prepared(PreparedPage page) {
            PreparedPage.Timings t = page.timings();
            boolean tesseract = switch (page.orientation().method()) {
                case OSD, OCR_CONFIDENCE, UNDECIDED -> true;
                case ASCENDERS, NOT_CHECKED -> false;
            };
            long orienting = tesseract ? t.orientationMillis() : 0;
            prepareMillis += t.totalMillis() - orienting;
            recognizeMillis += orienting;
            return page;
        }

        OcrPage recognize(OcrEngine engine, PreparedPage page) {
            long start = System.nanoTime();
            OcrPage ocr = engine.recognize(page.image(), page.dpi());
            recognizeMillis += (System.nanoTime() - start) / 1_000_000;
            return ocr;
        }

        PageText.Times times() {
            return new PageText.Times(0, prepareMillis, recognizeMillis);
        }
    }

    private record Reading(PreparedPage prepared, OcrPage ocr) {
        double confidence() {
            return ocr.meanConfidence();
        }
    }

    private static Reading better(Reading a, Reading b) {
        return b.confidence() > a.confidence() ? b : a;
    }

    /** OSD sure of itself, or already decided by comparing readings. */
    private boolean settled(Orientation orientation) {
        return switch (orientation.method()) {
            case OSD -> orientation.confidence() >= preprocessor.settings().minOsdConfidence();
            case OCR_CONFIDENCE -> true;
            case ASCENDERS, UNDECIDED, NOT_CHECKED -> false;
        };
    }

    /** A text layer as an {@link OcrPage}: confidence 1.0, lines as PDFBox wrote them. */
    static OcrPage fromTextLayer(TextLayer layer, int width, int height, int dpi) {
        TreeMap<Integer, List<TextWord>> byLine = new TreeMap<>();
        for (TextWord word : layer.words()) {
            byLine.computeIfAbsent(word.line(), k -> new ArrayList<>()).add(word);
        }
        List<OcrWord> words = new ArrayList<>();
        List<OcrLine> lines = new ArrayList<>();
        for (List<TextWord> lineWords : byLine.values()) {
            int index = lines.size();
            Rectangle box = null;
            StringBuilder text = new StringBuilder();
            List<OcrWord> ocrWords = new ArrayList<>();
            for (TextWord word : lineWords) {
                Rectangle wordBox = word.box();
                box = box == null ? wordBox : box.union(wordBox);
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(word.text());
                ocrWords.add(new OcrWord(word.text(), 1.0, wordBox, index));
            }
            words.addAll(ocrWords);
            lines.add(new OcrLine(index, text.toString(), 1.0, box, ocrWords));
        }
        return new OcrPage(width, height, dpi, words, lines);
    }
}
