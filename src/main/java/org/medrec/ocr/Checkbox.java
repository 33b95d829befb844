package org.medrec.ocr;

import java.awt.Rectangle;
import java.util.Objects;

/**
 * A printed checkbox found on a page ({@code ☐ Diabetes}, {@code ☒ Married}), and whether it is ticked.
 *
 * @param box        the square, in the same pixels as the page's words: those of the image that was recognised
 *                   ({@link PreparedPage#toSource(Rectangle)} maps it to the source page, as for words); a copy
 *                   is kept and returned
 * @param checked    ink inside the square (an X, a tick, a filled box)
 * @param confidence 0..1: how square the outline is and how clear the inside is (empty or marked)
 */
public record Checkbox(Rectangle box, boolean checked, double confidence) {

    public Checkbox {
        box = new Rectangle(Objects.requireNonNull(box, "box"));
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be 0..1, got " + confidence);
        }
    }

    @Override
    public Rectangle box() {
        return new Rectangle(box);
    }
}
