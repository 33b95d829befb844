package org.medrec.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.medrec.record.FileOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A migration run in the test store, and source files of it (each with its ledger row for
 * the run), for tests that load records, open items or count a run's outcomes.
 */
public record TestRun(JdbcClient jdbc, UUID id) {

    /** Begins a run over {@code /in}. */
    public static TestRun begin(JdbcClient jdbc) {
        return begin(jdbc, "/in");
    }

    public static TestRun begin(JdbcClient jdbc, String input) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO migration_run (id, input_dir) VALUES (?, ?)").params(id, input).update();
        return new TestRun(jdbc, id);
    }

    /** A file intake received, waiting for its stage. */
    public long file(String path, String format) {
        return file(path, format, FileOutcome.RECEIVED, null);
    }

    /** A file of the run at {@code path} (its SHA-256 is that of the path), with its outcome. */
    public long file(String path, String format, FileOutcome outcome, String reason) {
        long fileId = jdbc.sql("""
                INSERT INTO source_file (sha256, size_bytes, first_path, first_run_id, format, outcome, reason)
                VALUES (?, 1, ?, ?, ?, ?, ?) RETURNING id""")
                .params(sha256(path), path, id, format, outcome.code(), reason).query(Long.class).single();
        jdbc.sql("INSERT INTO run_file (run_id, path, source_file_id, disposition) VALUES (?, ?, ?, 'new')")
                .params(id, path, fileId).update();
        return fileId;
    }

    /** The SHA-256 {@link #file} gives the file at {@code path}. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
