package org.medrec.job;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.medrec.store.SheetLoading;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Reads and loads each spreadsheet of the chunk (see {@link SheetLoading}), in the chunk's transaction. */
class SheetFileWriter implements ItemWriter<ReceivedFile> {

    private final UUID runId;
    private final SheetLoading loading;
    private final LocalDate reference;

    SheetFileWriter(UUID runId, SheetLoading loading, LocalDate reference) {
        this.runId = runId;
        this.loading = loading;
        this.reference = reference;
    }

    @Override
    public void write(Chunk<? extends ReceivedFile> chunk) {
        for (ReceivedFile file : chunk) {
            try {
                loading.load(runId, file.sourceFileId(), file.file(), file.path(), file.format().isDelimitedText(),
                        reference);
            } catch (DataIntegrityViolationException e) {
                loading.failed(runId, file.sourceFileId(), file.path(), e);   // the run goes on; a lost database does not
            }
        }
    }
}
