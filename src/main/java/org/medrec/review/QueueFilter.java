package org.medrec.review;

import java.util.List;
import java.util.UUID;

/**
 * Which open items a technician works on: any of the fields may be null (no filter). The
 * document type {@value #NO_DOCUMENT} selects items about a whole file or a spreadsheet row that
 * belong to no document. Kept in the session, never in a URL (a reason may quote what was read).
 * Immutable and thread-safe.
 */
public record QueueFilter(String docType, String field, String reason, ConfidenceBand band, UUID runId) {

    public static final String NO_DOCUMENT = "(none)";

    public static final QueueFilter ALL = new QueueFilter(null, null, null, null, null);

    public QueueFilter {
        docType = blankToNull(docType);
        field = blankToNull(field);
        reason = blankToNull(reason);
    }

    public boolean isAll() {
        return equals(ALL);
    }

    /** Appends {@code AND ...} conditions on {@code review_item ri} and {@code document d}, adding their parameters. */
    void appendConditions(StringBuilder sql, List<Object> params) {
        if (docType != null) {
            if (docType.equals(NO_DOCUMENT)) {
                sql.append(" AND ri.document_id IS NULL");
            } else {
                sql.append(" AND d.doc_type = ?");
                params.add(docType);
            }
        }
        if (field != null) {
            sql.append(" AND ri.field = ?");
            params.add(field);
        }
        if (reason != null) {
            sql.append(" AND ri.reason = ?");
            params.add(reason);
        }
        if (band != null) {
            sql.append(" AND ").append(band.condition());
        }
        if (runId != null) {
            sql.append(" AND ri.run_id = ?");
            params.add(runId);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
