package org.medrec.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the attempts at reading a file ({@code source_file.read_attempts}), each committed at once
 * in its own transaction, before the reading starts: an attempt whose process died (a native crash,
 * a kill) stays counted, while the chunk that would have recorded the file's outcome is rolled back.
 * Thread-safe.
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

    /** Records that reading the file begins; returns how many earlier attempts began and never finished it. */
    public int begin(long sourceFileId) {
        Integer before = ownTransaction.execute(status -> jdbc.sql("""
                UPDATE source_file SET read_attempts = read_attempts + 1 WHERE id = ? RETURNING read_attempts - 1""")
                .param(sourceFileId).query(Integer.class).optional().orElse(0));
        return before == null ? 0 : before;
    }
}
