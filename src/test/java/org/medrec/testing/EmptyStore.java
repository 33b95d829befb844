package org.medrec.testing;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** Before each test of a {@link StoreTest}: the ledger and the record store emptied ({@link StoreTables}). */
public final class EmptyStore implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        StoreTables.wipeMigrations(SpringExtension.getApplicationContext(context).getBean(JdbcClient.class));
    }
}
