package org.medrec.intake;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes every page of a TIFF, PNG or JPEG once, after checking its dimensions against the
 * pixel limit (a decompression bomb declares a huge image in a small file). Thread-safe.
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
                StringBuilder warning = new StringBuilder();
                reader.addIIOReadWarningListener((source, message) -> {
                    if (warning.isEmpty()) {
                        warning.append(message);
                    }
                });
                int pages = reader.getNumImages(true);
                if (pages <= 0) {
                    return ProbeResult.refused(format, kind + " file holds no image");
                }
                for (int i = 0; i < pages; i++) {
                    long pixels = (long) reader.getWidth(i) * reader.getHeight(i);
                    if (pixels > maxPixels) {
                        return ProbeResult.refused(format, kind + " page " + (i + 1) + " is " + reader.getWidth(i) + " x "
                                + reader.getHeight(i) + " pixels, more than the limit of " + maxPixels
                                + " (a decompression bomb, or a scan far above 600 dpi)");
                    }
                    BufferedImage image = reader.read(i);
                    if (image == null || image.getWidth() == 0 || image.getHeight() == 0) {
                        return ProbeResult.refused(format, kind + " page " + (i + 1) + " is empty");
                    }
                    if (!warning.isEmpty()) {
                        return ProbeResult.refused(format, "damaged " + kind + " image: page " + (i + 1)
                                + " is incomplete (" + Reasons.clean(warning.toString()) + ")");
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
