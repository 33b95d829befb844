package org.medrec.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.audit.AuditLog;
import org.medrec.config.MedrecProperties;
import org.medrec.export.FhirExport;
import org.medrec.store.RecordLoader;
import org.medrec.store.ReviewItemWriter;
import org.medrec.testing.HeldCards;
import org.medrec.testing.StoreTest;
import org.medrec.testing.UnreadDocuments;
import org.medrec.web.Accounts;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keying in a real browser (Debian's headless Chromium) against the real server and PostgreSQL,
 * by keyboard only: a technician keys a whole intake form medrec could not classify (one value
 * refused at its field, then corrected; the clinic picked from the known ones), then the next item
 * comes, an immunization card whose two-row table is keyed (a row added and one dropped with the
 * keys, a word picked from the page into a field). The store, the audit log and the FHIR export
 * are checked afterwards. And a value the page shows is added from a held card's item page. Leaves a screenshot in {@code target/screenshots/keying.png} (the README's
 * {@code docs/keying.png} is a copy).
 */
@Tag("browser")
@StoreTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
class KeyingBrowserTests {

    private static final String PASSWORD = "keying by keyboard only";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReviewItemWriter items;

    @Autowired
    RecordLoader loader;

    @Autowired
    Accounts accounts;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MedrecProperties properties;

    @TempDir
    Path input;

    @TempDir
    Path work;

    private WebDriver browser;
    private WebDriverWait wait;
    private String technician;

    @BeforeEach
    void browserAndTechnician() {
        technician = "tech-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.add(technician, Accounts.Role.TECHNICIAN, PASSWORD.toCharArray(), "test", AuditLog.Origin.CLI);
        browser = ReviewBrowserTests.chromium(work.resolve("profile"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(5));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void keys(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private void chord(Keys modifier, CharSequence key) {
        new Actions(browser).keyDown(modifier).sendKeys(key).keyUp(modifier).perform();
    }

    private String focused() {
        WebElement active = browser.switchTo().activeElement();
        return active.getAttribute("name") != null ? active.getAttribute("name") : active.getAttribute("id");
    }

    /** Types {@code value} into the field that has the focus, which must be {@code name}, and goes on with Tab. */
    private void type(String name, String value) {
        assertThat(focused()).as("the field with the focus").isEqualTo(name);
        keys(value, Keys.TAB);
    }

    private void skip(String... names) {
        for (String name : names) {
            type(name, "");
        }
    }

    private WebElement input(String name) {
        return browser.findElement(By.name(name));
    }

    private String keyingPageOf(UUID item) {
        wait.until(d -> d.getCurrentUrl().contains("/items/" + item) && !d.findElements(By.id("keying")).isEmpty());
        return browser.getCurrentUrl();
    }

    private void pickDocumentType(String typed, UUID item) {
        assertThat(focused()).isEqualTo("docType");
        keys(typed, Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains("/items/" + item + "?type=") && !d.findElements(By.name("mrn")).isEmpty());
    }

    @Test
    void shouldKeyAnIntakeFormAndAnImmunizationTableByKeyboardAndLoadThemWithTheTechnicianInTheirProvenance()
            throws Exception {
        UUID run = UnreadDocuments.run(jdbc, input);
        UnreadDocuments.Unread intake = UnreadDocuments.create(jdbc, items, run, input, "intake-scribbled.png", List.of(
                "New Patient Information", "Last Name: Fox-Test", "First Name: Jonathan",
                "Date of Birth: 09/13/1964", "Sex: Male", "Insurance: Aetna", "Emergency contact: Virginia Fox-Test"), null);
        UnreadDocuments.Unread card = UnreadDocuments.create(jdbc, items, run, input, "vaccines-torn.png", List.of(
                "Harbor Internal Medicine", "Vaccines given", "Fox-Test Jonathan H0028969",
                "Tdap 05/02/2019 AC52B011", "Influenza 10/01/2020 UT7031AA"), "urn:medrec:clinic:harbor");

        browser.get("http://localhost:" + port + "/queue");
        wait.until(ExpectedConditions.urlContains("/login"));
        keys(technician, Keys.TAB, PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.urlMatches(".*/queue$"));
        keys(Keys.ENTER);   // work the queue: the intake form comes first

        keyingPageOf(intake.item());
        pickDocumentType("int", intake.item());
        assertThat(input("patient.family").getAttribute("value")).as("read on the page as an intake form").isEqualTo("Fox-Test");
        assertThat(input("patient.family").getAttribute("class")).contains("read");
        assertThat(focused()).as("medrec does not know the clinic: it is asked first").isEqualTo("clinic");
        type("clinic", "Harbor Internal Medicine, P.C.");
        type("newClinic", "");
        type("mrn", "H0028969");
        type("patient.family", "Fox-Test");
        type("patient.given[0]", "Jonathan");
        type("patient.given[1]", "Q");
        skip("patient.suffix");
        type("patient.birth_date", "09/31/1964");   // no 31 September: refused at its field when saved
        type("patient.sex", "male");
        type("patient.address.line[0]", "65 Jackson Way");
        skip("patient.address.line[1]");
        type("patient.address.city", "Tybee Island");
        type("patient.address.state", "GA");
        type("patient.address.postal_code", "31369");
        type("patient.phone", "(912) 555-0115");
        skip("patient.mobile");
        type("patient.emergency_contact.name", "Virginia Fox-Test");
        type("patient.emergency_contact.relationship", "Sister");
        type("patient.emergency_contact.phone", "912-555-0108");
        type("patient.insurance[0].payer", "Aetna");
        type("patient.insurance[0].member_id", "W78165247");
        type("patient.insurance[0].group", "G-1001");
        type("medications[0].name", "Lisinopril");
        type("medications[0].dose", "10 mg");
        type("medications[0].route", "PO");
        type("medications[0].frequency", "daily");
        type("allergies[0].substance", "Penicillin");
        type("allergies[0].reaction", "Hives");
        type("conditions[0].code", "I10");
        type("conditions[0].display", "Essential hypertension");
        chord(Keys.CONTROL, Keys.ENTER);

        wait.until(d -> !d.findElements(By.cssSelector(".refused input")).isEmpty());
        assertThat(browser.getCurrentUrl()).contains("/items/" + intake.item());
        assertThat(browser.findElement(By.id("problem")).getText()).contains("Not saved");
        assertThat(browser.findElement(By.cssSelector(".refused input")).getAttribute("name")).isEqualTo("patient.birth_date");
        assertThat(input("patient.address.city").getAttribute("value")).as("what was typed stays").isEqualTo("Tybee Island");
        assertThat(jdbc.sql("SELECT count(*) FROM patient").query(Long.class).single()).as("nothing stored").isZero();
        assertThat(focused()).as("the refused field has the focus").isEqualTo("patient.birth_date");
        keys("09/13/1964");   // the refused value is selected: typing replaces it
        Path shot = Path.of("target/screenshots/keying.png");
        Files.createDirectories(shot.getParent());
        chord(Keys.CONTROL, Keys.ENTER);

        keyingPageOf(card.item());
        pickDocumentType("imm", card.item());
        assertThat(input("clinic").getAttribute("value")).as("the clinic medrec read").isEqualTo("Harbor Internal Medicine, P.C.");
        assertThat(focused()).isEqualTo("mrn");
        type("mrn", "H0028969");
        type("patient.family", "Fox-Test");
        type("patient.given[0]", "Jonathan");
        skip("patient.given[1]", "patient.suffix");
        type("patient.birth_date", "1964-09-13");
        skip("patient.sex");
        type("immunizations[0].vaccine", "Tdap");
        type("immunizations[0].cvx", "115");
        type("immunizations[0].date", "05/02/2019");
        assertThat(focused()).isEqualTo("immunizations[0].lot");
        for (int i = 0; i < 200 && !"AC52B011".equals(cursorWord()); i++) {
            chord(Keys.CONTROL, Keys.ARROW_DOWN);   // walk the page's words to the lot
        }
        chord(Keys.CONTROL, Keys.SPACE);   // and take it
        assertThat(input("immunizations[0].lot").getAttribute("value")).isEqualTo("AC52B011");
        keys(Keys.INSERT);
        assertThat(focused()).isEqualTo("immunizations[1].vaccine");
        keys(Keys.INSERT);   // one row too many
        assertThat(focused()).isEqualTo("immunizations[2].vaccine");
        chord(Keys.CONTROL, Keys.DELETE);
        assertThat(browser.findElements(By.cssSelector("#list-immunizations tr.entry-row"))).hasSize(2);
        chord(Keys.SHIFT, Keys.TAB);
        assertThat(focused()).isEqualTo("immunizations[0].lot");
        keys(Keys.TAB);
        type("immunizations[1].vaccine", "Influenza, injectable, quadrivalent, preservative free");
        type("immunizations[1].cvx", "150");
        type("immunizations[1].date", "10/01/2020");
        assertThat(focused()).isEqualTo("immunizations[1].lot");
        keys("UT7031AA");
        Files.move(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
                StandardCopyOption.REPLACE_EXISTING);
        chord(Keys.CONTROL, Keys.ENTER);

        wait.until(ExpectedConditions.urlMatches(".*/queue$"));
        assertThat(browser.findElement(By.id("done")).getText()).contains("No open items left");

        assertThat(jdbc.sql("SELECT family || ' ' || array_to_string(given, ' ') || ' ' || birth_date || ' ' || sex || ' '"
                + " || city || ' ' || postal_code FROM patient").query(String.class).list())
                .containsExactly("Fox-Test Jonathan Q 1964-09-13 male Tybee Island 31369");
        assertThat(jdbc.sql("SELECT vaccine || ' ' || cvx || ' ' || date || ' ' || lot FROM immunization ORDER BY date")
                .query(String.class).list()).containsExactly("Tdap 115 2019-05-02 AC52B011",
                "Influenza, injectable, quadrivalent, preservative free 150 2020-10-01 UT7031AA");
        assertThat(jdbc.sql("SELECT payer || ' ' || member_id || ' ' || group_number FROM coverage").query(String.class).list())
                .containsExactly("Aetna W78165247 G-1001");
        assertThat(jdbc.sql("SELECT name || ' ' || dose FROM medication").query(String.class).list())
                .containsExactly("Lisinopril 10 mg");
        assertThat(jdbc.sql("SELECT count(*) FROM value_provenance WHERE method <> 'keyed' OR reviewed_by <> ?")
                .param(technician).query(Long.class).single()).as("every value keyed by the technician").isZero();
        assertThat(jdbc.sql("SELECT DISTINCT review_item_id FROM value_provenance").query(UUID.class).list())
                .containsExactlyInAnyOrder(intake.item(), card.item());
        assertThat(jdbc.sql("SELECT action || ':' || origin FROM audit_log WHERE actor = ? ORDER BY id").param(technician)
                .query(String.class).list())
                .containsExactly("review.record:web", "review.record.load:web", "source_file.outcome:web",
                        "review.record:web", "review.record.load:web", "source_file.outcome:web");

        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        new FhirExport(jdbc, readOnly, properties.clinicTimeZone()).exportMrn(work.resolve("fhir"), "H0028969");
        JsonNode bundle = JSON.readTree(Files.readString(work.resolve("fhir/H0028969.json")));
        List<String> resources = bundle.path("entry").valueStream()
                .map(e -> e.path("resource").path("resourceType").asString()).toList();
        assertThat(resources).contains("Patient", "Coverage", "MedicationStatement", "AllergyIntolerance", "Condition");
        assertThat(bundle.path("entry").valueStream().map(e -> e.path("resource"))
                .filter(r -> r.path("resourceType").asString().equals("Immunization"))
                .map(r -> r.path("vaccineCode").path("coding").path(0).path("code").asString() + " "
                        + r.path("occurrenceDateTime").asString() + " " + r.path("lotNumber").asString()).toList())
                .containsExactlyInAnyOrder("115 2019-05-02 AC52B011", "150 2020-10-01 UT7031AA");
        JsonNode patient = bundle.path("entry").valueStream().map(e -> e.path("resource"))
                .filter(r -> r.path("resourceType").asString().equals("Patient")).findFirst().orElseThrow();
        assertThat(patient.path("birthDate").asString()).isEqualTo("1964-09-13");
    }

    @Test
    void shouldAddAValueThePageShowsFromAHeldCardsItemByKeyboard() {
        HeldCards.Card heldCard = HeldCards.create(jdbc, loader, input, "00027182");
        browser.get("http://localhost:" + port + "/queue");
        wait.until(ExpectedConditions.urlContains("/login"));
        keys(technician, Keys.TAB, PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.urlMatches(".*/queue$"));
        keys(Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains("/items/") && !d.findElements(By.id("field")).isEmpty());
        String item = browser.getCurrentUrl();

        keys(Keys.INSERT);
        assertThat(focused()).isEqualTo("field.0");
        keys("immunizations[0].lot", Keys.TAB, "4", Keys.INSERT);   // the lot's item holds it: refused
        keys("patient.phone", Keys.TAB, "(912) 555-0115", Keys.ENTER);
        wait.until(d -> !d.findElements(By.id("problem")).isEmpty());
        assertThat(browser.findElement(By.id("problem")).getText()).contains("immunizations[0].lot: the record has this value");
        keys(Keys.INSERT, "patient.phone", Keys.TAB, "(912) 555-0115", Keys.ENTER);
        wait.until(d -> !d.findElements(By.id("done")).isEmpty());

        assertThat(browser.getCurrentUrl()).as("the item stays on screen").isEqualTo(item);
        assertThat(jdbc.sql("SELECT decision || ' ' || decided_value || ' ' || decided_by FROM review_item"
                + " WHERE document_id = ? AND field = 'patient.phone'").param(heldCard.documentId()).query(String.class).list())
                .containsExactly("value 9125550115 " + technician);
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE actor = ? ORDER BY id").param(technician)
                .query(String.class).list()).containsExactly("review.value", "review.add");
    }

    private String cursorWord() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "var w = document.querySelector('.word.cursor'); return w ? w.getAttribute('data-text') : null;");
    }
}
