package org.medrec.extraction.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Handwriting is judged against the page's own typefaces by the height of the words' tall glyphs:
 * not by a word's box (which a speck stretches) nor against one fixed size (a form may type in
 * two).
 */
class HandwritingTests {

    private static ChartWord word(String text, int x, int y, int boxHeight, int glyph) {
        Rectangle r = new Rectangle(x, y, 12 * text.length(), boxHeight);
        return new ChartWord(text, 0.96, r, new int[] {r.x, r.y, r.width, r.height}, glyph);
    }

    /** Lines of typed words of the given glyph height, one line per entry. */
    private static List<List<ChartWord>> typedPage(int lines, int glyph) {
        List<List<ChartWord>> page = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            page.add(new ArrayList<>(List.of(word("Phone", 100, 40 * i, glyph, glyph), word("Insurance", 200, 40 * i, glyph, glyph))));
        }
        return page;
    }

    @Test
    void shouldMarkAValueWrittenMuchLargerThanThePageTypes() {
        List<List<ChartWord>> page = typedPage(8, 20);
        page.get(3).add(word("541-555-0187", 400, 120, 27, 26));

        List<List<ChartWord>> marked = Handwriting.mark(page);

        assertThat(marked.get(3).get(2).oversized()).isTrue();
        assertThat(marked.get(3).get(0).oversized()).isFalse();
    }

    @Test
    void shouldNotMarkATypedWordWhoseBoxASpeckStretched() {
        List<List<ChartWord>> page = typedPage(8, 20);
        page.get(3).add(word("Kept", 400, 120, 34, 20));

        assertThat(Handwriting.mark(page).get(3).get(2).oversized()).isFalse();
    }

    @Test
    void shouldNotMarkValuesTypedInTheFormsSecondSize() {
        List<List<ChartWord>> page = typedPage(8, 16);
        for (int i = 0; i < 6; i++) {
            page.get(i).add(word("DANIEL" + i, 400, 40 * i, 22, 22));
        }

        assertThat(Handwriting.mark(page).stream().flatMap(List::stream)).noneMatch(ChartWord::oversized);
    }
}
