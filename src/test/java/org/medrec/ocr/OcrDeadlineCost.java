package org.medrec.ocr;

import java.nio.file.Path;
import java.time.Duration;
import org.medrec.intake.FileFormat;
import org.medrec.page.PageSource;
import org.medrec.page.SourcePage;

/**
 * {@code scripts/bench ocr-limit}: OCR of the same page by an engine without a time limit (the
 * reference) and one with Tesseract's deadline monitor, in turns (which goes first alternates),
 * in one JVM. Prints both times and their ratio.
 */
public final class OcrDeadlineCost {

    private OcrDeadlineCost() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        SourcePage page;
        try (PageSource source = PageSource.open(file, FileFormat.PDF)) {
            page = source.page(1);
        }
        try (OcrEngine plain = OcrEngine.open(OcrSettings.defaults());
             OcrEngine limited = OcrEngine.open(OcrSettings.defaults(), Duration.ofSeconds(120))) {
            plain.recognize(page.image(), page.dpi());   // warm-up
            limited.recognize(page.image(), page.dpi());
            long plainNanos = 0;
            long limitedNanos = 0;
            for (int i = 0; i < rounds; i++) {
                OcrEngine first = i % 2 == 0 ? plain : limited;
                OcrEngine second = first == plain ? limited : plain;
                long t0 = System.nanoTime();
                first.recognize(page.image(), page.dpi());
                long t1 = System.nanoTime();
                second.recognize(page.image(), page.dpi());
                long t2 = System.nanoTime();
                plainNanos += first == plain ? t1 - t0 : t2 - t1;
                limitedNanos += first == plain ? t2 - t1 : t1 - t0;
            }
            System.out.printf(java.util.Locale.ROOT, "reference: no time limit: %.2f s/page%n", plainNanos / 1e9 / rounds);
            System.out.printf(java.util.Locale.ROOT, "with Tesseract's deadline monitor (120 s): %.2f s/page%n",
                    limitedNanos / 1e9 / rounds);
            System.out.printf(java.util.Locale.ROOT, "ratio limited/reference: %.3f (%d rounds, %s page 1)%n",
                    (double) limitedNanos / plainNanos, rounds, file.getFileName());
        }
    }
}
