package org.medrec.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Finding printed checkboxes and their state on pages drawn with Java2D (300 dpi, 10 pt labels). */
class CheckboxFinderTests {

    private static final int DPI = 300;
    private static final Font SANS = new Font("DejaVu Sans", Font.PLAIN, 42);
    private static final Font BOLD = new Font("DejaVu Sans", Font.BOLD, 56);
    private static final Font LARGE = new Font("DejaVu Sans", Font.PLAIN, 56);

    /** The four boxes of {@link #form(double)}, left to right: empty, printed X, tick, hand-drawn X. */
    private static final List<Rectangle> BOXES = List.of(new Rectangle(100, 100, 38, 38),
            new Rectangle(600, 100, 38, 38), new Rectangle(100, 220, 38, 38), new Rectangle(600, 220, 38, 38));

    @Test
    void findsEmptyAndMarkedBoxesButNotLettersOrTableCells() {
        // given a medical-history list with one empty box, a printed X, a tick and an X drawn past the corners,
        // among bold O, D, 0, # and a table cell
        BufferedImage page = form(0.0);
        InkMask mask = InkMask.of(page);

        // when
        List<CheckboxFinder.Found> found = sorted(CheckboxFinder.find(mask, mask.components(), DPI, 0.0));

        // then
        assertThat(found).hasSize(4);
        assertThat(found).extracting(CheckboxFinder.Found::checked).containsExactly(false, true, true, true);
        for (int i = 0; i < 4; i++) {
            Rectangle box = found.get(i).box();
            Rectangle drawn = BOXES.get(i);
            assertThat(box.getCenterX()).isCloseTo(drawn.getCenterX(), within(2.0));
            assertThat(box.getCenterY()).isCloseTo(drawn.getCenterY(), within(2.0));
            assertThat(box.width).isCloseTo(drawn.width + 3, within(3));
        }
        assertThat(found).allSatisfy(box -> assertThat(box.confidence()).isGreaterThan(0.8));
    }

    @Test
    void findsTheBoxesOfAPageTurnedTwoDegrees() {
        // given the same form, scanned turned by 2 degrees (checkboxes are found before deskew)
        BufferedImage page = form(2.0);
        InkMask mask = InkMask.of(page);
        double skew = SkewDetector.estimate(mask, mask.components(), DPI, 5.0);

        // when
        List<CheckboxFinder.Found> found = sorted(CheckboxFinder.find(mask, mask.components(), DPI, skew));

        // then
        assertThat(skew).isCloseTo(2.0, within(0.2));
        assertThat(found).extracting(CheckboxFinder.Found::checked).containsExactly(false, true, true, true);
    }

    @Test
    void paintsTheBoxesOutAndKeepsTheirLabels() {
        // given
        BufferedImage page = form(0.0);
        InkMask mask = InkMask.of(page);
        InkMask.Components components = mask.components();
        List<CheckboxFinder.Found> found = CheckboxFinder.find(mask, components, DPI, 0.0);

        // when
        BufferedImage erased = CheckboxFinder.erase(page, mask, components, found);

        // then the boxes, with their marks, are gone; the labels beside them are not
        for (Rectangle box : BOXES) {
            Rectangle around = new Rectangle(box.x - 12, box.y - 12, box.width + 24, box.height + 24);
            assertThat(ink(erased, around)).isZero();
        }
        Rectangle label = new Rectangle(160, 100, 300, 45);
        assertThat(ink(erased, label)).isPositive().isEqualTo(ink(page, label));
        assertThat(ink(page, BOXES.get(0))).as("the input image is not modified").isPositive();
    }

    @Test
    void reportsCheckboxesInThePixelsOfTheRecognisedImage() {
        // given the turned page, which the preprocessor straightens and enlarges from 300 to 360 dpi
        BufferedImage page = form(2.0);
        Preprocessor preprocessor = new Preprocessor(PreprocessSettings.defaults().withMinOcrDpi(360));

        // when
        PreparedPage prepared = preprocessor.prepare(page, DPI, null, false);

        // then each box is where it was drawn before the page was turned, enlarged by 1.2, and maps back
        assertThat(prepared.deskewed()).isTrue();
        List<Checkbox> boxes = prepared.checkboxes().stream()
                .sorted(Comparator.comparingInt((Checkbox c) -> c.box().y / 50).thenComparingInt(c -> c.box().x))
                .toList();
        assertThat(boxes).extracting(Checkbox::checked).containsExactly(false, true, true, true);
        for (int i = 0; i < 4; i++) {
            Rectangle box = boxes.get(i).box();
            Rectangle drawn = BOXES.get(i);
            assertThat(box.getCenterX()).isCloseTo(drawn.getCenterX() * 1.2, within(4.0));
            assertThat(box.getCenterY()).isCloseTo(drawn.getCenterY() * 1.2, within(4.0));
            assertThat(box.width).isCloseTo((int) Math.round((drawn.width + 3) * 1.2), within(4));
        }
        assertThat(ink(prepared.image(), scaled(BOXES.get(1), 1.2, 10))).as("painted out before OCR").isZero();
    }

    @Test
    void doesNotTakeTheBlockyOOfAFaxForABox() {
        // given an O as a fax at 200 x 100 dpi prints it (dev corpus c0041, turned 2.4 degrees), beside a box
        String[] faxO = {
            "...........######.........",
            "......###############.....",
            "....######......######....",
            "...#####..........#####...",
            "...####............#####..",
            "..#####............#####..",
            "..#####.............#####.",
            "...#####...........#####..",
            "...######.........######..",
            ".....######.....######....",
            "......##############......"};
        BufferedImage page = new BufferedImage(400, 200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 200);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2));
        g.drawRect(250, 80, 23, 23);
        g.dispose();
        for (int row = 0; row < faxO.length; row++) {
            for (int x = 0; x < faxO[row].length(); x++) {
                if (faxO[row].charAt(x) == '#') {
                    page.getRaster().setSample(100 + x, 80 + 2 * row, 0, 0);     // the fax doubles each row
                    page.getRaster().setSample(100 + x, 80 + 2 * row + 1, 0, 0);
                }
            }
        }
        InkMask mask = InkMask.of(page);

        // when (too few characters to measure: the text height is taken as a tenth of an inch, 15 px)
        List<CheckboxFinder.Found> found = CheckboxFinder.find(mask, mask.components(), 150, 2.4);

        // then only the box
        assertThat(found).singleElement().satisfies(box -> assertThat(box.box().x).isBetween(248, 251));
    }

    /** The test form, turned clockwise by {@code degrees} about its centre. */
    private static BufferedImage form(double degrees) {
        BufferedImage page = new BufferedImage(1400, 700, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, page.getWidth(), page.getHeight());
            g.transform(AffineTransform.getRotateInstance(Math.toRadians(degrees), page.getWidth() / 2.0,
                    page.getHeight() / 2.0));
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(3));
            for (Rectangle box : BOXES) {
                g.drawRect(box.x, box.y, box.width, box.height);
            }
            // a printed X, corner to corner
            Rectangle x = BOXES.get(1);
            g.drawLine(x.x, x.y, x.x + x.width, x.y + x.height);
            g.drawLine(x.x, x.y + x.height, x.x + x.width, x.y);
            // a tick, its long arm past the top right corner
            Rectangle tick = BOXES.get(2);
            g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.drawPolyline(new int[] {tick.x + 6, tick.x + 16, tick.x + 50}, new int[] {tick.y + 20, tick.y + 32,
                    tick.y - 14}, 3);
            // an X drawn by hand, well past the corners
            Rectangle hand = BOXES.get(3);
            g.drawLine(hand.x - 10, hand.y - 12, hand.x + hand.width + 9, hand.y + hand.height + 11);
            g.drawLine(hand.x - 8, hand.y + hand.height + 10, hand.x + hand.width + 11, hand.y - 9);
            g.setStroke(new BasicStroke(3));
            g.setFont(SANS);
            g.drawString("Diabetes", 160, 134);
            g.drawString("High blood pressure", 660, 134);
            g.drawString("Asthma", 160, 254);
            g.drawString("Heart disease / A-fib", 660, 254);
            g.drawString("Sleep apnea and other words", 160, 374);
            // capitals and digits as large as the boxes, bold and not, a number sign, and a table cell
            g.setFont(BOLD);
            g.drawString("ODO 0 B # Q", 100, 480);
            g.setFont(LARGE);
            g.drawString("O D 0 Q", 100, 600);
            g.drawRect(700, 420, 500, 120);
            g.setFont(SANS);
            g.drawString("Medication", 720, 490);
        } finally {
            g.dispose();
        }
        return page;
    }

    private static List<CheckboxFinder.Found> sorted(List<CheckboxFinder.Found> found) {
        return found.stream()
                .sorted(Comparator.comparingInt((CheckboxFinder.Found f) -> f.box().y / 50)
                        .thenComparingInt(f -> f.box().x))
                .toList();
    }

    private static Rectangle scaled(Rectangle box, double scale, int margin) {
        return new Rectangle((int) (box.x * scale) - margin, (int) (box.y * scale) - margin,
                (int) (box.width * scale) + 2 * margin, (int) (box.height * scale) + 2 * margin);
    }

    /** Ink pixels (darker than mid-gray) inside a box. */
    private static int ink(BufferedImage gray, Rectangle box) {
        int count = 0;
        for (int y = Math.max(0, box.y); y < Math.min(gray.getHeight(), box.y + box.height); y++) {
            for (int x = Math.max(0, box.x); x < Math.min(gray.getWidth(), box.x + box.width); x++) {
                if (gray.getRaster().getSample(x, y, 0) < 128) {
                    count++;
                }
            }
        }
        return count;
    }
}
