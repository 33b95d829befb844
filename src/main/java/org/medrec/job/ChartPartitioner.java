package org.medrec.job;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.medrec.intake.FileFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.partition.PartitionNameProvider;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chart stage of one run split for the workers ({@link ChartPartitions}): each partition's
 * context holds its range of source-file ids. On a restart Spring Batch keeps the ranges of the
 * first attempt (the names are always {@code partition0..n-1}) and runs again only the partitions
 * that did not complete. Step-scoped; not thread-safe.
 */
class ChartPartitioner implements Partitioner, PartitionNameProvider {

    static final String FIRST_ID = "chart.first-id";
    static final String LAST_ID = "chart.last-id";
    static final String INDEX = "chart.partition";
    static final String FILES = "chart.files";
    static final String PAGES = "chart.pages";

    private static final Logger log = LoggerFactory.getLogger(ChartPartitioner.class);

    private final JdbcClient jdbc;
    private final UUID runId;

    ChartPartitioner(JdbcClient jdbc, UUID runId) {
        this.jdbc = jdbc;
        this.runId = runId;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        String[] charts = Arrays.stream(FileFormat.values()).filter(FileFormat::isChart).map(Enum::name)
                .toArray(String[]::new);
        List<ChartPartitions.ChartFile> files = jdbc.sql("""
                SELECT DISTINCT sf.id, coalesce(sf.pages, 0) FROM run_file rf JOIN source_file sf ON sf.id = rf.source_file_id
                WHERE rf.run_id = ? AND sf.outcome = 'received' AND sf.format = ANY (?)""")
                .params(runId, charts).query((rs, n) -> new ChartPartitions.ChartFile(rs.getLong(1), rs.getLong(2)))
                .list();
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (ChartPartitions.IdRange range : ChartPartitions.plan(files, gridSize)) {
            ExecutionContext context = new ExecutionContext();
            context.putLong(FIRST_ID, range.firstId());
            context.putLong(LAST_ID, range.lastId());
            context.putInt(INDEX, range.index());
            context.putInt(FILES, range.files());
            context.putLong(PAGES, range.pages());
            contexts.put(range.name(), context);
        }
        log.info("migration run {}: charts split into {} partitions for the workers ({} files)", runId, gridSize,
                files.size());
        return contexts;
    }

    @Override
    public Collection<String> getPartitionNames(int gridSize) {
        return IntStream.range(0, gridSize).mapToObj(i -> "partition" + i).toList();
    }
}
