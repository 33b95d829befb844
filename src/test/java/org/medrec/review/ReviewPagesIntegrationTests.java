package org.medrec.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.record.SourceRef;
import org.medrec.store.RecordLoader;
import org.medrec.testing.HeldCards;
import org.medrec.testing.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The review pages against a real PostgreSQL and real page images: corrections checked by the
 * field's validator (refused, or a reading to confirm), the page image around the box, a
 * spreadsheet row's cells, and the queue's filters kept in the session.
 */
@StoreTest(properties = "spring.main.web-application-type=servlet")
class ReviewPagesIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordLoader loader;

    @TempDir
    Path input;

    private MockMvc mvc;
    private HeldCards.Card card;

    @BeforeEach
    void heldCard() {
        card = HeldCards.create(jdbc, loader, input, "00031415");
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private MvcResult correct(UUID item, String value) throws Exception {
        return mvc.perform(post("/items/" + item + "/decision").param("action", "value").param("value", value)
                .with(user("tech-1").roles("TECHNICIAN")).with(csrf())).andReturn();
    }

    @Test
    void shouldKeepAnInvalidCorrectionOnScreenWithTheValidatorsReason() throws Exception {
        UUID birth = card.item("patient.birth_date");

        MvcResult result = correct(birth, "13/45/1920");

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/items/" + birth);
        assertThat((String) result.getFlashMap().get("problem")).isNotBlank();
        assertThat(result.getFlashMap().get("typed")).isEqualTo("13/45/1920");
        assertThat(jdbc.sql("SELECT status FROM review_item WHERE id = ?").param(birth).query(String.class).single())
                .isEqualTo("open");
    }

    @Test
    void shouldAskToConfirmTheValidatorsReadingOfAnAmbiguousValue() throws Exception {
        UUID birth = card.item("patient.birth_date");

        MvcResult ambiguous = correct(birth, "14/03/1962");

        assertThat(ambiguous.getFlashMap().get("suggestion")).isEqualTo("1962-03-14");
        assertThat(ambiguous.getFlashMap().get("typed")).as("filled in: Enter confirms").isEqualTo("1962-03-14");

        MvcResult confirmed = correct(birth, "1962-03-14");

        assertThat(confirmed.getFlashMap().get("problem")).isNull();
        assertThat(jdbc.sql("SELECT decided_value FROM review_item WHERE id = ?").param(birth).query(String.class).single())
                .isEqualTo("1962-03-14");
    }

    @Test
    void shouldServeTheFieldsCropAndTheWholePageAsPng() throws Exception {
        UUID date = card.item("immunizations[0].date");

        byte[] crop = mvc.perform(get("/items/" + date + "/crop.png").with(user("viewer-1").roles("VIEWER")))
                .andReturn().getResponse().getContentAsByteArray();
        byte[] page = mvc.perform(get("/items/" + date + "/page.png").with(user("viewer-1").roles("VIEWER")))
                .andReturn().getResponse().getContentAsByteArray();

        var cropImage = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(crop));
        var pageImage = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(page));
        assertThat(cropImage.getWidth()).isLessThan(pageImage.getWidth() * 2);
        assertThat(cropImage.getHeight()).isLessThan(pageImage.getHeight() / 2);
        assertThat((double) pageImage.getHeight() / pageImage.getWidth()).isCloseTo(1650 / 1275.0,
                org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void shouldAnswerNotFoundWhenTheOriginalIsGone() throws Exception {
        java.nio.file.Files.delete(card.page());

        int status = mvc.perform(get("/items/" + card.item("immunizations[0].date") + "/crop.png")
                .with(user("viewer-1").roles("VIEWER"))).andReturn().getResponse().getStatus();
        String html = mvc.perform(get("/items/" + card.item("immunizations[0].date"))
                .with(user("viewer-1").roles("VIEWER"))).andReturn().getResponse().getContentAsString();

        assertThat(status).isEqualTo(404);
        assertThat(html).contains("immunizations[0].date");
    }

    @Test
    void shouldShowNoPageAndSaySoWhenTheOriginalWasReplacedAfterTheRun() throws Exception {
        byte[] original = java.nio.file.Files.readAllBytes(card.page());
        java.nio.file.Files.write(card.page(), java.util.Arrays.copyOf(original, original.length + 16));   // still a PNG
        UUID date = card.item("immunizations[0].date");

        int crop = mvc.perform(get("/items/" + date + "/crop.png").with(user("viewer-1").roles("VIEWER")))
                .andReturn().getResponse().getStatus();
        String html = mvc.perform(get("/items/" + date).with(user("viewer-1").roles("VIEWER")))
                .andReturn().getResponse().getContentAsString();

        assertThat(crop).isEqualTo(404);
        assertThat(html).contains("id=\"original-changed\"").contains("SHA-256").doesNotContain("id=\"crop\"");

        java.nio.file.Files.write(card.page(), original);
        assertThat(mvc.perform(get("/items/" + date + "/crop.png").with(user("viewer-1").roles("VIEWER")))
                .andReturn().getResponse().getStatus()).as("the original back").isEqualTo(200);
    }

    @Test
    void shouldShowASpreadsheetRowsCellsWithTheBadOneMarked() throws Exception {
        long sheetFile = jdbc.sql("""
                INSERT INTO source_file (sha256, size_bytes, first_path, first_run_id, format, outcome, reason)
                VALUES (?, 1, 'patients.csv', ?, 'CSV', 'held_for_review', 'rows to review') RETURNING id""")
                .params("3".repeat(64), card.runId()).query(Long.class).single();
        List<FieldValue> row = List.of(
                new FieldValue("mrn", "P-77", "P-77", 1.0, SourceRef.inSheet(sheetFile, "patients.csv", null, 7, "MRN"), null),
                new FieldValue("patient.family", "Okafor-Test", "Okafor-Test", 1.0,
                        SourceRef.inSheet(sheetFile, "patients.csv", null, 7, "LAST"), null),
                new FieldValue("patient.birth_date", "31/02/1980", null, 1.0,
                        SourceRef.inSheet(sheetFile, "patients.csv", null, 7, "DOB"), "no such date: 31/02/1980"));
        long document = loader.route(new RecordLoader.Source(card.runId(), sheetFile, "patients", null, null, null, 1.0),
                List.of(new ExtractedRecord(HeldCards.CLINIC, "P-77", "patients", row))).documentId();
        UUID item = jdbc.sql("SELECT id FROM review_item WHERE document_id = ?").param(document).query(UUID.class).single();

        String html = mvc.perform(get("/items/" + item).with(user("viewer-1").roles("VIEWER")))
                .andReturn().getResponse().getContentAsString();

        assertThat(html).contains("column DOB").contains("<td>LAST</td>").contains("<td>Okafor-Test</td>");
        assertThat(html).containsPattern("<tr class=\"current\">\\s*<td>patient.birth_date</td>\\s*<td>DOB</td>");
        assertThat(html).doesNotContain("id=\"crop\"");
    }

    @Test
    void shouldKeepTheFilterWhenAskedForABandOrRunThatDoesNotExist() throws Exception {
        MvcResult result = mvc.perform(post("/queue/filter").param("band", "purple").param("run", "not-a-run")
                .with(user("viewer-1").roles("VIEWER")).with(csrf())).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/queue");
        assertThat((String) result.getFlashMap().get("problem")).startsWith("filter not changed");
    }

    @Test
    void shouldKeepTheQueuesFiltersInTheSessionNotTheUrl() throws Exception {
        var session = new org.springframework.mock.web.MockHttpSession();
        MvcResult filtered = mvc.perform(post("/queue/filter").param("field", "immunizations[0].lot")
                .session(session).with(user("viewer-1").roles("VIEWER")).with(csrf())).andReturn();

        String html = mvc.perform(get("/queue").session(session).with(user("viewer-1").roles("VIEWER")))
                .andReturn().getResponse().getContentAsString();

        assertThat(filtered.getResponse().getRedirectedUrl()).isEqualTo("/queue");
        assertThat(html).contains("<span id=\"matching\">1</span>").contains("<span id=\"total\">3</span>");
        assertThat(html).contains(card.item("immunizations[0].lot").toString())
                .doesNotContain(card.item("patient.birth_date").toString());
    }
}
