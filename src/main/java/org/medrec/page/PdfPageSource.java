package org.medrec.page;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.medrec.record.Failures;

/**
 * PDF pages through PDFBox 3. A page with a real text layer is rendered at {@link PageSourceOptions#renderDpi()}
 * and carries its words; a scanned page is rendered at the native resolution of its scan image (clamped to
 * {@code minDpi..maxDpi}), which avoids blowing a 200-dpi scan up to 300 dpi for nothing.
 */
final class PdfPageSource implements PageSource {

    /** Above this share of the page, the largest image is taken to be the scan of the page. */
    private static final double SCAN_COVERAGE = 0.5;
    /** A page with a scan image needs this many visible letters and digits to count as born-digital. */
    private static final int TEXT_OVER_SCAN_CHARS = 200;

    private final Path file;
    private final PageSourceOptions options;
    private final PDDocument document;
    private final PDFRenderer renderer;

    private PdfPageSource(Path file, PageSourceOptions options, PDDocument document) {
        this.file = file;
        this.options = options;
        this.document = document;
        this.renderer = new PDFRenderer(document);
    }

    static PdfPageSource open(Path file, PageSourceOptions options) throws IOException {
        return new PdfPageSource(file, options, Loader.loadPDF(file.toFile()));
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public int pageCount() {
        return document.getNumberOfPages();
    }

    @Override
    public SourcePage page(int number) throws PageException {
        if (number < 1 || number > pageCount()) {
            throw new IllegalArgumentException("page " + number + " is outside 1.." + pageCount());
        }
        int index = number - 1;
        try {
            PDPage page = document.getPage(index);
            ScanImageLocator.ScanImage scan = ScanImageLocator.find(page);
            boolean scanned = scan != null && scan.pageCoverage() >= SCAN_COVERAGE;
            TextLayerReader.Result text = TextLayerReader.read(document, number, options.renderDpi());
            boolean textLayer = text.visibleChars() >= options.minTextLayerChars()
                    && (!scanned || text.visibleChars() >= TEXT_OVER_SCAN_CHARS);
            int dpi = textLayer || !scanned ? options.renderDpi() : nativeDpi(scan);

            PDRectangle box = page.getCropBox();
            int width = (int) Math.ceil(box.getWidth() / 72.0 * dpi);
            int height = (int) Math.ceil(box.getHeight() / 72.0 * dpi);
            if ((long) width * height > options.maxPixels()) {
                throw new PageTooLargeException(file, number, width, height, options.maxPixels());
            }
            // renderImageWithDPI(i, 200, GRAY) gives 1699 px for 612 pt (float rounding): nudge the scale up
            BufferedImage image = renderer.renderImage(index, (float) (dpi / 72.0 + 1e-5), ImageType.GRAY);
            TextLayer layer = textLayer ? new TextLayer(text.words(), text.text()) : null;
            return new SourcePage(number, image, dpi, dpi, false, false, layer);
        } catch (PageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new PageException(file, number, "cannot render the PDF page ("
                    + Failures.kind(e) + ")", e);
        }
    }

    private int nativeDpi(ScanImageLocator.ScanImage scan) {
        // a fax image in a PDF can be anisotropic: rendering at the finer axis gives square pixels
        double dpi = Math.max(scan.dpiX(), scan.dpiY());
        return (int) Math.max(options.minDpi(), Math.min(options.maxDpi(), Math.round(dpi)));
    }

    @Override
    public void close() throws IOException {
        document.close();
    }

    @Override
    public String toString() {
        return "PdfPageSource[" + file.getFileName() + ", " + pageCount() + " pages]";
    }
}
