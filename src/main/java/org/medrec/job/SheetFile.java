package org.medrec.job;

import java.nio.file.Path;
import org.medrec.intake.FileFormat;

/** A spreadsheet that intake accepted and the sheets step reads: its ledger id, where it is, its format. */
record SheetFile(long sourceFileId, Path file, String path, FileFormat format) {
}
