package org.medrec.page;

import java.awt.Rectangle;
import java.util.Objects;

/**
 * A word from a PDF text layer.
 *
 * @param text the word (no whitespace)
 * @param box  its box in pixel coordinates of the rendered page (origin top left); a copy is kept
 * @param line 0-based index of the text line the word was written on, as PDFBox grouped them
 */
public record TextWord(String text, Rectangle box, int line) {

    public TextWord {
        Objects.requireNonNull(text, "text");
        box = new Rectangle(Objects.requireNonNull(box, "box"));
    }

    /** A copy: {@link Rectangle} is mutable. */
    @Override
    public Rectangle box() {
        return new Rectangle(box);
    }
}
