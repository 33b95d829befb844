package org.medrec.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.report.RunSummary;
import org.medrec.testing.Fixtures;
import org.medrec.testing.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A chart whose OCR runs past {@code medrec.ocr.page-time-limit} is quarantined, and the run goes on. */
@StoreTest(properties = "medrec.ocr.page-time-limit=1ms")
class OcrTimeLimitIntegrationTests {

    @Autowired
    MigrationService migration;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path input;

    @Test
    void shouldQuarantineAChartWhoseOcrRunsPastTheTimeLimitAndGoOn() throws Exception {
        for (String name : new String[] {"billing-ledger.png", "born-digital-progress-note.pdf", "patients-export.xlsx"}) {
            Files.copy(Fixtures.sampleScans().resolve(name), input.resolve(name));
        }

        RunSummary summary = migration.migrate(input);

        assertThat(summary.status()).isEqualTo("COMPLETED");
        assertThat(summary.quarantine()).singleElement().satisfies(q -> {
            assertThat(q.file()).isEqualTo("billing-ledger.png");
            assertThat(q.reason()).contains("page 1: OCR ran past its time limit of 1 ms");
        });
        assertThat(summary.ledger()).filteredOn(e -> !e.file().equals("billing-ledger.png"))
                .extracting(RunSummary.LedgerEntry::outcome).doesNotContain("quarantined", "received");
    }
}
