package org.medrec.review;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medrec.record.FieldValue;
import org.medrec.record.Method;
import org.medrec.record.SourceRef;
import org.medrec.audit.AuditLog;
import org.medrec.store.RecordLoader;
import org.medrec.store.ReviewItemWriter;
import org.medrec.store.Disagreement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A person's answer to "same person?" ({@code review resolve} on a possible-duplicate item):
 * <ul>
 *   <li>the same person ({@code accept}): the pair is linked; the patient whose MRN was registered
 *       first keeps the record and gains the other's MRNs and entries ({@link PatientMerge}: an
 *       entry both have is kept once); each demographic value on which they disagree becomes a
 *       review item proposing the kept value, naming the other (accept: keep it; a typed value
 *       replaces it);</li>
 *   <li>different people ({@code reject} with a reason): the pair is never asked about again.</li>
 * </ul>
 * The first decision on a pair settles it; the pair's other items (one per source file) then take
 * the same answer, and the opposite one is refused with who decided and when. Every decision is
 * in the audit log. Runs in the decision's transaction. Thread-safe.
 */
@Service
public class PatientLinks {

    private static final Logger log = LoggerFactory.getLogger(PatientLinks.class);

    private final JdbcClient jdbc;
    private final RecordLoader loader;
    private final ReviewItemWriter items;
    private final AuditLog audit;

    public PatientLinks(JdbcClient jdbc, RecordLoader loader, ReviewItemWriter items,
                        AuditLog audit) {
        this.jdbc = jdbc;
        this.loader = loader;
        this.items = items;
        this.audit = audit;
    }

    private record Link(long id, long patientId, long otherPatientId, String mrn, String otherMrn, String status,
                        String decidedBy, OffsetDateTime decidedAt) {
    }

    /** Why this answer cannot be given (the pair was decided the other way), or empty. */
    public Optional<String> refusal(long linkId, boolean samePerson) {
        Link link = link(linkId, false);
        String wanted = samePerson ? "linked" : "distinct";
        if (link.status().equals("candidate") || link.status().equals(wanted)) {
            return Optional.empty();
        }
        return Optional.of("MRN " + link.mrn() + " and MRN " + link.otherMrn() + " were already found to be "
                + (link.status().equals("linked") ? "the same person" : "different people") + " by " + link.decidedBy()
                + " at " + link.decidedAt().truncatedTo(ChronoUnit.SECONDS) + ": decide this item the same way");
    }

    /** Applies the answer of item {@code itemId}; the number of review items it opened. */
    public int decide(long linkId, boolean samePerson, UUID itemId, String reason, String user, AuditLog.Origin origin) {
        Link link = link(linkId, true);
        if (!link.status().equals("candidate")) {
            return 0;   // settled by another item of the pair, the same way (refusal() checked)
        }
        UUID runId = jdbc.sql("SELECT run_id FROM review_item WHERE id = ?").param(itemId).query(UUID.class).optional()
                .orElse(null);
        jdbc.sql("""
                UPDATE patient_link SET status = ?, decided_by = ?, decided_at = now(), review_item_id = ?, reason = ?
                WHERE id = ?""").params(samePerson ? "linked" : "distinct", user, itemId, reason, linkId).update();
        if (!samePerson) {
            audit.append(user, origin, "patient.distinct", "patient_link", String.valueOf(linkId), null,
                    "MRN " + link.mrn() + " and MRN " + link.otherMrn() + " are different people: " + reason);
            log.info("patient link {}: different people", linkId);
            return 0;
        }
        long a = root(link.patientId());
        long b = root(link.otherPatientId());
        int opened = 0;
        if (a != b) {
            long keep = registeredFirst(a, b);
            long other = keep == a ? b : a;
            String keptMrn = mrn(keep);
            String otherMrn = mrn(other);   // before the merge moves it
            List<Disagreement> differences = loader.link(keep, other);
            for (Disagreement difference : differences) {
                opened += ask(runId, difference, keep, otherMrn);
            }
            audit.append(user, origin, "patient.link", "patient_link", String.valueOf(linkId),
                    "patient " + other + " (MRN " + otherMrn + ")", "merged into patient " + keep + " (MRN "
                            + keptMrn + "); " + differences.size() + " values to review");
        }
        log.info("patient link {}: the same person, {} disagreeing values to review", linkId, opened);
        return opened;
    }

    /**
     * Of two patients, the one whose MRN the clinic registered first: the duplicate registration is
     * the later one. MRNs of one length (zero-padded numbers, {@code H0028887}) compare as text,
     * numbers by value; otherwise, and on a tie, the patient stored first.
     */
    long registeredFirst(long a, long b) {
        String x = mrn(a);
        String y = mrn(b);
        int order;
        if (x.length() == y.length()) {
            order = x.compareTo(y);
        } else if (x.matches("\\d{1,18}") && y.matches("\\d{1,18}")) {
            order = Long.compare(Long.parseLong(x), Long.parseLong(y));
        } else {
            order = 0;
        }
        return order < 0 ? a : order > 0 ? b : Math.min(a, b);
    }

    /**
     * A demographic value on which the linked registrations disagree, for a person to decide: the
     * item proposes the stored value (the first registration's), where it was read, and names the
     * other record's value in its reason; accept confirms it, a typed value replaces it.
     */
    private int ask(UUID runId, Disagreement difference, long keep, String otherMrn) {
        Long where = difference.keptProvenanceId() != null ? difference.keptProvenanceId() : difference.otherProvenanceId();
        if (where == null || runId == null) {
            return 0;
        }
        record Source(SourceRef where, Long documentId, String raw, double confidence) {
        }
        Source source = jdbc.sql("""
                SELECT vp.source_file_id, sf.first_path, vp.page, vp.box, vp.sheet, vp.row_num, vp.col, vp.method, vp.raw,
                       vp.confidence, vp.document_id
                FROM value_provenance vp JOIN source_file sf ON sf.id = vp.source_file_id WHERE vp.id = ?""")
                .param(where)
                .query((rs, n) -> {
                    Integer[] box = rs.getArray("box") == null ? null : (Integer[]) rs.getArray("box").getArray();
                    String code = rs.getString("method");
                    Method method = java.util.Arrays.stream(Method.values()).filter(m -> m.code().equals(code))
                            .findFirst().orElse(Method.TECHNICIAN);
                    SourceRef ref = new SourceRef(rs.getLong("source_file_id"), rs.getString("first_path"),
                            (Integer) rs.getObject("page"), box == null ? null : new int[] {box[0], box[1], box[2], box[3]},
                            rs.getString("sheet"), (Integer) rs.getObject("row_num"), rs.getString("col"), method);
                    double confidence = rs.getBigDecimal("confidence") == null ? 1.0 : rs.getBigDecimal("confidence").doubleValue();
                    return new Source(ref, (Long) rs.getObject("document_id"), rs.getString("raw"), confidence);
                })
                .single();
        // The record of the source document the value came from, so that a decision can correct it.
        Optional<Integer> index = source.documentId() == null ? Optional.empty() : jdbc.sql("""
                SELECT (r.ord - 1)::int FROM document d, jsonb_array_elements(d.records) WITH ORDINALITY AS r(rec, ord)
                WHERE d.id = ? AND r.rec->>'mrn' IN (SELECT value FROM patient_identifier WHERE patient_id = ?)
                ORDER BY r.ord LIMIT 1""").params(source.documentId(), keep).query(Integer.class).optional();
        String mrn = index.isEmpty() ? mrn(keep) : jdbc.sql("SELECT d.records->?->>'mrn' FROM document d WHERE d.id = ?")
                .params(index.get(), source.documentId()).query(String.class).single();
        boolean kept = where.equals(difference.keptProvenanceId());
        String reason = "linked as the same person as MRN " + otherMrn + ", whose record has another value ("
                + (kept ? difference.other() : difference.kept()) + "): accept to keep "
                + (kept ? "the stored value" : "this value") + ", or type the right one";
        String proposed = kept ? difference.kept() : difference.other();
        if (index.isEmpty()) {
            items.openForField(runId, source.documentId(), null, mrn, difference.path(), source.where(), source.raw(), reason);
        } else {
            FieldValue value = new FieldValue(difference.path(), source.raw(), proposed, source.confidence(), source.where(),
                    reason);
            items.openForValue(runId, source.documentId(), index.get(), mrn, value, reason);
        }
        return 1;
    }

    private String mrn(long patientId) {
        return jdbc.sql("SELECT value FROM patient_identifier WHERE patient_id = ? ORDER BY id LIMIT 1").param(patientId)
                .query(String.class).optional().orElse("");
    }

    private long root(long patientId) {
        long current = patientId;
        for (int hops = 0; hops < 100; hops++) {
            Long next = jdbc.sql("SELECT merged_into FROM patient WHERE id = ?").param(current)
                    .query((rs, n) -> (Long) rs.getObject(1)).list().get(0);
            if (next == null) {
                return current;
            }
            current = next;
        }
        throw new IllegalStateException("patient " + patientId + ": merged_into goes round in a circle");
    }

    private Link link(long linkId, boolean lock) {
        return jdbc.sql("""
                SELECT l.id, l.patient_id, l.other_patient_id, a.value, b.value, l.status, l.decided_by, l.decided_at
                FROM patient_link l JOIN patient_identifier a ON a.id = l.identifier_id
                JOIN patient_identifier b ON b.id = l.other_identifier_id WHERE l.id = ?""" + (lock ? " FOR UPDATE OF l" : ""))
                .param(linkId)
                .query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class)))
                .single();
    }
}
