package org.medrec.extraction.chart;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines of a page typed as text, for tests that need no OCR: each character is 12 px wide, each
 * line 20 px high and 30 px below the last; three spaces or more are a wide gap (a new cell).
 * A word ending in {@code ~NN} was read with confidence 0.NN (else 0.99).
 */
final class TypedLines {

    private static final int CHAR = 12, HEIGHT = 20, PITCH = 30;

    private TypedLines() {
    }

    static ChartDocument page(String... lines) {
        List<ChartLine> out = new ArrayList<>();
        for (String text : lines) {
            if (!text.isBlank()) {
                out.add(line(1, out.size(), out.size() * PITCH, text));
            }
        }
        return new ChartDocument(out, org.medrec.record.Method.OCR, 1);
    }

    static ChartLine line(int page, int index, int y, String text) {
        List<ChartWord> words = new ArrayList<>();
        int x = 100;
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == ' ') {
                i++;
                x += CHAR;
                continue;
            }
            int end = text.indexOf(' ', i);
            end = end < 0 ? text.length() : end;
            String word = text.substring(i, end);
            double confidence = 0.99;
            int tilde = word.lastIndexOf('~');
            if (tilde > 0 && word.substring(tilde + 1).matches("\\d\\d")) {
                confidence = Integer.parseInt(word.substring(tilde + 1)) / 100.0;
                word = word.substring(0, tilde);
            }
            int width = word.length() * CHAR;
            words.add(new ChartWord(word, confidence, new Rectangle(x, y, width, HEIGHT), new int[] {x, y, width, HEIGHT}));
            x += width;
            i = end;
        }
        return new ChartLine(page, index, words);
    }
}
