package org.medrec.page;

/**
 * How {@link PageSource} turns files into page images.
 *
 * @param renderDpi          resolution for PDF pages whose scan resolution is unknown (vector pages) and for
 *                           pages with a text layer
 * @param minDpi             lower clamp for a PDF page rendered at the native resolution of its scan image
 * @param maxDpi             upper clamp for the same
 * @param maxPixels          a page image above this many pixels is refused ({@link PageTooLargeException})
 * @param squarePixels       stretch anisotropic scans (fax 204 x 98 dpi) to square pixels along the short axis
 * @param minTextLayerChars  a PDF page has a real text layer when its visible text holds at least this many
 *                           letters and digits
 */
public record PageSourceOptions(int renderDpi, int minDpi, int maxDpi, long maxPixels, boolean squarePixels,
                                int minTextLayerChars) {

    /** 300 dpi, native PDF scan resolution clamped to 150..400, 150 megapixels, square pixels, 20 characters. */
    public static PageSourceOptions defaults() {
        return new PageSourceOptions(300, 150, 400, 150_000_000L, true, 20);
    }

    public PageSourceOptions {
        if (renderDpi < 72 || renderDpi > 1200) {
            throw new IllegalArgumentException("renderDpi must be 72..1200, got " + renderDpi);
        }
        if (minDpi < 72 || maxDpi > 1200 || minDpi > maxDpi) {
            throw new IllegalArgumentException("need 72 <= minDpi <= maxDpi <= 1200, got " + minDpi + ".." + maxDpi);
        }
        if (maxPixels < 1_000_000L) {
            throw new IllegalArgumentException("maxPixels must be at least 1000000, got " + maxPixels);
        }
        if (minTextLayerChars < 1) {
            throw new IllegalArgumentException("minTextLayerChars must be at least 1, got " + minTextLayerChars);
        }
    }

    public PageSourceOptions withMaxPixels(long pixels) {
        return new PageSourceOptions(renderDpi, minDpi, maxDpi, pixels, squarePixels, minTextLayerChars);
    }

    public PageSourceOptions withRenderDpi(int dpi) {
        return new PageSourceOptions(dpi, minDpi, maxDpi, maxPixels, squarePixels, minTextLayerChars);
    }
}
