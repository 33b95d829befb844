package org.medrec.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Finding and painting out dot leaders on pages drawn with Java2D (300 dpi, 10 pt monospace). */
class DotLeadersTests {

    private static final int DPI = 300;
    private static final Font MONO = new Font("DejaVu Sans Mono", Font.PLAIN, 42);

    @Test
    void removesDotLeadersBetweenLabelAndValue() {
        // given a form line whose label is aligned with its value by a dot leader
        Page page = new Page(1800, 400);
        Text line = page.draw("Birthdate ..........: September 13, 1964", 60, 120);
        page.draw("Sex (M/F) . . . . . . : FEMALE", 60, 220);
        page.draw("MEDICAL RECORD NO. 00031415 Phone 555-0134", 60, 320);
        InkMask mask = InkMask.of(page.image);
        InkMask.Components components = mask.components();

        // when
        List<DotLeaders.Run> runs = DotLeaders.find(mask, components, DPI);
        BufferedImage erased = DotLeaders.erase(page.image, mask, components, runs);

        // then both leaders are found, ten dots and six spaced ones, and painted out
        assertThat(runs).hasSize(2);
        assertThat(runs).extracting(r -> r.dots().length).containsExactlyInAnyOrder(10, 6);
        assertThat(DotLeaders.dotCount(runs)).isEqualTo(16);
        Rectangle leader = line.span("..........");
        assertThat(inkIn(erased, leader)).isZero();
        assertThat(inkIn(page.image, leader)).as("the input image is not modified").isPositive();
        // the label, the colon and the value are still there
        assertThat(inkIn(erased, line.span("Birthdate"))).isEqualTo(inkIn(page.image, line.span("Birthdate")));
        assertThat(inkIn(erased, line.span(":"))).isEqualTo(inkIn(page.image, line.span(":")));
        assertThat(inkIn(erased, line.span("September"))).isEqualTo(inkIn(page.image, line.span("September")));
    }

    @Test
    void keepsPeriodsInsideTextAndColons() {
        // given periods that belong to the text: abbreviations, a decimal point, an ellipsis, colons
        Page page = new Page(1800, 400);
        Text firm = page.draw("HARBOR MEDICINE, P.C. Total: 12.50 U.S. Mail", 60, 120);
        Text more = page.draw("Policy No. 4471 see also... Time: 10:30 a.m.", 60, 220);
        page.draw("Filler words so the page has text to measure", 60, 320);
        InkMask mask = InkMask.of(page.image);
        InkMask.Components components = mask.components();

        // when
        List<DotLeaders.Run> runs = DotLeaders.find(mask, components, DPI);
        BufferedImage erased = DotLeaders.erase(page.image, mask, components, runs);

        // then nothing is a leader and nothing is painted out
        assertThat(runs).isEmpty();
        assertThat(erased).isSameAs(page.image);
        assertThat(inkIn(erased, firm.span("P.C."))).isPositive();
        assertThat(inkIn(erased, more.span("..."))).isPositive();
    }

    @Test
    void keepsTheColonAtTheEndOfALeader() {
        // given a leader running up to the colon, at the same pitch as its dots
        Page page = new Page(1400, 300);
        Text line = page.draw("Relation ...........: MOTHER", 60, 120);
        page.draw("Notify in Emergency : GREGORY", 60, 220);
        InkMask mask = InkMask.of(page.image);
        InkMask.Components components = mask.components();

        // when
        List<DotLeaders.Run> runs = DotLeaders.find(mask, components, DPI);
        BufferedImage erased = DotLeaders.erase(page.image, mask, components, runs);

        // then the leader goes and both dots of the colon stay
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).dots()).hasSize(11);
        assertThat(inkIn(erased, line.span(":"))).isEqualTo(inkIn(page.image, line.span(":")));
    }

    /** Ink pixels (darker than mid-gray) inside a box. */
    private static int inkIn(BufferedImage gray, Rectangle box) {
        int count = 0;
        for (int y = box.y; y < box.y + box.height; y++) {
            for (int x = box.x; x < box.x + box.width; x++) {
                if (gray.getRaster().getSample(x, y, 0) < 128) {
                    count++;
                }
            }
        }
        return count;
    }

    /** A white page to draw text lines on, anti-aliased like a scan. */
    private static final class Page {
        final BufferedImage image;

        Page(int width, int height) {
            image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.dispose();
        }

        Text draw(String text, int x, int baseline) {
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setFont(MONO);
                g.setColor(Color.BLACK);
                g.drawString(text, x, baseline);
                return new Text(text, x, baseline, g.getFontMetrics());
            } finally {
                g.dispose();
            }
        }
    }

    /** Where a drawn line's parts are. */
    private record Text(String text, int x, int baseline, FontMetrics metrics) {

        /** The box of the first occurrence of {@code part}, from the line's ascent to its descent. */
        Rectangle span(String part) {
            int start = text.indexOf(part);
            if (start < 0) {
                throw new IllegalArgumentException(part + " is not in " + text);
            }
            int left = x + metrics.stringWidth(text.substring(0, start));
            int width = metrics.stringWidth(part);
            return new Rectangle(left, baseline - metrics.getAscent(), width,
                    metrics.getAscent() + metrics.getDescent());
        }
    }
}
