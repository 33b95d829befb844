package org.medrec.job;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.medrec.intake.FileFormat;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The files of this run that intake received and a later stage has not finished with yet, of the
 * given formats (a restarted run picks up where it stopped), optionally only those whose source-file
 * id is in one partition's range. A reader on a worker host must see every file: one it cannot see
 * fails the partition (the file stays to be read) rather than being quarantined.
 * Thread-safe once opened (read is synchronized).
 */
class ReceivedFilesReader implements ItemStreamReader<ReceivedFile> {

    private final JdbcClient jdbc;
    private final UUID runId;
    private final Path root;
    private final List<String> formats;
    private final long firstId;
    private final long lastId;
    private final boolean mustSeeFiles;
    private Iterator<ReceivedFile> files;

    ReceivedFilesReader(JdbcClient jdbc, UUID runId, Path root, java.util.function.Predicate<FileFormat> formats) {
        this(jdbc, runId, root, formats, 0, Long.MAX_VALUE, false);
    }

    /** Only the files with ids {@code firstId..lastId}; {@code mustSeeFiles}: a file not found here fails the read. */
    ReceivedFilesReader(JdbcClient jdbc, UUID runId, Path root, java.util.function.Predicate<FileFormat> formats,
                        long firstId, long lastId, boolean mustSeeFiles) {
        this.jdbc = jdbc;
        this.runId = runId;
        this.root = root;
        this.formats = java.util.Arrays.stream(FileFormat.values()).filter(formats).map(Enum::name).toList();
        this.firstId = firstId;
        this.lastId = lastId;
        this.mustSeeFiles = mustSeeFiles;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        files = jdbc.sql("""
                SELECT DISTINCT ON (sf.id) sf.id, rf.path, sf.format
                FROM run_file rf JOIN source_file sf ON sf.id = rf.source_file_id
                WHERE rf.run_id = ? AND sf.outcome = 'received' AND sf.format = ANY (?) AND sf.id BETWEEN ? AND ?
                ORDER BY sf.id, rf.path""")
                .params(runId, formats.toArray(String[]::new), firstId, lastId)
                .query((rs, n) -> new ReceivedFile(rs.getLong(1), root.resolve(rs.getString(2)), rs.getString(2),
                        FileFormat.valueOf(rs.getString(3))))
                .list().iterator();
    }

    @Override
    public synchronized ReceivedFile read() {
        if (!files.hasNext()) {
            return null;
        }
        ReceivedFile file = files.next();
        if (mustSeeFiles && !java.nio.file.Files.isReadable(file.file())) {
            throw new InputNotVisibleException(root, file.sourceFileId(), java.nio.file.Files.isDirectory(root));
        }
        return file;
    }

    /** A worker host does not see a file of the run where the manager saw it: a mount is missing or differs. */
    static final class InputNotVisibleException extends IllegalStateException {
        InputNotVisibleException(Path root, long sourceFileId, boolean rootVisible) {
            super((rootVisible ? "source file " + sourceFileId + " of the run cannot be read on this worker host under "
                    + root : "the input folder " + root + " is not visible on this worker host")
                    + ": mount the input at the same absolute path on every worker host as on the manager; the file"
                    + " stays to be read, and the next `medrec migrate` of the same folder resumes the run");
        }
    }
}
