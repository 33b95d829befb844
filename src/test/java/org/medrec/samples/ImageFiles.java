package org.medrec.samples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageOutputStream;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Writes PNG, JPEG and CCITT Group 4 TIFF files with their resolution recorded in the file metadata. Public for
 * the generated corpus ({@code org.medrec.corpus}).
 */
public final class ImageFiles {

    public static void png(BufferedImage image, double dpi, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.0f);
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        // the PNG's own pHYs chunk (the JDK writer inverts the standard tree's millimetres per pixel)
        String pixelsPerMetre = Long.toString(Math.round(dpi / 0.0254));
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        phys.setAttribute("pixelsPerUnitXAxis", pixelsPerMetre);
        phys.setAttribute("pixelsPerUnitYAxis", pixelsPerMetre);
        phys.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(phys);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        write(writer, List.of(new IIOImage(image, null, metadata)), param, file);
    }

    public static void jpeg(BufferedImage image, int dpi, float quality, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        String format = "javax_imageio_jpeg_image_1.0";
        org.w3c.dom.Node tree = metadata.getAsTree(format);
        NodeList jfif = ((Element) tree).getElementsByTagName("app0JFIF");
        if (jfif.getLength() > 0) {
            Element app0 = (Element) jfif.item(0);
            app0.setAttribute("resUnits", "1");
            app0.setAttribute("Xdensity", Integer.toString(dpi));
            app0.setAttribute("Ydensity", Integer.toString(dpi));
            metadata.setFromTree(format, tree);
        }
        write(writer, List.of(new IIOImage(image, null, metadata)), param, file);
    }

    /**
     * Bitonal TIFF, one IFD per page, compressed with the JDK's own TIFF writer (not the jai-imageio one that
     * may also be on the classpath). XResolution/YResolution/ResolutionUnit=inch are set explicitly.
     */
    public static void tiff(List<BufferedImage> pages, int dpiX, int dpiY, String compression, Path file) throws IOException {
        ImageWriter writer = jdkTiffWriter();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType(compression);
        BaselineTIFFTagSet tags = BaselineTIFFTagSet.getInstance();
        List<IIOImage> images = new java.util.ArrayList<>();
        for (BufferedImage page : pages) {
            IIOMetadata base = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page), param);
            TIFFDirectory dir = TIFFDirectory.createFromMetadata(base);
            dir.addTIFFField(new TIFFField(tags.getTag(BaselineTIFFTagSet.TAG_X_RESOLUTION), TIFFTag.TIFF_RATIONAL, 1,
                    new long[][] {{dpiX, 1}}));
            dir.addTIFFField(new TIFFField(tags.getTag(BaselineTIFFTagSet.TAG_Y_RESOLUTION), TIFFTag.TIFF_RATIONAL, 1,
                    new long[][] {{dpiY, 1}}));
            dir.addTIFFField(new TIFFField(tags.getTag(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT),
                    BaselineTIFFTagSet.RESOLUTION_UNIT_INCH));
            dir.addTIFFField(new TIFFField(tags.getTag(BaselineTIFFTagSet.TAG_SOFTWARE), TIFFTag.TIFF_ASCII, 1,
                    new String[] {"medrec SampleScansGenerator (synthetic)"}));
            images.add(new IIOImage(page, null, dir.getAsMetadata()));
        }
        write(writer, images, param, file);
    }

    private static ImageWriter jdkTiffWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("tiff");
        ImageWriter fallback = null;
        while (writers.hasNext()) {
            ImageWriter w = writers.next();
            if (w.getClass().getName().startsWith("com.sun.imageio.plugins.tiff")) {
                return w;
            }
            fallback = fallback == null ? w : fallback;
        }
        if (fallback == null) {
            throw new IllegalStateException("no TIFF ImageWriter available");
        }
        return fallback;
    }

    private static void write(ImageWriter writer, List<IIOImage> images, ImageWriteParam param, Path file)
            throws IOException {
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            if (images.size() == 1) {
                writer.write(null, images.get(0), param);
            } else {
                writer.prepareWriteSequence(null);
                for (IIOImage image : images) {
                    writer.writeToSequence(image, param);
                }
                writer.endWriteSequence();
            }
        } finally {
            writer.dispose();
        }
    }

    private ImageFiles() {
    }
}
