package org.medrec.testing;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Before each test of a {@link StoreTest}: the ledger and the record store emptied ({@link StoreTables}). */
public final class EmptyStore implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        StoreTables.wipeMigrations();
    }
}
