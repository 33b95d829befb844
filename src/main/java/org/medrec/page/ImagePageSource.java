package org.medrec.page;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;

import org.medrec.intake.FileFormat;
import org.medrec.record.Failures;

/** TIFF (multi-page), PNG and JPEG through the JDK's ImageIO readers, one page decoded at a time. */
final class ImagePageSource implements PageSource {

    private final Path file;
    private final FileFormat format;
    private final PageSourceOptions options;
    private final ImageInputStream input;
    private final ImageReader reader;
    private final int pageCount;

    private ImagePageSource(Path file, FileFormat format, PageSourceOptions options, ImageInputStream input,
                            ImageReader reader, int pageCount) {
        this.file = file;
        this.format = format;
        this.options = options;
        this.input = input;
        this.reader = reader;
        this.pageCount = pageCount;
    }

    static ImagePageSource open(Path file, FileFormat format, PageSourceOptions options) throws IOException {
        String name = switch (format) {
            case TIFF -> "tiff";
            case PNG -> "png";
            case JPEG -> "jpeg";
            default -> throw new IllegalArgumentException("not an image format: " + format);
        };
        ImageInputStream input = ImageIO.createImageInputStream(file.toFile());
        if (input == null) {
            throw new IOException(file.getFileName() + ": cannot open as an image stream");
        }
        try {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(name);
            if (!readers.hasNext()) {
                throw new IOException("no ImageIO reader for " + name);
            }
            ImageReader reader = readers.next();
            reader.setInput(input, false, false);
            // TIFF walks the IFD chain (no pixels decoded); PNG and JPEG hold one page
            int count = format == FileFormat.TIFF ? reader.getNumImages(true) : 1;
            if (count < 1) {
                throw new IOException(file.getFileName() + ": no image in the file");
            }
            return new ImagePageSource(file, format, options, input, reader, count);
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public int pageCount() {
        return pageCount;
    }

    @Override
    public SourcePage page(int number) throws PageException {
        if (number < 1 || number > pageCount) {
            throw new IllegalArgumentException("page " + number + " is outside 1.." + pageCount);
        }
        int index = number - 1;
        try {
            int width = reader.getWidth(index);
            int height = reader.getHeight(index);
            checkSize(number, width, height);
            IIOMetadata metadata = reader.getImageMetadata(index);
            ImageResolution.Dpi dpi = ImageResolution.of(format, metadata, width, height);
            int targetWidth = width;
            int targetHeight = height;
            int dpiX = (int) Math.round(dpi.x());
            int dpiY = (int) Math.round(dpi.y());
            boolean anisotropic = Math.abs(dpi.x() - dpi.y()) / Math.max(dpi.x(), dpi.y()) > 0.02;
            if (anisotropic && options.squarePixels()) {
                // scale the short axis up to the finer resolution: no detail is thrown away
                if (dpi.y() < dpi.x()) {
                    targetHeight = (int) Math.round(height * dpi.x() / dpi.y());
                    dpiY = dpiX;
                } else {
                    targetWidth = (int) Math.round(width * dpi.y() / dpi.x());
                    dpiX = dpiY;
                }
                checkSize(number, targetWidth, targetHeight);
            }
            BufferedImage gray = Grayscale.of(reader.read(index));
            if (targetWidth != width || targetHeight != height) {
                gray = Grayscale.resize(gray, targetWidth, targetHeight);
            }
            return new SourcePage(number, gray, dpiX, dpiY, dpi.estimated(),
                    targetWidth != width || targetHeight != height, null);
        } catch (PageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new PageException(file, number, "cannot decode the " + format + " image ("
                    + Failures.kind(e) + ")", e);
        }
    }

    private void checkSize(int number, int width, int height) throws PageTooLargeException {
        if ((long) width * height > options.maxPixels()) {
            throw new PageTooLargeException(file, number, width, height, options.maxPixels());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            reader.dispose();
        } finally {
            input.close();
        }
    }

    @Override
    public String toString() {
        return "ImagePageSource[" + file.getFileName() + ", " + format + ", " + pageCount + " pages]";
    }
}
