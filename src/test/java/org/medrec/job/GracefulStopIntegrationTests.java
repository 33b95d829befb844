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

/** A stop asked for before the job's first step (a SIGTERM at start-up) is kept: the run ends STOPPED, and resumes. */
@StoreTest
class GracefulStopIntegrationTests {

    @Autowired
    MigrationService migration;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path input;

    @Test
    void shouldStopARunAskedToStopBeforeItBeganAndCompleteItOnTheNextMigrate() throws Exception {
        Files.copy(Fixtures.sampleScans().resolve("patients-export.xlsx"), input.resolve("patients-export.xlsx"));
        Files.copy(Fixtures.sampleScans().resolve("born-digital-progress-note.pdf"),
                input.resolve("born-digital-progress-note.pdf"));

        migration.requestStop();
        RunSummary stopped = migration.migrate(input);

        assertThat(stopped.status()).isEqualTo("STOPPED");
        assertThat(jdbc.sql("SELECT status FROM migration_run WHERE id = ?").param(stopped.runId())
                .query(String.class).single()).isEqualTo("STOPPED");

        RunSummary resumed = migration.migrate(input);

        assertThat(resumed.status()).isEqualTo("COMPLETED");
        assertThat(resumed.runId()).isEqualTo(stopped.runId());
        assertThat(resumed.files().seen()).isEqualTo(2);
        assertThat(resumed.files().addUp()).isTrue();
    }
}
