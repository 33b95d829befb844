package org.medrec.review;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the review queue, oldest first. Thread-safe. */
@Repository
public class ReviewQueue {

    private final JdbcClient jdbc;

    public ReviewQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Items as {@code review list --json} prints them (shared/specs/cli.md). */
    public List<Map<String, Object>> list(boolean openOnly) {
        return jdbc.sql("""
                SELECT id, kind, status, path, page, sheet, row_num, mrn, field, raw, proposed_value, confidence, reason
                FROM review_item""" + (openOnly ? " WHERE status = 'open'" : "") + " ORDER BY created_at, id")
                .query((rs, n) -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", rs.getString("id"));
                    item.put("kind", rs.getString("kind"));
                    item.put("status", rs.getString("status"));
                    item.put("file", rs.getString("path"));
                    item.put("page", rs.getObject("page"));
                    item.put("sheet", rs.getString("sheet"));
                    item.put("row", rs.getObject("row_num"));
                    item.put("mrn", rs.getString("mrn"));
                    item.put("field", rs.getString("field"));
                    item.put("raw", rs.getString("raw"));
                    item.put("value", rs.getString("proposed_value"));
                    BigDecimal confidence = rs.getBigDecimal("confidence");
                    item.put("confidence", confidence == null ? null : confidence.doubleValue());
                    item.put("reason", rs.getString("reason"));
                    return item;
                })
                .list();
    }
}
