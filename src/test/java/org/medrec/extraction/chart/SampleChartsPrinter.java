package org.medrec.extraction.chart;

import java.nio.file.Files;
import java.nio.file.Path;
import org.medrec.extraction.FieldValue;
import org.medrec.intake.ContentSniffer;
import org.medrec.ocr.ChartPages;
import org.medrec.ocr.OcrEngine;
import org.medrec.testing.Fixtures;

/** Prints what medrec reads from each chart of sample-scans/ (a development aid, not a test). */
public final class SampleChartsPrinter {

    public static void main(String[] args) throws Exception {
        ChartExtractor extractor = new ChartExtractor(Forms.CATALOG, Forms.POLICY);
        try (OcrEngine engine = OcrEngine.open(); var files = Files.list(Fixtures.sampleScans())) {
            for (Path file : files.sorted().toList()) {
                if (args.length > 0 && !file.toString().contains(args[0])) {
                    continue;
                }
                byte[] head = Files.readAllBytes(file);
                var kind = ContentSniffer.sniff(head, head.length);
                if (!java.util.Set.of("PDF", "TIFF", "PNG", "JPEG").contains(kind.name())) {
                    continue;
                }
                var format = org.medrec.intake.FileFormat.valueOf(kind.name());
                try {
                    var pages = new ChartPages().read(file, format, engine);
                    ChartDocument doc = ChartDocument.of(pages);
                    if (args.length > 1) {
                        doc.lines().forEach(l -> System.out.println(l.page() + " | " + l.cells().stream().map(Span::text).toList()));
                    }
                    ChartExtraction r = extractor.extract(doc, 1, file.getFileName().toString(), Forms.TODAY);
                    System.out.println("### " + file.getFileName() + " " + r.outcome() + " " + r.docType() + " " + r.reason()
                            + (r.documentDoubt() == null ? "" : " DOC: " + r.documentDoubt()));
                    if (r.record() != null) {
                        System.out.println("  " + r.record().identifierSystem() + " " + r.record().mrn());
                        for (FieldValue f : r.record().fields()) {
                            System.out.printf("  %-36s %-34s %.2f %s%n", f.path(), f.value(), f.confidence(),
                                    f.reviewReason() == null ? "" : "REVIEW: " + f.reviewReason());
                        }
                    }
                } catch (Exception e) {
                    System.out.println("### " + file.getFileName() + " FAILED " + e);
                }
            }
        }
    }
}
