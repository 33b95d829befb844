package org.medrec.ocr;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What OCR read on one page image: words with confidence and box, and the lines in reading order.
 * Coordinates are pixels of the image that was recognised (after preprocessing; see
 * {@link PreparedPage#toSource(java.awt.Rectangle)} to map them back to the source page).
 *
 * @param width  image width in pixels
 * @param height image height in pixels
 * @param dpi    the resolution the image was recognised at
 * @param words  every kept word, in reading order
 * @param lines  the lines, in reading order; each holds its words
 * @param checkboxes the printed checkboxes found on the page, checked or not, in the same pixels as the words
 *               (their ink was painted out before OCR, so a box does not turn into a junk word beside its label)
 */
public record OcrPage(int width, int height, int dpi, List<OcrWord> words, List<OcrLine> lines,
                      List<Checkbox> checkboxes) {

    public OcrPage {
        words = List.copyOf(words);
        lines = List.copyOf(lines);
        checkboxes = List.copyOf(checkboxes);
    }

    /** A page without checkboxes (a text layer, or OCR before they are added). */
    public OcrPage(int width, int height, int dpi, List<OcrWord> words, List<OcrLine> lines) {
        this(width, height, dpi, words, lines, List.of());
    }

    /** The same page with these checkboxes. */
    public OcrPage withCheckboxes(List<Checkbox> found) {
        return new OcrPage(width, height, dpi, words, lines, found);
    }

    /** A page with nothing on it. */
    public static OcrPage empty(int width, int height, int dpi) {
        return new OcrPage(width, height, dpi, List.of(), List.of());
    }

    /** The lines' text joined by newlines. */
    public String text() {
        return lines.stream().map(OcrLine::text).collect(Collectors.joining("\n"));
    }

    /** Mean word confidence (0..1), or 0 for a page without words. */
    public double meanConfidence() {
        return words.stream().mapToDouble(OcrWord::confidence).average().orElse(0.0);
    }

    /** The first word whose text equals {@code text} exactly. */
    public Optional<OcrWord> word(String text) {
        return words.stream().filter(w -> w.text().equals(text)).findFirst();
    }

    /** The first line whose text contains {@code fragment}. */
    public Optional<OcrLine> lineContaining(String fragment) {
        return lines.stream().filter(l -> l.text().contains(fragment)).findFirst();
    }
}
