package org.medrec.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.testing.Fixtures;

/** A scan decoded straight from its image must give the very pixels PDFBox's rendering gives, or not be used. */
class DirectScanTests {

    @Test
    void shouldGiveTheRenderedPixelsOfAGrayJpegScan() throws Exception {
        assertSameAsRendering(Fixtures.sampleScans().resolve("typed-intake-form.pdf"), 300);
    }

    @Test
    void shouldGiveTheRenderedPixelsOfADeflatedGrayScan() throws Exception {
        assertSameAsRendering(Fixtures.sampleScans().resolve("appointment-history-multipage.pdf"), 200);
    }

    @Test
    void shouldGiveTheRenderedPixelsOfAColourJpegScan(@TempDir Path dir) throws Exception {
        assertSameAsRendering(colourScanPdf(dir.resolve("colour-scan.pdf"), null), 200);
    }

    @Test
    void shouldLeaveAScanWithTextDrawnOverItToTheRenderer(@TempDir Path dir) throws Exception {
        Path pdf = colourScanPdf(dir.resolve("stamped-scan.pdf"), "RECEIVED");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDPage page = document.getPage(0);
            assertThat(DirectScan.decode(page, ScanImageLocator.find(page), 1700, 2200)).isNull();
        }
    }

    /** A letter page that is one colour JPEG scan, with {@code stamp} (when not null) drawn over it as text. */
    private static Path colourScanPdf(Path pdf, String stamp) throws Exception {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            PDImageXObject scan = JPEGFactory.createFromByteArray(document, colourJpeg(1700, 2200));
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(scan, 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
                if (stamp != null) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 24);
                    content.newLineAtOffset(72, 72);
                    content.showText(stamp);
                    content.endText();
                }
            }
            document.save(pdf.toFile());
        }
        return pdf;
    }

    private static void assertSameAsRendering(Path pdf, int dpi) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                PDPage page = document.getPage(i);
                BufferedImage rendered = new PDFRenderer(document).renderImage(i, (float) (dpi / 72.0 + 1e-5),
                        ImageType.GRAY);

                BufferedImage direct = DirectScan.decode(page, ScanImageLocator.find(page), rendered.getWidth(),
                        rendered.getHeight());

                assertThat(direct).as("page %d decoded straight from its scan", i + 1).isNotNull();
                assertThat(pixels(direct)).as("page %d", i + 1).isEqualTo(pixels(rendered));
            }
        }
    }

    private static byte[] pixels(BufferedImage gray) {
        return ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    }

    /** A colour page: coloured boxes and red writing on white. */
    private static byte[] colourJpeg(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 200; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillRect(random.nextInt(width - 100), random.nextInt(height - 100), 5 + random.nextInt(95), 5 + random.nextInt(95));
        }
        g.setColor(new Color(180, 20, 20));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 40));
        g.drawString("Patient Name: written in red", 100, 300);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        return jpeg.toByteArray();
    }
}
