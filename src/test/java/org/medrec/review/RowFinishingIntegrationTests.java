package org.medrec.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.audit.AuditLog;
import org.medrec.intake.Fingerprint;
import org.medrec.record.FileOutcome;
import org.medrec.store.SheetLoading;
import org.medrec.testing.StoreTest;
import org.medrec.testing.TestRun;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * A technician finishes spreadsheet rows that were not loaded, against a real PostgreSQL and the
 * real spreadsheet stage: a bad row's corrected cell is read again with the row's mapping and the
 * row loads with each value's sheet, row and column and the technician; a record broken by a stray
 * quote is keyed from its raw line as record-model fields; the row page shows the cells.
 */
@StoreTest(properties = "spring.main.web-application-type=servlet")
class RowFinishingIntegrationTests {

    private static final AuditLog.Origin CLI = AuditLog.Origin.CLI;
    private static final String CSV = """
            mrn,last_name,first_name,dob,sex,zip,phone
            100001,Okafor-Test,Ada,1971-02-30,female,43006,380-702-6495
            100002,Lindqvist-Test,Bo,1980-05-06,male,43006,380-702-6496
            100003,"Brandt-Test,Cy,1990-01-01,male,43006,380-702-6497
            100004,Moreau-Test,Di,1985-07-08,female,43006,380-702-6498
            """;

    @Autowired
    ReviewDecisions decisions;

    @Autowired
    SheetLoading sheets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext context;

    @TempDir
    Path input;

    private UUID badRow;
    private UUID brokenRow;

    @BeforeEach
    void aNorthgateExportWithABadAndABrokenRow() throws Exception {
        Path file = Files.writeString(input.resolve("ng_patients.csv"), CSV);
        TestRun run = TestRun.begin(jdbc, input.toString());
        long id = run.file("ng_patients.csv", "CSV", FileOutcome.RECEIVED, null);
        jdbc.sql("UPDATE source_file SET sha256 = ? WHERE id = ?").params(Fingerprint.of(file).sha256(), id).update();
        sheets.load(run.id(), id, file, "ng_patients.csv", true, LocalDate.now());
        badRow = jdbc.sql("SELECT id FROM review_item WHERE kind = 'row' AND row_num = 2").query(UUID.class).single();
        brokenRow = jdbc.sql("SELECT id FROM review_item WHERE kind = 'row' AND row_num = 4").query(UUID.class).single();
    }

    private String text(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(String.class).single();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void shouldLoadTheGoodRowsAndHoldTheBadAndTheBrokenOneEachAsARowItem() {
        assertThat(jdbc.sql("SELECT family FROM patient ORDER BY family").query(String.class).list())
                .containsExactly("Lindqvist-Test", "Moreau-Test");
        assertThat(text("SELECT col || ' ' || reason FROM review_item WHERE id = ?", badRow)).startsWith("D bad row 2");
        assertThat(text("SELECT raw FROM review_item WHERE id = ?", brokenRow)).contains("\"Brandt-Test");
    }

    @Test
    void shouldLoadARowFinishedWithItsCorrectedCellWithEachValuesColumnAndTheTechnician() {
        DecisionResult result = decisions.decide(badRow, new Decision.Row(Map.of("D", "1971-02-03")), "tech1", CLI);

        assertThat(result.applied()).as(result.message()).isTrue();
        assertThat(text("SELECT family || ' ' || birth_date || ' ' || sex FROM patient WHERE family = 'Okafor-Test'"))
                .isEqualTo("Okafor-Test 1971-02-03 female");
        assertThat(jdbc.sql("""
                SELECT vp.field || ' ' || vp.sheet || ' ' || vp.row_num || ' ' || vp.col || ' ' || vp.method || ' ' || vp.reviewed_by
                FROM value_provenance vp WHERE vp.review_item_id = ? AND vp.entity = 'patient' ORDER BY vp.col""")
                .param(badRow).query(String.class).list())
                .contains("family patients 2 B spreadsheet tech1", "birth_date patients 2 D keyed tech1",
                        "sex patients 2 E spreadsheet tech1");
        assertThat(text("SELECT decision || ' ' || decided_value FROM review_item WHERE id = ?", badRow))
                .isEqualTo("record {\"D\":\"1971-02-03\"}");
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity_id = ? ORDER BY id").param(badRow.toString())
                .query(String.class).list()).containsExactly("review.record", "review.record.load");
    }

    @Test
    void shouldRefuseACorrectedCellTheValidatorRefusesNamingItsColumnAndStoreNothing() {
        DecisionResult result = decisions.decide(badRow, new Decision.Row(Map.of("D", "1971-13-45")), "tech1", CLI);

        assertThat(result.applied()).isFalse();
        assertThat(result.message()).startsWith("column D: ");
        assertThat(count("SELECT count(*) FROM patient WHERE family = 'Okafor-Test'")).isZero();
        assertThat(text("SELECT status FROM review_item WHERE id = ?", badRow)).isEqualTo("open");
    }

    @Test
    void shouldKeyABrokenRecordFromItsRawLineAsRecordModelFields() {
        assertThat(decisions.decide(brokenRow, new Decision.Row(Map.of("B", "Brandt-Test")), "tech1", CLI).message())
                .contains("key it as record-model fields");

        DecisionResult result = decisions.decide(brokenRow, new Decision.Record(null, null, JsonMapper.builder().build()
                .readTree("[{\"mrn\": \"100003\", \"patient\": {\"family\": \"Brandt-Test\", \"given\": [\"Cy\"],"
                        + " \"birth_date\": \"1990-01-01\", \"sex\": \"male\"}}]")), "tech1", CLI);

        assertThat(result.applied()).as(result.message()).isTrue();
        assertThat(text("SELECT given[1] || ' ' || birth_date FROM patient WHERE family = 'Brandt-Test'"))
                .isEqualTo("Cy 1990-01-01");
        assertThat(jdbc.sql("SELECT DISTINCT sheet || ' ' || row_num || ' ' || method FROM value_provenance"
                + " WHERE review_item_id = ?").param(brokenRow).query(String.class).list()).containsExactly("patients 4 keyed");
    }

    @Test
    void shouldShowTheRowsCellsWithTheBadOneMarkedAndFinishItFromThePage() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();

        String page = mvc.perform(get("/items/" + badRow).with(user("tech-1").roles("TECHNICIAN")))
                .andReturn().getResponse().getContentAsString();
        String broken = mvc.perform(get("/items/" + brokenRow).with(user("tech-1").roles("TECHNICIAN")))
                .andReturn().getResponse().getContentAsString();
        var saved = mvc.perform(post("/items/" + badRow + "/row").param("cell.D", "02/03/1971")
                .with(user("tech-1").roles("TECHNICIAN")).with(csrf())).andReturn();

        assertThat(page).contains("id=\"cells\"").containsPattern("<tr class=\"bad\">\\s*<td>D</td><td>dob</td>")
                .contains("name=\"cell.D\" value=\"1971-02-30\"");
        assertThat(broken).contains("<pre class=\"raw\" id=\"raw\">100003,&quot;Brandt-Test").contains("name=\"patient.family\"")
                .doesNotContain("id=\"cells\"");
        assertThat(saved.getResponse().getRedirectedUrl()).isNotEqualTo("/items/" + badRow);
        assertThat(text("SELECT birth_date::text FROM patient WHERE family = 'Okafor-Test'")).isEqualTo("1971-02-03");
    }
}
