package org.medrec.extraction.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.intake.FileFormat;
import org.medrec.ocr.ChartPages;
import org.medrec.ocr.OcrEngine;
import org.medrec.testing.Tesseract;

/**
 * A ledger printed with tight columns (a page of 300 dpi, read with real Tesseract): a CPT code a
 * word space from its description is split by the code's shape, whatever the gap; a description a
 * word space from its amount is not, and its line stays in review.
 */
@ExtendWith(Tesseract.class)
class TightLedgerTests {

    private static OcrEngine engine;

    @BeforeAll
    static void startTesseract(OcrEngine tesseract) {
        engine = tesseract;
    }

    /** The lines typed in a monospaced face at 10 pt, 300 dpi. */
    private static Path page(Path dir, String... lines) throws Exception {
        BufferedImage image = new BufferedImage(2550, 1200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 42));
            int y = 150;
            for (String line : lines) {
                g.drawString(line, 150, y);
                y += 70;
            }
        } finally {
            g.dispose();
        }
        Path file = dir.resolve("ledger.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void shouldLoadACodeAWordSpaceFromItsDescriptionAndKeepADescriptionAWordSpaceFromItsAmountInReview(@TempDir Path dir)
            throws Exception {
        Path file = page(dir,
                "Lakeside Pediatrics & Family Care",
                "Patient Account Ledger",
                "Pt. Name: Jean Vargas   Date of Birth: 6/17/87",
                "Medical Record No.: A-36283",
                "",
                "Date      CPT   Description                   Charge   Payment",
                "07/04/18  99203 OFFICE VISIT NEW PATIENT      157.00   127.00",
                "02/07/19  90471 IMMUNIZATION ADMIN            26.00    26.00",
                "03/11/19  81002 URINALYSIS NONAUTO W/O SCOPE  12.00    12.00",
                "05/20/19  90686 FLU VACCINE QUADRIVALENT 26.00 26.00");

        ChartExtraction.Extracted e = Forms.extracted(Forms.outcome(ChartDocument.of(new ChartPages().read(file,
                FileFormat.PNG, engine))));

        Map<String, String> loaded = Forms.loadable(e);
        assertThat(loaded).containsEntry("charges[0].cpt", "99203").containsEntry("charges[0].description",
                "OFFICE VISIT NEW PATIENT").containsEntry("charges[1].cpt", "90471")
                .containsEntry("charges[1].description", "IMMUNIZATION ADMIN").containsEntry("charges[2].cpt", "81002");
        assertThat(Forms.inReview(e)).containsKey("charges[3].charge");
        assertThat(Forms.inReview(e).get("charges[3].charge")).contains("run from one column into the next");
        assertThat(loaded).doesNotContainKeys("charges[3].description", "charges[3].charge", "charges[3].payment");
    }
}
