package org.medrec.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.audit.AuditLog;
import org.medrec.config.MedrecProperties;
import org.medrec.export.FhirExport;
import org.medrec.job.MigrationService;
import org.medrec.testing.Fixtures;
import org.medrec.testing.ReadmeSample;
import org.medrec.testing.StoreTest;
import org.medrec.web.Accounts;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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

/**
 * The "done when": {@code migrate} on a copy of {@code sample-scans/} (real OCR), then a
 * technician clears the whole queue in headless Chromium without a mouse (Enter accepts what was
 * proposed; an item with nothing proposed is rejected with Delete, 1, Enter; a document or row to key is
 * acknowledged with F9, nothing to migrate), and every held
 * record is released into the store and comes out of the FHIR export.
 */
@Tag("browser")
@StoreTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
class SampleScansBrowserTests {

    private static final String PASSWORD = "sample scans by keyboard";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MigrationService migration;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MedrecProperties properties;

    @Autowired
    Accounts accounts;

    @TempDir
    Path work;

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void shouldClearTheSampleScansQueueByKeyboardAndExportTheReleasedRecords() throws Exception {
        Path input = Fixtures.copyTree(Fixtures.sampleScans(), work.resolve("sample-scans"));
        ReadmeSample.assertPrinted(migration.migrate(input).toText());
        long open = count("SELECT count(*) FROM review_item WHERE status = 'open'");
        long held = count("SELECT count(*) FROM document WHERE status = 'held'");
        long patientsBefore = count("SELECT count(*) FROM patient");
        assertThat(open).as("the sample run leaves items to review").isGreaterThan(50);
        assertThat(held).isPositive();
        String technician = "tech-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.add(technician, Accounts.Role.TECHNICIAN, PASSWORD.toCharArray(), "test", AuditLog.Origin.CLI);

        browser = ReviewBrowserTests.chromium(work.resolve("profile"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/queue");
        wait.until(ExpectedConditions.urlContains("/login"));
        new Actions(browser).sendKeys(technician, Keys.TAB, PASSWORD, Keys.ENTER).perform();
        wait.until(ExpectedConditions.urlMatches(".*/queue$"));
        new Actions(browser).sendKeys(Keys.ENTER).perform();

        int decisions = 0;
        while (true) {
            wait.until(d -> d.getCurrentUrl().endsWith("/queue") || !d.findElements(By.id("field")).isEmpty());
            if (browser.getCurrentUrl().endsWith("/queue")) {
                break;
            }
            assertThat(decisions).as("decisions so far").isLessThan((int) open * 2);
            if (!browser.findElements(By.id("keying")).isEmpty()) {   // a document or row to key: nothing to migrate here
                WebElement keying = browser.findElement(By.id("keying"));
                new Actions(browser).sendKeys(Keys.F9).perform();
                wait.until(ExpectedConditions.stalenessOf(keying));
                decisions++;
                continue;
            }
            WebElement page = browser.findElement(By.id("item"));
            boolean nothingProposed = browser.findElement(By.id("proposed")).getText().equals("(none)")
                    && !browser.findElements(By.id("value")).isEmpty();
            if (nothingProposed || !browser.findElements(By.id("problem")).isEmpty()) {
                new Actions(browser).sendKeys(Keys.ESCAPE, Keys.DELETE, "1", Keys.ENTER).perform();
            } else {
                new Actions(browser).sendKeys(Keys.ENTER).perform();
            }
            wait.until(ExpectedConditions.stalenessOf(page));
            decisions++;
        }

        assertThat(browser.findElement(By.id("done")).getText()).contains("No open items left");
        assertThat(count("SELECT count(*) FROM review_item WHERE status = 'open'")).isZero();
        assertThat(count("SELECT count(*) FROM document WHERE status = 'held'")).isZero();
        assertThat(count("SELECT count(*) FROM patient")).as("released records in the store").isGreaterThan(patientsBefore);
        assertThat(count("SELECT count(*) FROM audit_log WHERE actor = '" + technician + "' AND origin = 'web'"
                + " AND action LIKE 'review.%'")).isEqualTo(decisions);
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        FhirExport.Result exported = new FhirExport(jdbc, readOnly, properties.clinicTimeZone()).exportAll(work.resolve("fhir"));
        assertThat((long) exported.patients()).isEqualTo(count("SELECT count(*) FROM patient"));
        List<String> releasedMrns = jdbc.sql("""
                SELECT DISTINCT pi.value FROM patient_identifier pi JOIN value_provenance vp
                  ON vp.entity = 'patient' AND vp.entity_id = pi.patient_id AND vp.reviewed_by = ?""")
                .param(technician).query(String.class).list();
        assertThat(releasedMrns).as("patients with values a technician reviewed").isNotEmpty();
        try (Stream<Path> files = Files.list(work.resolve("fhir"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertThat(names).as("their Bundles").containsAll(releasedMrns.stream().map(m -> m + ".json").toList());
        }
    }
}
