package org.medrec.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.audit.AuditLog;
import org.medrec.store.RecordLoader;
import org.medrec.testing.HeldCards;
import org.medrec.testing.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A technician adds what the page shows and extraction missed, against a real PostgreSQL: to a
 * held document (loaded when it is released) and to a loaded one (loaded at once), each value
 * audited with the technician in its provenance; a refused value adds nothing.
 */
@StoreTest
class AdditionsIntegrationTests {

    private static final AuditLog.Origin WEB = AuditLog.Origin.WEB;

    @Autowired
    Additions additions;

    @Autowired
    ReviewDecisions decisions;

    @Autowired
    RecordLoader loader;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path input;

    private HeldCards.Card card;

    @BeforeEach
    void heldCard() {
        card = HeldCards.create(jdbc, loader, input, "00031415");
    }

    private static Map<String, String> values(String... pathsAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            values.put(pathsAndValues[i], pathsAndValues[i + 1]);
        }
        return values;
    }

    private void clearTheCard() {
        decisions.decide(card.item("patient.birth_date"), new Decision.Value("01/05/1920"), "tech1", WEB);
        decisions.decide(card.item("immunizations[0].date"), new Decision.Accept(), "tech1", WEB);
        decisions.decide(card.item("immunizations[0].lot"), new Decision.Reject("not in the source"), "tech1", WEB);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void shouldLoadValuesAddedToAHeldDocumentWhenItIsReleased() {
        DecisionResult added = additions.add(card.item("patient.birth_date"), values("patient.phone", "(912) 555-0115",
                "immunizations[1].vaccine", "MMR", "immunizations[1].cvx", "03", "immunizations[1].date", "2020-01-02"),
                "tech-held", WEB);
        assertThat(added.applied()).as(added.message()).isTrue();
        assertThat(count("SELECT count(*) FROM patient")).as("held until its items are decided").isZero();

        clearTheCard();

        assertThat(jdbc.sql("SELECT phone FROM patient").query(String.class).single()).isEqualTo("9125550115");
        assertThat(jdbc.sql("SELECT vaccine || ' ' || cvx || ' ' || date FROM immunization ORDER BY date").query(String.class)
                .list()).containsExactly("Tdap 115 2019-05-02", "MMR 03 2020-01-02");
        assertThat(jdbc.sql("""
                SELECT DISTINCT vp.method || ' ' || vp.reviewed_by || ' ' || vp.page FROM value_provenance vp
                JOIN review_item ri ON ri.id = vp.review_item_id WHERE ri.reason = ?""").param(Additions.REASON)
                .query(String.class).list()).containsExactly("technician tech-held 1");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'review.add' AND actor = 'tech-held'")).isEqualTo(4);
    }

    @Test
    void shouldLoadAnEntryAddedToALoadedDocumentAtOnce() {
        clearTheCard();
        UUID resolved = card.item("immunizations[0].date");

        DecisionResult added = additions.add(resolved, values("immunizations[1].vaccine", "MMR", "immunizations[1].cvx", "03",
                "immunizations[1].date", "2020-01-02", "patient.phone", "912-555-0115"), "tech2", WEB);

        assertThat(added.applied()).as(added.message()).isTrue();
        assertThat(jdbc.sql("SELECT vaccine || ' ' || cvx || ' ' || date FROM immunization ORDER BY date").query(String.class)
                .list()).containsExactly("Tdap 115 2019-05-02", "MMR 03 2020-01-02");
        assertThat(jdbc.sql("SELECT phone FROM patient").query(String.class).single()).isEqualTo("9125550115");
        assertThat(count("SELECT count(*) FROM value_provenance WHERE entity = 'immunization' AND reviewed_by = 'tech2'"
                + " AND method = 'technician'")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM review_item WHERE reason = ? AND status = 'resolved' AND decided_by = 'tech2'",
                Additions.REASON)).isEqualTo(4);
    }

    @Test
    void shouldAddNothingWhenOneValueIsRefused() {
        DecisionResult added = additions.add(card.item("patient.birth_date"), values("patient.phone", "(912) 555-0115",
                "immunizations[1].date", "2020-13-45", "patient.family", "Delgado"), "tech-refused", WEB);

        assertThat(added.applied()).isFalse();
        assertThat(added.message()).contains("immunizations[1].date: ")
                .contains("patient.family: the record has this value already");
        assertThat(count("SELECT count(*) FROM review_item WHERE reason = ?", Additions.REASON)).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE actor = 'tech-refused'")).isZero();
    }
}
