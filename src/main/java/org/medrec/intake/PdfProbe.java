package org.medrec.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Opens a PDF the way the page stage will, and checks that every page can be read: the page
 * tree, each content stream, and each image stream's bytes and declared size (a decompression bomb
 * declares a huge image). Pixels are not decoded here: the page stage decodes them once, and a
 * damaged image quarantines the chart then ({@code DamagedFileException}). Thread-safe (stateless).
 */
final class PdfProbe {

    private static final int TAIL = 64 * 1024;

    private PdfProbe() {
    }

    static ProbeResult probe(Path file, long maxImagePixels) {
        try {
            if (!endsWithEofMarker(file)) {
                return ProbeResult.refused(FileFormat.PDF, "truncated PDF: the file ends without the %%EOF marker,"
                        + " so pages may be missing; copy or scan the original again");
            }
            try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()), "", null, null,
                    IOUtils.createTempFileOnlyStreamCache())) {
                int pages = doc.getNumberOfPages();
                if (pages == 0) {
                    return ProbeResult.refused(FileFormat.PDF, "PDF has no pages");
                }
                int index = 0;
                for (PDPage page : doc.getPages()) {
                    index++;
                    String problem = checkPage(page, maxImagePixels);
                    if (problem != null) {
                        return ProbeResult.refused(FileFormat.PDF, "damaged PDF: page " + index + " of " + pages
                                + " cannot be read (" + problem + ")");
                    }
                }
                if (index != pages) {
                    return ProbeResult.refused(FileFormat.PDF, "damaged PDF: its page tree lists " + pages
                            + " pages but holds " + index);
                }
                return ProbeResult.accepted(FileFormat.PDF, pages);
            }
        } catch (InvalidPasswordException e) {
            return ProbeResult.refused(FileFormat.PDF, "encrypted PDF: a password is required to open it;"
                    + " remove the password (or get an unprotected copy) and migrate it again");
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return ProbeResult.refused(FileFormat.PDF, "damaged PDF: it cannot be opened (" + Reasons.describe(e) + ")");
        }
    }

    private static String checkPage(PDPage page, long maxImagePixels) {
        try {
            if (page.hasContents()) {
                new PDFStreamParser(page).parse();
            }
            return checkImages(page.getResources(), 0, maxImagePixels);
        } catch (IOException | RuntimeException e) {
            return Reasons.describe(e);
        }
    }

    /**
     * Reads every image stream's bytes, as stored, and checks its declared size (nested forms included, to a
     * bounded depth); the problem found, or null.
     */
    private static String checkImages(PDResources resources, int depth, long maxImagePixels) throws IOException {
        if (resources == null || depth > 4) {
            return null;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image) {
                long pixels = (long) image.getWidth() * image.getHeight();
                if (pixels > maxImagePixels) {
                    return "an image of " + image.getWidth() + " x " + image.getHeight() + " pixels, more than the limit of "
                            + maxImagePixels + " (a decompression bomb, or a scan far above 600 dpi)";
                }
                try (InputStream in = image.getCOSObject().createRawInputStream()) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            } else if (object instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                String problem = checkImages(form.getResources(), depth + 1, maxImagePixels);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static boolean endsWithEofMarker(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int n = (int) Math.min(TAIL, length);
            byte[] tail = new byte[n];
            raf.seek(length - n);
            raf.readFully(tail);
            return new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF");
        }
    }
}
