package org.medrec.ocr;

import java.awt.Rectangle;
import java.util.Objects;

/**
 * A recognised word.
 *
 * @param text       the word as Tesseract read it (no spaces)
 * @param confidence Tesseract's word confidence scaled to 0..1 (read as a number from the result iterator,
 *                   never parsed from TSV text)
 * @param box        the word's box in pixels of the image that was recognised (origin top left); a copy is
 *                   kept and returned
 * @param lineIndex  index of its line in {@link OcrPage#lines()}
 * @param glyphHeight the median height of its tall glyphs (capitals, digits, letters with ascenders) in the
 *                   same pixels, or 0 when it has fewer than two or it was not measured: the size the word is
 *                   written in, which a speck joined to one glyph does not change as it changes the box
 */
public record OcrWord(String text, double confidence, Rectangle box, int lineIndex, int glyphHeight) {

    public OcrWord(String text, double confidence, Rectangle box, int lineIndex) {
        this(text, confidence, box, lineIndex, 0);
    }

    public OcrWord {
        Objects.requireNonNull(text, "text");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be 0..1, got " + confidence);
        }
        box = new Rectangle(Objects.requireNonNull(box, "box"));
        if (lineIndex < 0) {
            throw new IllegalArgumentException("lineIndex must be >= 0, got " + lineIndex);
        }
        if (glyphHeight < 0) {
            throw new IllegalArgumentException("glyphHeight must be >= 0, got " + glyphHeight);
        }
    }

    @Override
    public Rectangle box() {
        return new Rectangle(box);
    }
}
