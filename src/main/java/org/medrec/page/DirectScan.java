package org.medrec.page;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * A scanned PDF page decoded straight from its scan image, when that gives the very pixels PDFBox's rendering
 * would: one 8-bit gray or RGB image (JPEG, or gray samples stored plain or deflated), the only mark on an
 * unrotated page without annotations, drawn upright over the whole crop box at one image pixel per rendered
 * pixel. Rendering draws the image through Java2D (and a gray image through RGB first), about 0.1 to 1 s a page;
 * decoding it alone takes a tenth of that. RGB becomes gray by the same Java2D conversion. Anything else, and an
 * image that decodes with a warning, is left to the renderer ({@code null}). Thread-safe (stateless).
 */
final class DirectScan {

    /** Points of slack in where the image is drawn. */
    private static final double SLACK = 1e-3;

    private DirectScan() {
    }

    /** The page at {@code width} x {@code height} pixels (its rendering size), or null when only rendering will do. */
    static BufferedImage decode(PDPage page, ScanImageLocator.ScanImage scan, int width, int height) {
        try {
            if (!fits(page, scan, width, height)) {
                return null;
            }
            PDImageXObject image = scan.image();
            COSStream stream = image.getCOSObject();
            List<COSName> filters = image.getStream().getFilters();
            PDColorSpace colors = image.getColorSpace();
            BufferedImage decoded;
            if (filters.equals(List.of(COSName.DCT_DECODE))
                    && (colors instanceof PDDeviceGray || colors instanceof PDDeviceRGB)) {
                decoded = jpeg(stream);
            } else if ((filters.isEmpty() || filters.equals(List.of(COSName.FLATE_DECODE)))
                    && colors instanceof PDDeviceGray) {
                decoded = graySamples(stream, width, height);
            } else {
                return null;
            }
            if (decoded == null || decoded.getWidth() != width || decoded.getHeight() != height) {
                return null;
            }
            return decoded.getType() == BufferedImage.TYPE_BYTE_GRAY ? decoded : toGray(decoded);
        } catch (IOException | RuntimeException e) {
            return null;   // the renderer reads it, or says why it cannot
        }
    }

    private static boolean fits(PDPage page, ScanImageLocator.ScanImage scan, int width, int height)
            throws IOException {
        PDImageXObject image = scan.image();
        if (!scan.alone() || image == null || page.getRotation() % 360 != 0 || !page.getAnnotations().isEmpty()) {
            return false;
        }
        COSStream stream = image.getCOSObject();
        if (image.isStencil() || image.getBitsPerComponent() != 8 || stream.containsKey(COSName.SMASK)
                || stream.containsKey(COSName.MASK) || stream.containsKey(COSName.DECODE)
                || image.getWidth() != width || image.getHeight() != height) {
            return false;
        }
        PDRectangle box = page.getCropBox();
        Matrix m = scan.drawn();
        return near(m.getValue(0, 0), box.getWidth()) && near(m.getValue(0, 1), 0) && near(m.getValue(1, 0), 0)
                && near(m.getValue(1, 1), box.getHeight()) && near(m.getValue(2, 0), box.getLowerLeftX())
                && near(m.getValue(2, 1), box.getLowerLeftY());
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= SLACK;
    }

    /** The stored JPEG through ImageIO (as PDFBox's own DCT decoding does); null when ImageIO warns. */
    private static BufferedImage jpeg(COSStream stream) throws IOException {
        try (InputStream raw = stream.createRawInputStream(); ImageInputStream in = ImageIO.createImageInputStream(raw)) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            boolean[] warned = {false};
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, message) -> warned[0] = true);
                BufferedImage image = reader.read(0);
                return warned[0] ? null : image;
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage graySamples(COSStream stream, int width, int height) throws IOException {
        BufferedImage gray = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        try (InputStream in = stream.createInputStream()) {
            return in.readNBytes(pixels, 0, pixels.length) == pixels.length ? gray : null;
        }
    }

    /** RGB to gray as Java2D draws it onto a gray page (what the renderer does). */
    private static BufferedImage toGray(BufferedImage rgb) {
        BufferedImage gray = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        try {
            g.drawImage(rgb, 0, 0, null);
        } finally {
            g.dispose();
        }
        return gray;
    }
}
