package org.medrec.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Opens a TIFF, PNG or JPEG and checks every page's dimensions against the pixel limit (a
 * decompression bomb declares a huge image in a small file). Pixels are not decoded here: the page
 * stage decodes each page once, and a damaged image quarantines the chart then, with the reason
 * "damaged PNG image: ..." ({@code DamagedFileException}). Thread-safe.
 */
final class ImageProbe {

    private ImageProbe() {
    }

    static ProbeResult probe(Path file, FileFormat format, long maxPixels) {
        String kind = format.name();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return ProbeResult.refused(format, kind + " image that no reader understands");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                int pages = reader.getNumImages(true);
                if (pages <= 0) {
                    return ProbeResult.refused(format, kind + " file holds no image");
                }
                for (int i = 0; i < pages; i++) {
                    int width = reader.getWidth(i);
                    int height = reader.getHeight(i);
                    if ((long) width * height > maxPixels) {
                        return ProbeResult.refused(format, kind + " page " + (i + 1) + " is " + width + " x " + height
                                + " pixels, more than the limit of " + maxPixels
                                + " (a decompression bomb, or a scan far above 600 dpi)");
                    }
                    if (width == 0 || height == 0) {
                        return ProbeResult.refused(format, kind + " page " + (i + 1) + " is empty");
                    }
                }
                return ProbeResult.accepted(format, pages);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return ProbeResult.refused(format, "damaged " + kind + " image: it cannot be decoded (" + Reasons.describe(e) + ")");
        }
    }
}
