package org.medrec.extraction.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.corpus.CorpusGenerator;
import org.medrec.intake.FileFormat;
import org.medrec.ocr.ChartPages;
import org.medrec.ocr.OcrEngine;
import org.medrec.record.FieldValue;
import org.medrec.testing.Tesseract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A claim generated as an office scan (seed 258940262532193, third document) whose box 31 prints the
 * provider with its first letter on the form's left rule: Tesseract drops that letter with the rule
 * ({@code ISAAC ...} is read {@code SAAC ...} with confidence 0.90). Read with real Tesseract, the
 * value must not be loaded: it stands at its box's edge and goes to review.
 */
@ExtendWith(Tesseract.class)
class FormBoxEdgeTests {

    private static final long SEED = 258940262532193L;

    private static OcrEngine engine;

    @BeforeAll
    static void startTesseract(OcrEngine tesseract) {
        engine = tesseract;
    }

    @Test
    void shouldSendAValueWhoseFirstLetterStandsOnTheBoxRuleToReview(@TempDir Path out) throws Exception {
        CorpusGenerator.main(new String[] {"--out", out.toString(), "--seed", Long.toString(SEED), "--per-tier", "3",
                "--tiers", "office"});
        JsonNode truth = JsonMapper.builder().build().readTree(out.resolve("office/truth/d003.json").toFile());
        assertThat(truth.get("doc_type").asString()).isEqualTo("cms1500");
        String printed = truth.get("records").get(0).get("encounters").get(0).get("provider").asString();
        Path file = out.resolve("office/charts/d003.pdf");
        assertThat(Files.exists(file)).isTrue();

        ChartExtraction.Extracted e = Forms.extracted(Forms.outcome(ChartDocument.of(new ChartPages().read(file,
                FileFormat.PDF, engine))));

        FieldValue provider = e.record().fields().stream().filter(f -> f.path().equals("encounters[0].provider"))
                .findFirst().orElseThrow();
        assertThat(provider.needsReview()).as("provider read '%s', printed '%s'", provider.value(), printed).isTrue();
        assertThat(provider.reviewReason()).contains("edge of its box");
        for (FieldValue f : e.record().fields()) {   // nothing on the form is loaded with a letter cut off at an edge
            if (!f.needsReview() && f.path().endsWith(".provider")) {
                assertThat(f.value()).isEqualTo(printed);
            }
        }
    }
}
