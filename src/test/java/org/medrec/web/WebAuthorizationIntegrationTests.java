package org.medrec.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every endpoint of the web UI for every role, against a real PostgreSQL with real accounts:
 * anonymous gets the login page, a viewer changes nothing, a technician cannot manage accounts
 * or read the audit log, an admin cannot decide items; forms need the CSRF token; failed logins
 * are throttled per user name and per address.
 */
@StoreTest(properties = "spring.main.web-application-type=servlet")
class WebAuthorizationIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecordLoader loader;

    @Autowired
    Accounts accounts;

    @TempDir
    Path input;

    private MockMvc mvc;
    private HeldCards.Card card;

    private enum Who { ANONYMOUS, VIEWER, TECHNICIAN, ADMIN }

    @BeforeEach
    void heldCardAndMockMvc() {
        card = HeldCards.create(jdbc, loader, input, "00031415");
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    private MockHttpServletResponse call(Who who, MockHttpServletRequestBuilder request) throws Exception {
        if (who != Who.ANONYMOUS) {
            request.with(user(who.name().toLowerCase() + "-1").roles(who.name()));
        }
        if (request.buildRequest(context.getServletContext()).getMethod().equals("POST")) {
            request.with(csrf());
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String outcome(MockHttpServletResponse response) {
        if (response.getStatus() == 302) {
            String to = response.getRedirectedUrl();
            return to != null && to.contains("/login") ? "login" : "redirect";
        }
        return String.valueOf(response.getStatus());
    }

    private record Endpoint(String name, MockHttpServletRequestBuilder request) {
    }

    private List<Endpoint> endpoints() {
        UUID item = card.item("immunizations[0].date");
        return List.of(
                new Endpoint("GET /", get("/")),
                new Endpoint("GET /queue", get("/queue")),
                new Endpoint("GET /items/ID", get("/items/" + item)),
                new Endpoint("GET /items/ID/crop.png", get("/items/" + item + "/crop.png")),
                new Endpoint("GET /items/ID/page.png", get("/items/" + item + "/page.png")),
                new Endpoint("POST /queue/filter", post("/queue/filter").param("field", "patient.birth_date")),
                new Endpoint("POST /queue/next", post("/queue/next")),
                new Endpoint("POST /items/ID/decision", post("/items/" + item + "/decision").param("action", "accept")),
                new Endpoint("POST /items/ID/skip", post("/items/" + item + "/skip")),
                new Endpoint("GET /admin/accounts", get("/admin/accounts")),
                new Endpoint("POST /admin/accounts", post("/admin/accounts").param("username", "made-" + UUID.randomUUID()
                        .toString().substring(0, 8)).param("role", "viewer").param("password", "long-enough-password")),
                new Endpoint("GET /admin/runs", get("/admin/runs")),
                new Endpoint("GET /admin/audit", get("/admin/audit")),
                new Endpoint("GET /admin/audit.csv", get("/admin/audit.csv")),
                new Endpoint("GET /unknown", get("/unknown")));
    }

    /** What each role gets from each endpoint, in the order of {@link #endpoints()}. */
    private static List<String> expected(Who who) {
        return switch (who) {
            case ANONYMOUS -> List.of("login", "login", "login", "login", "login", "login", "login", "login", "login",
                    "login", "login", "login", "login", "login", "login");
            case VIEWER -> List.of("redirect", "200", "200", "200", "200", "redirect", "403", "403", "403",
                    "403", "403", "403", "403", "403", "403");
            case TECHNICIAN -> List.of("redirect", "200", "200", "200", "200", "redirect", "redirect", "redirect", "redirect",
                    "403", "403", "403", "403", "403", "403");
            case ADMIN -> List.of("redirect", "200", "200", "200", "200", "redirect", "403", "403", "403",
                    "200", "redirect", "200", "200", "200", "403");
        };
    }

    @Test
    void shouldGiveEachRoleOnlyItsEndpoints() throws Exception {
        for (Who who : Who.values()) {
            List<String> got = new ArrayList<>();
            for (Endpoint e : endpoints()) {
                got.add(e.name() + " " + outcome(call(who, e.request())));
            }
            List<String> want = new ArrayList<>();
            List<Endpoint> all = endpoints();
            for (int i = 0; i < all.size(); i++) {
                want.add(all.get(i).name() + " " + expected(who).get(i));
            }
            assertThat(got).as(who.name()).containsExactlyElementsOf(want);
            if (who == Who.ANONYMOUS || who == Who.VIEWER) {
                assertThat(jdbc.sql("SELECT count(*) FROM review_item WHERE status = 'resolved' OR claimed_by IS NOT NULL")
                        .query(Long.class).single()).as(who + " changed nothing").isZero();
            }
        }
    }

    @Test
    void shouldLetOnlyTheTechnicianDecideAndRecordItAsFromTheWeb() throws Exception {
        UUID item = card.item("immunizations[0].date");
        for (Who who : List.of(Who.VIEWER, Who.ADMIN)) {
            call(who, post("/items/" + item + "/decision").param("action", "accept"));
        }
        assertThat(jdbc.sql("SELECT status FROM review_item WHERE id = ?").param(item).query(String.class).single())
                .isEqualTo("open");

        call(Who.TECHNICIAN, post("/items/" + item + "/decision").param("action", "accept"));

        assertThat(jdbc.sql("SELECT decided_by FROM review_item WHERE id = ?").param(item).query(String.class).single())
                .isEqualTo("technician-1");
        assertThat(jdbc.sql("SELECT origin FROM audit_log WHERE entity_id = ? AND action = 'review.accept'")
                .param(item.toString()).query(String.class).single()).isEqualTo("web");
    }

    @Test
    void shouldShowAndExportTheAuditLogToAdmins() throws Exception {
        UUID item = card.item("immunizations[0].date");
        call(Who.TECHNICIAN, post("/items/" + item + "/decision").param("action", "accept"));

        String page = call(Who.ADMIN, get("/admin/audit")).getContentAsString();
        MockHttpServletResponse csv = call(Who.ADMIN, get("/admin/audit.csv"));

        assertThat(page).contains(item.toString()).contains("review.accept");
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getContentAsString().lines().findFirst()).contains(
                "id,at,actor,origin,action,entity,entity_id,old_value,new_value,os_user");
        assertThat(csv.getContentAsString().lines().filter(l -> l.contains(item.toString())))
                .anyMatch(l -> l.contains(",technician-1,web,review.accept,review_item,") && l.endsWith(",2019-05-02,2019-05-02,"));
    }

    @Test
    void shouldRefuseFormsWithoutTheCsrfToken() throws Exception {
        UUID item = card.item("immunizations[0].date");
        MockHttpServletResponse response = mvc.perform(post("/items/" + item + "/decision").param("action", "accept")
                .with(user("technician-1").roles("TECHNICIAN"))).andReturn().getResponse();

        assertThat(outcome(response)).as("refused: forbidden, or sent to log in again").isIn("403", "login");
        assertThat(jdbc.sql("SELECT status FROM review_item WHERE id = ?").param(item).query(String.class).single())
                .isEqualTo("open");
    }

    @Test
    void shouldLogInAgainstTheAccountsTableWithBcrypt() throws Exception {
        String name = "tech-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.add(name, Accounts.Role.TECHNICIAN, "correct horse battery".toCharArray(), "test", AuditLog.Origin.CLI);

        MockHttpServletResponse ok = login(name, "correct horse battery", "10.1.0.1");
        MockHttpServletResponse wrong = login(name, "wrong password here", "10.1.0.2");

        assertThat(ok.getRedirectedUrl()).endsWith("/queue");
        assertThat(wrong.getRedirectedUrl()).endsWith("/login?error");
    }

    @Test
    void shouldTakeAsLongForAnUnknownNameAsForAKnownOneSoThatTimingTellsNoNames() throws Exception {
        String name = "tech-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.add(name, Accounts.Role.TECHNICIAN, "correct horse battery".toCharArray(), "test", AuditLog.Origin.CLI);
        login("warm-up", "wrong password", "10.4.0.9");
        long[] known = new long[3];
        long[] unknown = new long[3];
        for (int i = 0; i < 3; i++) {   // three tries each, from addresses of their own: below every throttle
            String n = String.valueOf(i);
            known[i] = timed(() -> login(name, "wrong password", "10.4.1." + n));
            unknown[i] = timed(() -> login("nobody-" + UUID.randomUUID(), "wrong password", "10.4.2." + n));
        }
        java.util.Arrays.sort(known);
        java.util.Arrays.sort(unknown);
        // bcrypt cost 10 against 12 (the finding) is four times faster; one cost for both is about the same
        assertThat((double) unknown[1] / known[1]).as("median ms, unknown name / known name: " + unknown[1] + " / "
                + known[1]).isBetween(0.5, 2.0);
    }

    private interface Attempt {
        MockHttpServletResponse run() throws Exception;
    }

    private static long timed(Attempt attempt) throws Exception {
        long begin = System.nanoTime();
        assertThat(attempt.run().getRedirectedUrl()).endsWith("/login?error");
        return (System.nanoTime() - begin) / 1_000_000;
    }

    @Test
    void shouldThrottleFailedLoginsPerUserNameAndPerAddress() throws Exception {
        String name = "tech-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.add(name, Accounts.Role.TECHNICIAN, "correct horse battery".toCharArray(), "test", AuditLog.Origin.CLI);
        for (int i = 0; i < 5; i++) {
            login(name, "guess " + i, "10.2.0." + i);   // five addresses, one name
        }
        assertThat(login(name, "correct horse battery", "10.2.0.99").getRedirectedUrl())
                .as("the right password, but the name is throttled").endsWith("/login?throttled");

        for (int i = 0; i < 5; i++) {
            login("someone-" + i, "guess", "10.3.0.1");   // five names, one address
        }
        String other = "tech-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.add(other, Accounts.Role.TECHNICIAN, "correct horse battery".toCharArray(), "test", AuditLog.Origin.CLI);
        assertThat(login(other, "correct horse battery", "10.3.0.1").getRedirectedUrl())
                .as("the address is throttled").endsWith("/login?throttled");
        assertThat(login(other, "correct horse battery", "10.3.0.2").getRedirectedUrl()).endsWith("/queue");
    }

    private MockHttpServletResponse login(String name, String password, String address) throws Exception {
        RequestPostProcessor from = request -> {
            request.setRemoteAddr(address);
            return request;
        };
        return mvc.perform(post("/login").param("username", name).param("password", password).with(csrf()).with(from))
                .andReturn().getResponse();
    }
}
