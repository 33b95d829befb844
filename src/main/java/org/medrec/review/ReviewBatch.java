package org.medrec.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.medrec.audit.AuditLog;
import org.medrec.record.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many decisions at once, for scripts ({@code review resolve --batch FILE}): a JSON array of
 * {@code {"id": …, "action": "accept"|"value"|"reject"|"record", "value": …, "reason": …, "doc_type": …,
 * "clinic": …, "records": […]}} (or, for a row, {@code "cells": {…}}). Each entry is
 * decided on its own ({@link ReviewDecisions}, one transaction each), so one bad entry (unknown
 * id, invalid value, already resolved, malformed) never stops the others; it is reported with the
 * id as the file gave it. Thread-safe.
 */
@Service
public class ReviewBatch {

    /** One entry of the file: its id as written, and the decision, or why the entry cannot be read. */
    public record Entry(JsonNode id, UUID itemId, Decision decision, String problem) {
    }

    /** An entry that was not applied. {@code error} may quote a typed value: print it, never log it. */
    public record Failure(JsonNode id, String error) {
    }

    /** {@code applied} entries, and those that failed, in file order. */
    public record Result(int applied, List<Failure> failed) {
        public Result {
            failed = List.copyOf(failed);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ReviewBatch.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReviewDecisions decisions;

    ReviewBatch(ReviewDecisions decisions) {
        this.decisions = decisions;
    }

    /**
     * Reads a batch file's text.
     *
     * @throws IllegalArgumentException when it is not a JSON array (nothing is decided then)
     */
    public static List<Entry> read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("not a JSON array of decisions");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode node : root) {
            entries.add(entry(node));
        }
        return entries;
    }

    private static Entry entry(JsonNode node) {
        if (!node.isObject()) {
            return new Entry(null, null, null, "an entry must be an object with id and action");
        }
        JsonNode id = node.get("id");
        if (id == null || id.isNull()) {
            return new Entry(null, null, null, "no id");
        }
        UUID itemId;
        try {
            itemId = UUID.fromString(id.isString() ? id.asString().strip() : id.toString());
        } catch (IllegalArgumentException e) {
            return new Entry(id, null, null, "no review item " + (id.isString() ? id.asString() : id.toString()));
        }
        try {
            if ("record".equals(text(node, "action"))) {
                return new Entry(id, itemId, record(node), null);
            }
            return new Entry(id, itemId, Decision.of(text(node, "action"), text(node, "value"), text(node, "reason")), null);
        } catch (IllegalArgumentException e) {
            return new Entry(id, itemId, null, e.getMessage());
        }
    }

    /**
     * A {@code record} entry: {@code doc_type}, {@code clinic} and {@code records} (shared/specs/cli.md);
     * or, to finish a spreadsheet row, {@code cells}: its corrected cells by column letter
     * ({@code {"C": "1964-09-13"}}), read again with the row's mapping.
     */
    public static Decision record(JsonNode node) {
        JsonNode cells = node.get("cells");
        if (cells != null && cells.isObject() && node.get("records") == null) {
            Map<String, String> typed = new LinkedHashMap<>();
            for (String column : cells.propertyNames()) {
                typed.put(column, cells.get(column).isNull() ? "" : cells.get(column).asString());
            }
            return new Decision.Row(typed);
        }
        JsonNode records = node.get("records");
        if (records == null || !records.isArray()) {
            throw new IllegalArgumentException("action record needs \"records\": a list of records in the record model");
        }
        return new Decision.Record(text(node, "doc_type"), text(node, "clinic"), records);
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isValueNode() ? v.asString() : v.toString();
    }

    public Result apply(List<Entry> entries, String user, AuditLog.Origin origin) {
        int applied = 0;
        List<Failure> failed = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.problem() != null) {
                failed.add(new Failure(entry.id(), entry.problem()));
                continue;
            }
            try {
                DecisionResult result = decisions.decide(entry.itemId(), entry.decision(), user, origin);
                if (result.applied()) {
                    applied++;
                } else {
                    failed.add(new Failure(entry.id(), result.message()));
                }
            } catch (RuntimeException e) {
                log.warn("review item {} could not be decided: {}", entry.itemId(), e.getClass().getSimpleName());
                failed.add(new Failure(entry.id(), "could not be applied: " + firstLine(e)));
            }
        }
        log.info("batch of {} decisions: {} applied, {} failed", entries.size(), applied, failed.size());
        return new Result(applied, failed);
    }

    private static String firstLine(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.sql.SQLException) {
            return Failures.kind(root);   // the store's own message can quote the row
        }
        String m = root.getMessage();
        return m == null ? root.getClass().getSimpleName() : m.lines().findFirst().orElse("").strip();
    }
}
