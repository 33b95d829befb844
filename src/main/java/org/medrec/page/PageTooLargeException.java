package org.medrec.page;

import java.nio.file.Path;

/** A page image would exceed the pixel limit ({@link PageSourceOptions#maxPixels()}), so it is refused. */
public final class PageTooLargeException extends PageException {

    private final long pixels;
    private final long limit;

    PageTooLargeException(Path file, int page, int width, int height, long limit) {
        super(file, page, String.format("page image of %d x %d px (%.1f megapixels) is above the limit of %.1f"
                + " megapixels", width, height, (long) width * height / 1e6, limit / 1e6), null);
        this.pixels = (long) width * height;
        this.limit = limit;
    }

    public long pixels() {
        return pixels;
    }

    public long limit() {
        return limit;
    }
}
