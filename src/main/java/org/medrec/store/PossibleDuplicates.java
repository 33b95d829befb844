package org.medrec.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.medrec.matching.BlockingKeys;
import org.medrec.matching.Demographics;
import org.medrec.matching.MatchScore;
import org.medrec.matching.PatientComparator;
import org.medrec.record.Method;
import org.medrec.record.SourceRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds possible duplicates of a patient whose record was just loaded: the patient's blocking
 * keys are refreshed, the patients of the same identifier system that share a key are compared
 * ({@link PatientComparator}), and each pair that may be one person is recorded in
 * {@code patient_link} and asked about: one "same person?" review item (field {@code *}) per
 * source file of either patient, naming both MRNs, until a person decides the pair. Nothing is
 * ever merged here. Patients of different identifier systems (clinics) are never compared.
 * Runs in the caller's transaction. Thread-safe.
 */
@Service
public class PossibleDuplicates {

    private static final Logger log = LoggerFactory.getLogger(PossibleDuplicates.class);

    private final JdbcClient jdbc;
    private final PatientComparator comparator;
    private final ReviewItemWriter items;

    public PossibleDuplicates(JdbcClient jdbc, PatientComparator comparator, ReviewItemWriter items) {
        this.jdbc = jdbc;
        this.comparator = comparator;
        this.items = items;
    }

    /** Compares the patient with its blocks; the number of review items opened. */
    public int check(UUID runId, long patientId) {
        return checkAll(runId, List.of(patientId));
    }

    /**
     * {@link #check} for many patients loaded together (a spreadsheet's batch): the same pairs are
     * found and asked about, each once, with a few statements for the whole batch instead of a
     * few per patient (whose cached plans, made while the tables were small, scanned the whole
     * register for each patient).
     */
    public int checkAll(UUID runId, List<Long> patientIds) {
        if (patientIds.isEmpty()) {
            return 0;
        }
        Long[] ids = patientIds.toArray(Long[]::new);
        Map<Long, Demographics> mine = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT id, family, given, birth_date, sex, address_line[1], postal_code, phone FROM patient
                WHERE id = ANY (?) ORDER BY id""").param(ids).query(rs -> {
                    mine.put(rs.getLong(1), demographics(rs));
                });
        if (refreshKeys(mine) == 0) {
            return 0;   // no keys: no block to compare within
        }
        record Pair(long patientId, long otherId, Demographics other) {
        }
        List<Pair> pairs = jdbc.sql("""
                SELECT DISTINCT k1.patient_id, p.id, p.family, p.given, p.birth_date, p.sex, p.address_line[1],
                       p.postal_code, p.phone
                FROM patient_block_key k1
                JOIN patient_block_key k2 ON k2.system_id = k1.system_id AND k2.key = k1.key AND k2.patient_id <> k1.patient_id
                JOIN patient p ON p.id = k2.patient_id
                WHERE k1.patient_id = ANY (?) AND p.merged_into IS NULL
                ORDER BY 1 DESC, 2""").param(ids)
                .query((rs, n) -> new Pair(rs.getLong(1), rs.getLong(2), demographicsFrom(rs, 2))).list();
        Set<List<Long>> seen = new HashSet<>();
        int opened = 0;
        for (Pair pair : pairs) {
            long first = Math.min(pair.patientId(), pair.otherId());
            long second = Math.max(pair.patientId(), pair.otherId());
            if (!seen.add(List.of(first, second))) {
                continue;   // both loaded in this batch: compared once, the later one with the earlier, as one by one
            }
            MatchScore score = comparator.compare(mine.get(pair.patientId()), pair.other());
            if (score.possibleDuplicate()) {
                opened += ask(runId, first, second, score);
            }
        }
        if (opened > 0) {
            log.info("{} patients: {} possible-duplicate review items opened", patientIds.size(), opened);
        }
        return opened;
    }

    /** Recomputes a patient's blocking keys in each identifier system it has an MRN in. */
    public void refreshKeys(long patientId) {
        demographics(patientId).ifPresent(d -> refreshKeys(Map.of(patientId, d)));
    }

    /** Replaces the patients' blocking keys; the number of keys they now have. */
    private int refreshKeys(Map<Long, Demographics> patients) {
        if (patients.isEmpty()) {
            return 0;
        }
        List<Long> owners = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        patients.forEach((id, d) -> BlockingKeys.of(d).forEach(key -> {
            owners.add(id);
            keys.add(key);
        }));
        jdbc.sql("DELETE FROM patient_block_key WHERE patient_id = ANY (?)")
                .param(patients.keySet().toArray(Long[]::new)).update();
        if (keys.isEmpty()) {
            return 0;
        }
        jdbc.sql("""
                INSERT INTO patient_block_key (system_id, key, patient_id)
                SELECT DISTINCT pi.system_id, k.key, pi.patient_id
                FROM unnest(?::bigint[], ?::text[]) AS k(patient_id, key)
                JOIN patient_identifier pi ON pi.patient_id = k.patient_id ON CONFLICT DO NOTHING""")
                .params(owners.toArray(Long[]::new), keys.toArray(String[]::new)).update();
        return keys.size();
    }

    private int ask(UUID runId, long first, long second, MatchScore score) {
        record Link(long id, String status) {
        }
        Optional<Link> existing = jdbc.sql("SELECT id, status FROM patient_link WHERE patient_id = ? AND other_patient_id = ?")
                .params(first, second).query((rs, n) -> new Link(rs.getLong(1), rs.getString(2))).optional();
        if (existing.isPresent() && !existing.get().status().equals("candidate")) {
            return 0;   // decided by a person: never asked again
        }
        // two loads may find the same pair at once (chart files are written by two threads)
        long linkId = jdbc.sql("""
                INSERT INTO patient_link (patient_id, other_patient_id, identifier_id, other_identifier_id, weight, agreement)
                VALUES (?, ?, (SELECT min(id) FROM patient_identifier WHERE patient_id = ?),
                        (SELECT min(id) FROM patient_identifier WHERE patient_id = ?), ?, ?)
                ON CONFLICT (patient_id, other_patient_id) DO UPDATE SET weight = EXCLUDED.weight, agreement = EXCLUDED.agreement
                RETURNING id""").params(first, second, first, second, score.weight(), score.summary())
                .query(Long.class).single();
        String firstMrn = mrn(first);
        String secondMrn = mrn(second);
        int opened = 0;
        for (FileOfPatient file : files(first, second, linkId)) {
            String other = file.patientId() == first ? secondMrn : firstMrn;
            UUID item = items.openForPatient(runId, file.documentId(), file.mrn(), file.where(),
                    "possible duplicate patient: MRN " + file.mrn() + " may be the same person as MRN " + other
                            + " of the same clinic (" + score.summary() + "). Accept: the same person, the two are linked"
                            + " and kept as one patient with both MRNs; reject with a reason: different people");
            jdbc.sql("UPDATE review_item SET patient_link_id = ? WHERE id = ?").params(linkId, item).update();
            opened++;
        }
        return opened;
    }

    /** A source file of one of the pair, where its MRN was read, not yet asked about for this pair. */
    private record FileOfPatient(long patientId, String mrn, Long documentId, SourceRef where) {
    }

    private List<FileOfPatient> files(long first, long second, long linkId) {
        List<FileOfPatient> out = new ArrayList<>();
        jdbc.sql("""
                WITH read AS (
                    SELECT pi.patient_id, pi.value AS mrn, 0 AS pref, vp.id, vp.document_id, vp.source_file_id, vp.page,
                           vp.box, vp.sheet, vp.row_num, vp.col, vp.method
                    FROM patient_identifier pi
                    JOIN value_provenance vp ON vp.entity = 'patient_identifier' AND vp.entity_id = pi.id
                    WHERE pi.patient_id IN (:first, :second)
                    UNION ALL
                    SELECT vp.entity_id, NULL, 1, vp.id, vp.document_id, vp.source_file_id, vp.page,
                           vp.box, vp.sheet, vp.row_num, vp.col, vp.method
                    FROM value_provenance vp WHERE vp.entity = 'patient' AND vp.entity_id IN (:first, :second))
                SELECT DISTINCT ON (r.source_file_id) r.patient_id,
                       coalesce(r.mrn, (SELECT value FROM patient_identifier WHERE patient_id = r.patient_id ORDER BY id LIMIT 1))
                           AS value,
                       r.document_id, r.source_file_id, sf.first_path, r.page, r.box, r.sheet, r.row_num, r.col, r.method
                FROM read r JOIN source_file sf ON sf.id = r.source_file_id
                WHERE NOT EXISTS (SELECT 1 FROM review_item i WHERE i.patient_link_id = :link AND i.source_file_id = r.source_file_id)
                ORDER BY r.source_file_id, r.pref, r.id""")
                .param("first", first).param("second", second).param("link", linkId)
                .query(rs -> {
                    Integer[] box = rs.getArray("box") == null ? null : (Integer[]) rs.getArray("box").getArray();
                    SourceRef where = new SourceRef(rs.getLong("source_file_id"), rs.getString("first_path"),
                            (Integer) rs.getObject("page"), box == null ? null : new int[] {box[0], box[1], box[2], box[3]},
                            rs.getString("sheet"), (Integer) rs.getObject("row_num"), rs.getString("col"),
                            method(rs.getString("method")));
                    out.add(new FileOfPatient(rs.getLong("patient_id"), rs.getString("value"),
                            (Long) rs.getObject("document_id"), where));
                });
        return out;
    }

    private static Method method(String code) {
        for (Method m : Method.values()) {
            if (m.code().equals(code)) {
                return m;
            }
        }
        return Method.TECHNICIAN;
    }

    private String mrn(long patientId) {
        return jdbc.sql("SELECT value FROM patient_identifier WHERE patient_id = ? ORDER BY id LIMIT 1").param(patientId)
                .query(String.class).optional().orElse("(none)");
    }

    private Optional<Demographics> demographics(long patientId) {
        return jdbc.sql("""
                SELECT id, family, given, birth_date, sex, address_line[1], postal_code, phone FROM patient WHERE id = ?""")
                .param(patientId).query((rs, n) -> demographics(rs)).optional();
    }

    /** Columns 2..8: family, given, birth_date, sex, first address line, postal_code, phone. */
    private static Demographics demographics(java.sql.ResultSet rs) throws java.sql.SQLException {
        return demographicsFrom(rs, 1);
    }

    /** The seven columns after column {@code before}: family, given, birth_date, sex, first address line, postal_code, phone. */
    private static Demographics demographicsFrom(java.sql.ResultSet rs, int before) throws java.sql.SQLException {
        java.sql.Array given = rs.getArray(before + 2);
        List<String> names = given == null ? List.of()
                : java.util.Arrays.stream((Object[]) given.getArray()).filter(g -> g != null).map(Object::toString).toList();
        return new Demographics(rs.getString(before + 1), names, rs.getObject(before + 3, LocalDate.class),
                rs.getString(before + 4), rs.getString(before + 5), rs.getString(before + 6), rs.getString(before + 7));
    }
}
