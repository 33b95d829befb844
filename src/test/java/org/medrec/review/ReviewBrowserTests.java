package org.medrec.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.audit.AuditLog;
import org.medrec.store.RecordLoader;
import org.medrec.testing.HeldCards;
import org.medrec.testing.StoreTest;
import org.medrec.web.Accounts;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The review UI in a real browser (Debian's headless Chromium driven by its chromedriver) against
 * the real server and PostgreSQL: a technician logs in and clears a held card with the keyboard
 * only, then the store and the audit log are checked. Leaves a screenshot of the item page in
 * {@code target/screenshots/review-item.png} (the README's {@code docs/review-item.png} is a copy).
 */
@Tag("browser")
@StoreTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
class ReviewBrowserTests {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String PASSWORD = "keyboard only please";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordLoader loader;

    @Autowired
    Accounts accounts;

    @TempDir
    Path input;

    @TempDir
    Path profile;

    private WebDriver browser;
    private WebDriverWait wait;
    private String technician;

    @BeforeEach
    void browserAndTechnician() {
        technician = "tech-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.add(technician, Accounts.Role.TECHNICIAN, PASSWORD.toCharArray(), "test", AuditLog.Origin.CLI);
        browser = chromium(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Headless Chromium from Debian's packages (apt-get install chromium chromium-driver; scripts/test does it). */
    static WebDriver chromium(Path profile) {
        assertThat(new File(CHROMEDRIVER).canExecute()).as("Debian's chromium-driver (apt-get install -y chromium chromium-driver)")
                .isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1100");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private void keys(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void logIn() {
        browser.get(url("/queue"));
        wait.until(ExpectedConditions.urlContains("/login"));
        keys(technician, Keys.TAB, PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.urlMatches(".*/queue$"));
    }

    /** Waits for an item page other than {@code previous} (null: any) and returns its field. */
    private String nextItemPage(String previousUrl) {
        wait.until(d -> d.getCurrentUrl().contains("/items/") && !d.getCurrentUrl().equals(previousUrl)
                && !d.findElements(By.id("field")).isEmpty());
        return browser.findElement(By.id("field")).getText();
    }

    private boolean imageShown(String id) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "var i = document.getElementById(arguments[0]); return i.complete && i.naturalWidth > 0"
                        + " && getComputedStyle(i).display !== 'none';", id));
    }

    @Test
    void shouldClearAHeldCardWithTheKeyboardOnlyAndReleaseItsRecord() throws Exception {
        HeldCards.Card card = HeldCards.create(jdbc, loader, input, "00031415");
        logIn();
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("3");

        keys(Keys.ENTER);   // "Work the queue" has the focus
        String url = null;
        boolean screenshot = false;
        for (int decided = 0; decided < 3; decided++) {
            String field = nextItemPage(url);
            url = browser.getCurrentUrl();
            wait.until(d -> imageShown("crop"));
            if (!screenshot && field.equals("patient.birth_date")) {
                Path shot = Path.of("target/screenshots/review-item.png");
                Files.createDirectories(shot.getParent());
                Files.move(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot,
                        StandardCopyOption.REPLACE_EXISTING);
                keys(Keys.F4);
                wait.until(d -> imageShown("page"));
                assertThat(imageShown("crop")).isFalse();
                keys(Keys.F4);
                assertThat(imageShown("crop")).isTrue();
                screenshot = true;
            }
            if (field.equals("immunizations[0].lot")) {
                keys(Keys.ENTER);   // nothing was proposed: Enter on an empty value does nothing
                Thread.sleep(300);
                assertThat(browser.getCurrentUrl()).isEqualTo(url);
            }
            switch (field) {
                case "patient.birth_date" -> {
                    keys("13/45/1920", Keys.ENTER);   // not a date: refused, the item stays on screen
                    wait.until(d -> !d.findElements(By.id("problem")).isEmpty());
                    assertThat(browser.getCurrentUrl()).isEqualTo(url);
                    keys(Keys.ESCAPE, "01/05/1920", Keys.ENTER);
                }
                case "immunizations[0].date" -> keys(Keys.ENTER);
                case "immunizations[0].lot" -> keys(Keys.DELETE, "1", Keys.ENTER);
                default -> throw new AssertionError("unexpected item " + field);
            }
        }
        wait.until(ExpectedConditions.urlMatches(".*/queue$"));
        assertThat(browser.findElement(By.id("done")).getText()).contains("No open items left");

        assertThat(jdbc.sql("SELECT field || '=' || decision || ':' || COALESCE(decided_value, reject_reason) || ':' || decided_by"
                        + " FROM review_item WHERE document_id = ? ORDER BY field").param(card.documentId())
                .query(String.class).list()).containsExactly(
                "immunizations[0].date=accept:2019-05-02:" + technician,
                "immunizations[0].lot=reject:not in the source:" + technician,
                "patient.birth_date=value:1920-01-05:" + technician);
        assertThat(jdbc.sql("SELECT status FROM document WHERE id = ?").param(card.documentId()).query(String.class).single())
                .isEqualTo("loaded");
        assertThat(jdbc.sql("SELECT birth_date::text FROM patient WHERE family = 'Delgado-Test'").query(String.class).single())
                .isEqualTo("1920-01-05");
        List<String> audit = jdbc.sql("SELECT action || ':' || origin FROM audit_log WHERE actor = ? ORDER BY id")
                .param(technician).query(String.class).list();
        assertThat(audit).containsSubsequence("review.value:web", "document.release:web").contains("review.accept:web",
                "review.reject:web");
        assertThat(audit).allMatch(a -> a.endsWith(":web"));
    }
}
