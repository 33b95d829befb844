package org.medrec.review;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The open review items as the web UI lists them: oldest first, filtered, a page at a time by
 * keyset (the page after an item id, never an offset), and counted per document type, field,
 * reason, confidence band and run in one pass. Thread-safe.
 */
@Repository
public class OpenItems {

    /** One line of the queue. {@code claimedBy} is set while someone's claim on it is live. */
    public record Line(UUID id, OffsetDateTime createdAt, String docType, String path, Integer page, String sheet,
                       Integer row, String field, String reason, BigDecimal confidence, String claimedBy) {
    }

    /** A page of lines and the id to continue after (null on the last page). */
    public record Page(List<Line> lines, UUID next) {
    }

    /** How many open items there are, in all and per value of each filter. */
    public record Counts(long total, Map<String, Long> docTypes, Map<String, Long> fields, Map<String, Long> reasons,
                         Map<String, Long> bands, Map<String, Long> runs) {
    }

    static final String FROM = " FROM review_item ri LEFT JOIN document d ON d.id = ri.document_id WHERE ri.status = 'open'";

    /**
     * Open items per document, field, reason, confidence band and run (and in all), in one scan of
     * the open items (hashed grouping sets); the documents, far fewer, are then joined for their type.
     */
    static final String COUNTS = """
            WITH g AS (
                SELECT ri.document_id, ri.field, ri.reason, %1$s AS band, ri.run_id,
                       GROUPING(ri.document_id) AS g_doc, GROUPING(ri.field) AS g_field, GROUPING(ri.reason) AS g_reason,
                       GROUPING(%1$s) AS g_band, GROUPING(ri.run_id) AS g_run, count(*) AS n
                FROM review_item ri WHERE ri.status = 'open'
                GROUP BY GROUPING SETS ((ri.document_id), (ri.field), (ri.reason), (%1$s), (ri.run_id), ()))
            SELECT CASE WHEN g.g_doc = 0 THEN COALESCE(d.doc_type, '(none)') END AS doc_type, g.field, g.reason, g.band,
                   g.run_id::text AS run, g.g_doc, g.g_field, g.g_reason, g.g_band, g.g_run, sum(g.n) AS n
            FROM g LEFT JOIN document d ON d.id = g.document_id AND g.g_doc = 0
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
            ORDER BY n DESC""".formatted(ConfidenceBand.caseExpression());

    /** How long counted facets are shown before they are counted again (the queue page is asked for often). */
    static final long COUNTS_MAX_AGE_NANOS = 5_000_000_000L;

    private record Counted(Counts counts, long at) {
    }

    private volatile Counted counted;

    private final JdbcClient jdbc;

    public OpenItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} open items matching {@code filter}, oldest first, after the item {@code after} (null: from the start). */
    public Page page(QueueFilter filter, UUID after, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT ri.id, ri.created_at, d.doc_type, ri.path, ri.page, ri.sheet, ri.row_num, ri.field, ri.reason,
                       ri.confidence, CASE WHEN ri.claim_expires_at > now() THEN ri.claimed_by END""").append(FROM);
        List<Object> params = new ArrayList<>();
        filter.appendConditions(sql, params);
        if (after != null) {
            sql.append(" AND (ri.created_at, ri.id) > (SELECT created_at, id FROM review_item WHERE id = ?)");
            params.add(after);
        }
        sql.append(" ORDER BY ri.created_at, ri.id LIMIT ?");
        params.add(limit + 1);
        List<Line> lines = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Line(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3), rs.getString(4), (Integer) rs.getObject(5), rs.getString(6),
                        (Integer) rs.getObject(7), rs.getString(8), rs.getString(9), rs.getBigDecimal(10), rs.getString(11)))
                .list();
        if (lines.size() > limit) {
            List<Line> shown = List.copyOf(lines.subList(0, limit));
            return new Page(shown, shown.get(limit - 1).id());
        }
        return new Page(List.copyOf(lines), null);
    }

    /** The number of open items matching {@code filter}. */
    public long count(QueueFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT count(*)").append(FROM);
        List<Object> params = new ArrayList<>();
        filter.appendConditions(sql, params);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    /**
     * Open items per value of each filter (over all open items), in one scan; counted again when
     * the last count is older than a few seconds.
     */
    public Counts counts() {
        Counted last = counted;
        if (last != null && System.nanoTime() - last.at() < COUNTS_MAX_AGE_NANOS) {
            return last.counts();
        }
        Counts counts = countNow();
        counted = new Counted(counts, System.nanoTime());
        return counts;
    }

    /** {@link #counts()} without reuse. */
    Counts countNow() {
        Map<String, Map<String, Long>> groups = new LinkedHashMap<>();
        for (String g : List.of("doc_type", "field", "reason", "band", "run", "total")) {
            groups.put(g, new LinkedHashMap<>());
        }
        jdbc.sql(COUNTS)
                .query(rs -> {
                    long n = rs.getLong("n");
                    if (rs.getInt("g_doc") == 0) {
                        groups.get("doc_type").put(rs.getString("doc_type"), n);
                    } else if (rs.getInt("g_field") == 0) {
                        groups.get("field").put(rs.getString("field"), n);
                    } else if (rs.getInt("g_reason") == 0) {
                        groups.get("reason").put(rs.getString("reason"), n);
                    } else if (rs.getInt("g_band") == 0) {
                        groups.get("band").put(rs.getString("band"), n);
                    } else if (rs.getInt("g_run") == 0) {
                        groups.get("run").put(String.valueOf(rs.getString("run")), n);
                    } else {
                        groups.get("total").put("", n);
                    }
                });
        return new Counts(groups.get("total").getOrDefault("", 0L), groups.get("doc_type"), groups.get("field"),
                groups.get("reason"), groups.get("band"), groups.get("run"));
    }
}
