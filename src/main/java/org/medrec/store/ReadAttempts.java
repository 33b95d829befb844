package org.medrec.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the attempts at reading a file that began and did not return ({@code source_file.read_attempts}):
 * {@link #begin} before the reading, {@link #end} when it returned (read or not), each committed at once
 * in its own transaction. An attempt whose process died while reading the file (a native crash, a kill)
 * stays counted; a file that was read and merely waited in the same chunk does not. Thread-safe.
 */
@Repository
public class ReadAttempts {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    public ReadAttempts(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Reading the file begins; returns how many earlier attempts began and never returned. */
    public int begin(long sourceFileId) {
        Integer before = ownTransaction.execute(status -> jdbc.sql(
                "UPDATE source_file SET read_attempts = read_attempts + 1 WHERE id = ? RETURNING read_attempts - 1")
                .param(sourceFileId).query(Integer.class).optional().orElse(0));
        return before == null ? 0 : before;
    }

    /** The attempt begun by {@link #begin} returned (whether or not the file could be read). */
    public void end(long sourceFileId) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql(
                "UPDATE source_file SET read_attempts = greatest(read_attempts - 1, 0) WHERE id = ?")
                .param(sourceFileId).update());
    }
}
