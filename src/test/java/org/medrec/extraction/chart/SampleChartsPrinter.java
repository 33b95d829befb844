package org.medrec.extraction.chart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.medrec.record.FieldValue;
import org.medrec.intake.ContentSniffer;
import org.medrec.intake.FileFormat;
import org.medrec.ocr.ChartPages;
import org.medrec.ocr.OcrEngine;
import org.medrec.testing.Fixtures;

/**
 * Prints what medrec reads from charts (a development aid, not a test):
 * {@code [--dir DIR] [--lines|--words|--tsv] [NAME-FILTER]}; the default folder is sample-scans/.
 * {@code --tsv} prints one {@code D} line per document and one {@code F} line per field.
 */
public final class SampleChartsPrinter {

    public static void main(String[] args) throws Exception {
        Path dir = Fixtures.sampleScans();
        String mode = "";
        String filter = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--lines", "--words", "--tsv" -> mode = args[i];
                default -> filter = args[i];
            }
        }
        ChartExtractor extractor = new ChartExtractor(Forms.CATALOG, Forms.POLICY);
        try (OcrEngine engine = OcrEngine.open(); var files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                if (!file.getFileName().toString().contains(filter)) {
                    continue;
                }
                byte[] head = Files.readAllBytes(file);
                var kind = ContentSniffer.sniff(head, head.length);
                if (!Set.of("PDF", "TIFF", "PNG", "JPEG").contains(kind.name())) {
                    continue;
                }
                try {
                    ChartDocument doc = ChartDocument.of(new ChartPages().read(file, FileFormat.valueOf(kind.name()), engine));
                    print(doc, extractor.extract(doc, 1, file.getFileName().toString(), Forms.TODAY), file, mode);
                } catch (Exception e) {
                    System.out.println("### " + file.getFileName() + " FAILED " + e);
                }
            }
        }
    }

    private static void print(ChartDocument doc, ChartExtraction outcome, Path file, String mode) {
        String name = file.getFileName().toString();
        ChartExtraction.Extracted r = outcome.map(n -> null, n -> null, e -> e);
        if (r == null) {
            System.out.println("### " + name + " " + outcome);
            return;
        }
        if (mode.equals("--tsv")) {
            System.out.println("D\tcharts/" + name + "\tEXTRACTED\t" + r.docType());
            List<FieldValue> fields = r.record().fields();
            for (FieldValue f : fields) {
                System.out.println("F\tcharts/" + name + "\t" + f.path() + "\t" + f.value() + "\t"
                        + (f.needsReview() || r.documentDoubt() != null ? 1 : 0) + "\t" + f.reviewReason());
            }
            return;
        }
        for (ChartLine l : mode.isEmpty() ? List.<ChartLine>of() : doc.lines()) {
            System.out.println(l.page() + " | " + (mode.equals("--words")
                    ? l.words().stream().map(w -> w.text() + "@" + w.left() + "," + w.top() + "/" + w.layout().height
                            + ":" + Math.round(w.confidence() * 100)).toList()
                    : l.cells().stream().map(Span::text).toList()));
        }
        System.out.println("### " + name + " EXTRACTED " + r.docType()
                + (r.documentDoubt() == null ? "" : " DOC: " + r.documentDoubt()));
        {
            System.out.println("  " + r.record().identifierSystem() + " " + r.record().mrn());
            for (FieldValue f : r.record().fields()) {
                System.out.printf("  %-36s %-34s %.2f %s%n", f.path(), f.value(), f.confidence(),
                        f.reviewReason() == null ? "" : "REVIEW: " + f.reviewReason());
            }
        }
    }
}
