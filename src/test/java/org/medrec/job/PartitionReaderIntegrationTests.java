package org.medrec.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.intake.FileFormat;
import org.medrec.store.Ledger;
import org.medrec.testing.StoreTest;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a worker reads of a partition, against a real store: only its range of source files; a
 * file the worker host cannot see fails the read and stays to be read (never quarantined); and a
 * file another writer finished is not written again.
 */
@StoreTest
class PartitionReaderIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    PlatformTransactionManager transactionManager;

    @TempDir
    Path input;

    UUID runId;
    long first;
    long second;

    @BeforeEach
    void twoChartsOfARun() throws Exception {
        runId = UUID.randomUUID();
        jdbc.sql("INSERT INTO migration_run (id, input_dir) VALUES (?, ?)").params(runId, input.toString()).update();
        first = chart("a.pdf", "a");
        second = chart("b.pdf", "b");
        Files.writeString(input.resolve("a.pdf"), "%PDF-1.4");   // b.pdf is not on this host
    }

    private long chart(String path, String hexDigit) {
        long id = jdbc.sql("""
                INSERT INTO source_file (sha256, size_bytes, first_path, first_run_id, format, pages, outcome)
                VALUES (?, 8, ?, ?, 'PDF', 1, 'received') RETURNING id""")
                .params(hexDigit.repeat(64), path, runId).query(Long.class).single();
        jdbc.sql("INSERT INTO run_file (run_id, path, source_file_id, disposition) VALUES (?, ?, ?, 'new')")
                .params(runId, path, id).update();
        return id;
    }

    @Test
    void shouldReadOnlyThePartitionsRangeWhenGivenOne() {
        ReceivedFilesReader reader = new ReceivedFilesReader(jdbc, runId, input, FileFormat::isChart, first, first, true);
        reader.open(new ExecutionContext());

        assertThat(reader.read()).extracting(ReceivedFile::sourceFileId).isEqualTo(first);
        assertThat(reader.read()).isNull();
    }

    @Test
    void shouldFailThePartitionAndKeepTheFileWhenTheWorkerHostCannotSeeIt() {
        ReceivedFilesReader reader = new ReceivedFilesReader(jdbc, runId, input, FileFormat::isChart, 0, Long.MAX_VALUE,
                true);
        reader.open(new ExecutionContext());

        assertThat(reader.read()).extracting(ReceivedFile::sourceFileId).isEqualTo(first);
        assertThatThrownBy(reader::read).isInstanceOf(ReceivedFilesReader.InputNotVisibleException.class)
                .hasMessageContaining("source file " + second + " of the run cannot be read on this worker host under "
                        + input)
                .hasMessageContaining("mount the input at the same absolute path")
                .hasMessageNotContaining("b.pdf");
        assertThat(jdbc.sql("SELECT outcome FROM source_file WHERE id = ?").param(second).query(String.class).single())
                .isEqualTo("received");
    }

    @Test
    void shouldSayTheInputFolderIsMissingWhenTheWorkerHostHasNoMount() {
        Path elsewhere = input.resolve("not-mounted");
        ReceivedFilesReader reader = new ReceivedFilesReader(jdbc, runId, elsewhere, FileFormat::isChart, 0,
                Long.MAX_VALUE, true);
        reader.open(new ExecutionContext());

        assertThatThrownBy(reader::read).hasMessageContaining("the input folder " + elsewhere
                + " is not visible on this worker host");
    }

    @Test
    void shouldReadAMissingFileOnTheManagerWhenVisibilityIsNotRequired() {
        ReceivedFilesReader reader = new ReceivedFilesReader(jdbc, runId, input, FileFormat::isChart);
        reader.open(new ExecutionContext());

        assertThat(reader.read()).isNotNull();
        assertThat(reader.read()).extracting(ReceivedFile::sourceFileId).isEqualTo(second);
    }

    @Test
    void shouldFindAFileDoneWhenAnotherWriterFinishedIt() {
        ledger.finish(first, org.medrec.record.FileOutcome.LOADED, "read elsewhere");
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);

        Boolean firstWaits = transactions.execute(status -> ledger.lockIfReceived(first));
        Boolean secondWaits = transactions.execute(status -> ledger.lockIfReceived(second));

        assertThat(firstWaits).isFalse();
        assertThat(secondWaits).isTrue();
    }
}
