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
 * given formats (a restarted run picks up where it stopped). Thread-safe once opened (read is synchronized).
 */
class ReceivedFilesReader implements ItemStreamReader<ReceivedFile> {

    private final JdbcClient jdbc;
    private final UUID runId;
    private final Path root;
    private final List<String> formats;
    private Iterator<ReceivedFile> files;

    ReceivedFilesReader(JdbcClient jdbc, UUID runId, Path root, java.util.function.Predicate<FileFormat> formats) {
        this.jdbc = jdbc;
        this.runId = runId;
        this.root = root;
        this.formats = java.util.Arrays.stream(FileFormat.values()).filter(formats).map(Enum::name).toList();
    }

    @Override
    public void open(ExecutionContext executionContext) {
        files = jdbc.sql("""
                SELECT DISTINCT ON (sf.id) sf.id, rf.path, sf.format
                FROM run_file rf JOIN source_file sf ON sf.id = rf.source_file_id
                WHERE rf.run_id = ? AND sf.outcome = 'received' AND sf.format = ANY (?)
                ORDER BY sf.id, rf.path""")
                .params(runId, formats.toArray(String[]::new))
                .query((rs, n) -> new ReceivedFile(rs.getLong(1), root.resolve(rs.getString(2)), rs.getString(2),
                        FileFormat.valueOf(rs.getString(3))))
                .list().iterator();
    }

    @Override
    public synchronized ReceivedFile read() {
        return files.hasNext() ? files.next() : null;
    }
}
