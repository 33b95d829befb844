package org.medrec.ocr;

import java.awt.Rectangle;
import java.util.List;
import java.util.Objects;

/**
 * A text line in reading order, with its words.
 *
 * @param index      position in {@link OcrPage#lines()}
 * @param text       the words joined by spaces; a gap wider than a few spaces (a form's label and value
 *                   columns, table cells) is kept as several spaces, as Tesseract's
 *                   {@code preserve_interword_spaces} would write it
 * @param confidence Tesseract's line confidence, 0..1
 * @param box        the line's box in pixels (a copy)
 * @param words      the line's words, left to right
 */
public record OcrLine(int index, String text, double confidence, Rectangle box, List<OcrWord> words) {

    public OcrLine {
        Objects.requireNonNull(text, "text");
        box = new Rectangle(Objects.requireNonNull(box, "box"));
        words = List.copyOf(words);
    }

    @Override
    public Rectangle box() {
        return new Rectangle(box);
    }
}
