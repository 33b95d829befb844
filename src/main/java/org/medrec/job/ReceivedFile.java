package org.medrec.job;

import java.nio.file.Path;
import org.medrec.intake.FileFormat;

/** A file that intake accepted and a later step reads: its ledger id, where it is, its path in the run, its format. */
record ReceivedFile(long sourceFileId, Path file, String path, FileFormat format) {
}
