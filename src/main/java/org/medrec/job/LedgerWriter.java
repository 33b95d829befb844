package org.medrec.job;

import java.util.UUID;
import org.medrec.intake.IntakeOutcome;
import org.medrec.store.Ledger;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Writes a chunk of intake outcomes into the ledger, in the chunk's transaction. */
class LedgerWriter implements ItemWriter<IntakeOutcome> {

    private final UUID runId;
    private final Ledger ledger;

    LedgerWriter(UUID runId, Ledger ledger) {
        this.runId = runId;
        this.ledger = ledger;
    }

    @Override
    public void write(Chunk<? extends IntakeOutcome> chunk) {
        ledger.record(runId, chunk.getItems());
    }
}
