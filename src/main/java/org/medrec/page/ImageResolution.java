package org.medrec.page;

import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;

import org.medrec.intake.FileFormat;
import org.w3c.dom.Node;

/**
 * The resolution of a scanned image, read from its metadata (TIFF XResolution/YResolution/ResolutionUnit,
 * PNG pHYs, JPEG JFIF density) or, when that is missing or implausible, estimated from the pixel size
 * assuming a US letter page. Stateless, thread-safe.
 *
 * <p>Each format's native metadata tree is read. PNGs written through the JDK's standard metadata tree
 * ({@code HorizontalPixelSize} in mm per pixel, as this project's sample generator does) come out with an
 * inverted pHYs: the JDK's PNG writer stores 1000 x mm-per-pixel as pixels per metre, so a 200-dpi page
 * says 127 px/m (3.2 dpi). When pHYs is implausible but its inverse reading is a plausible resolution, that
 * is used, flagged as estimated.
 */
final class ImageResolution {

    /** A page implied by the metadata must be between these sizes (inches) on its long side. */
    private static final double MIN_LONG_SIDE_IN = 2.0;
    private static final double MAX_LONG_SIDE_IN = 20.0;

    record Dpi(double x, double y, boolean estimated) {
    }

    private ImageResolution() {
    }

    static Dpi of(FileFormat format, IIOMetadata metadata, int width, int height) {
        Dpi read = null;
        try {
            read = switch (format) {
                case TIFF -> tiff(metadata);
                case PNG -> png(metadata);
                case JPEG -> jpeg(metadata);
                default -> null;
            };
        } catch (RuntimeException unreadable) {
            read = null; // broken metadata: estimate instead
        }
        if (read != null && plausible(read, width, height)) {
            return read;
        }
        if (read != null && format == FileFormat.PNG) {
            double ppmX = read.x() / 0.0254;
            double ppmY = read.y() / 0.0254;
            Dpi inverted = new Dpi(Math.round(25400.0 / ppmX), Math.round(25400.0 / ppmY), true);
            if (plausible(inverted, width, height)) {
                return inverted;
            }
        }
        return estimate(width, height);
    }

    /** Resolution of a US letter page (8.5 x 11 in, either way round) of this pixel size. */
    static Dpi estimate(int width, int height) {
        int shortSide = Math.min(width, height);
        int longSide = Math.max(width, height);
        double dpi = Math.round((shortSide / 8.5 + longSide / 11.0) / 2.0);
        dpi = Math.max(70, Math.min(1200, dpi));
        return new Dpi(dpi, dpi, true);
    }

    private static boolean plausible(Dpi dpi, int width, int height) {
        if (!(dpi.x() >= 50 && dpi.y() >= 50 && dpi.x() <= 2400 && dpi.y() <= 2400)) {
            return false;
        }
        double longSide = Math.max(width / dpi.x(), height / dpi.y());
        return longSide >= MIN_LONG_SIDE_IN && longSide <= MAX_LONG_SIDE_IN;
    }

    private static Dpi tiff(IIOMetadata metadata) {
        TIFFDirectory dir;
        try {
            dir = TIFFDirectory.createFromMetadata(metadata);
        } catch (javax.imageio.metadata.IIOInvalidTreeException e) {
            return null;
        }
        TIFFField xr = dir.getTIFFField(BaselineTIFFTagSet.TAG_X_RESOLUTION);
        TIFFField yr = dir.getTIFFField(BaselineTIFFTagSet.TAG_Y_RESOLUTION);
        if (xr == null || yr == null) {
            return null;
        }
        TIFFField unitField = dir.getTIFFField(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT);
        int unit = unitField == null ? BaselineTIFFTagSet.RESOLUTION_UNIT_INCH : unitField.getAsInt(0);
        double perUnit = switch (unit) {
            case BaselineTIFFTagSet.RESOLUTION_UNIT_INCH -> 1.0;
            case BaselineTIFFTagSet.RESOLUTION_UNIT_CENTIMETER -> 2.54;
            default -> 0.0; // no absolute unit: only the aspect ratio is known
        };
        if (perUnit == 0.0) {
            return null;
        }
        return new Dpi(xr.getAsDouble(0) * perUnit, yr.getAsDouble(0) * perUnit, false);
    }

    private static Dpi png(IIOMetadata metadata) {
        Node phys = child(metadata.getAsTree("javax_imageio_png_1.0"), "pHYs");
        if (phys == null || !"meter".equals(attribute(phys, "unitSpecifier"))) {
            return null;
        }
        double x = Double.parseDouble(attribute(phys, "pixelsPerUnitXAxis")) * 0.0254;
        double y = Double.parseDouble(attribute(phys, "pixelsPerUnitYAxis")) * 0.0254;
        return new Dpi(x, y, false);
    }

    private static Dpi jpeg(IIOMetadata metadata) {
        Node variety = child(metadata.getAsTree("javax_imageio_jpeg_image_1.0"), "JPEGvariety");
        Node jfif = variety == null ? null : child(variety, "app0JFIF");
        if (jfif == null) {
            return null;
        }
        double perUnit = switch (attribute(jfif, "resUnits")) {
            case "1" -> 1.0;   // dots per inch
            case "2" -> 2.54;  // dots per cm
            default -> 0.0;    // aspect ratio only
        };
        if (perUnit == 0.0) {
            return null;
        }
        return new Dpi(Double.parseDouble(attribute(jfif, "Xdensity")) * perUnit,
                Double.parseDouble(attribute(jfif, "Ydensity")) * perUnit, false);
    }

    private static Node child(Node parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (name.equals(n.getNodeName())) {
                return n;
            }
        }
        return null;
    }

    private static String attribute(Node node, String name) {
        String value = ((IIOMetadataNode) node).getAttribute(name);
        return value == null ? "" : value;
    }
}
