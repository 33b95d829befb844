package org.medrec.review;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medrec.MedrecApplication;
import org.medrec.store.ReviewItemWriter;
import org.medrec.testing.TestStore;
import org.medrec.testing.UnreadDocuments;
import org.medrec.web.Accounts;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code scripts/bench review}: the review UI with many open items, over HTTP against the real
 * server and PostgreSQL. Times the queue page (first page, a page deep in the queue, a filtered
 * page) and the next item (claim, then the item page; and a decision followed by the next item
 * page), and a keyed document (the keying page with the type picked and what medrec reads on the
 * page filled in; its round trip: open, save about 20 values, the next item's page); median and
 * 95th percentile in ms, first with {@code REFERENCE} open items and then with {@code ITEMS}, after
 * one warm-up round that is not counted; the ratio says whether the time grows with the queue. Not
 * a test: nothing fails.
 */
final class ReviewQueueBench {

    private static final int REFERENCE = 1_000;
    private static final int ROUNDS = 40;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String csrf;
    private UUID keyedDocuments;
    private int keyed;

    private ReviewQueueBench(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        SpringApplication app = new SpringApplication(MedrecApplication.class);
        app.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = app.run("--spring.main.web-application-type=servlet",
                "--server.port=0", "--medrec.db.url=" + TestStore.jdbcUrl(), "--medrec.db.user=postgres",
                "--medrec.db.password=", "--logging.level.org.medrec=WARN")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            context.getBean(Accounts.class).add("bench-tech", Accounts.Role.TECHNICIAN, "bench-password-1".toCharArray(),
                    "bench", org.medrec.audit.AuditLog.Origin.CLI);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            ReviewQueueBench bench = new ReviewQueueBench("http://localhost:" + port);
            bench.logIn();
            UUID run = UUID.randomUUID();
            jdbc.sql("INSERT INTO migration_run (id, input_dir, status) VALUES (?, '/bench', 'COMPLETED')").param(run).update();
            fill(jdbc, run, 0, REFERENCE);
            Path pages = Files.createTempDirectory("medrec-bench-keying");
            bench.keyedDocuments = UnreadDocuments.create(jdbc, context.getBean(ReviewItemWriter.class),
                    UnreadDocuments.run(jdbc, pages), pages, "intake-unread.png",
                    List.of("New Patient Information", "Last Name: Fox-Test", "First Name: Jonathan",
                            "Date of Birth: 09/13/1964", "Sex: Male", "Allergies: Penicillin (hives)"), null).item();
            bench.measure(jdbc);   // warm-up (JIT, templates, connection pool): not counted
            List<String> reference = bench.measure(jdbc);
            fill(jdbc, run, REFERENCE, items);
            if (Boolean.getBoolean("explain")) {
                for (String sql : List.of(OpenItems.COUNTS, "SELECT count(*)" + OpenItems.FROM)) {
                    jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql).query(String.class).list().forEach(System.out::println);
                }
            }
            List<String> full = bench.measure(jdbc);
            System.out.printf("review UI, %d rounds each; times in ms (median / p95), with %,d and with %,d open items:%n",
                    ROUNDS, REFERENCE, items);
            for (int i = 0; i < full.size(); i++) {
                String[] r = reference.get(i).split("\\|");
                String[] f = full.get(i).split("\\|");
                System.out.printf("  %-34s %7s / %-7s  %7s / %-7s  ratio %.2f%n", f[0], r[1], r[2], f[1], f[2],
                        Double.parseDouble(f[1]) / Double.parseDouble(r[1]));
            }
        }
    }

    /** Open items {@code from..to} over 100 documents of 5 types, 20 fields, 30 reasons, spread over a day. */
    private static void fill(JdbcClient jdbc, UUID run, int from, int to) {
        long file = jdbc.sql("""
                INSERT INTO source_file (sha256, size_bytes, first_path, first_run_id, format, outcome, reason)
                VALUES (?, 1, ?, ?, 'PDF', 'held_for_review', 'bench') RETURNING id""")
                .params(String.format("%064x", from + 1), "bench-" + from + ".pdf", run).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO document (source_file_id, run_id, doc_type, first_page, last_page, status)
                SELECT ?, ?, (ARRAY['intake','note','immunization','ledger','medication_list'])[1 + g % 5], 1, 1, 'held'
                FROM generate_series(1, 100) g""").params(file, run).update();
        jdbc.sql("""
                INSERT INTO review_item (id, kind, run_id, source_file_id, document_id, record_index, path, page, box, field,
                                         raw, proposed_value, confidence, reason, created_at)
                SELECT gen_random_uuid(), 'value', ?, ?, d.id, 0, 'bench.pdf', 1, ARRAY[10, 20, 300, 40],
                       'encounters[' || (g % 7) || '].field_' || (g % 20), 'raw ' || g, 'value ' || g,
                       round((g % 1000) / 1000.0, 3), 'bench reason ' || (g % 30),
                       now() - interval '1 day' + g * interval '1 millisecond'
                FROM generate_series(?, ?) g
                JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM document WHERE source_file_id = ?) d
                  ON d.n = g % 100""").params(run, file, from, to - 1, file).update();
        jdbc.sql("ANALYZE review_item").update();
        jdbc.sql("ANALYZE document").update();
    }

    private List<String> measure(JdbcClient jdbc) throws Exception {
        List<String> lines = new ArrayList<>();
        post("/queue/filter", "");
        get("/queue");   // warm-up
        lines.add(time("queue: first page", () -> get("/queue")));
        UUID deep = jdbc.sql("SELECT id FROM review_item WHERE status = 'open' ORDER BY created_at, id OFFSET "
                + "(SELECT count(*) / 2 FROM review_item WHERE status = 'open') LIMIT 1").query(UUID.class).single();
        lines.add(time("queue: a page in the middle", () -> get("/queue?after=" + deep)));
        post("/queue/filter", "field=" + URLEncoder.encode("encounters[3].field_17", StandardCharsets.UTF_8) + "&band=high");
        lines.add(time("queue: filtered (field, band)", () -> get("/queue")));
        post("/queue/filter", "");
        lines.add(time("next item: claim + item page", () -> {
            String location = post("/queue/next", "").headers().firstValue("Location").orElseThrow();
            HttpResponse<String> page = get(URI.create(location).getPath());
            post(URI.create(location).getPath() + "/skip", "");   // give it up: the next round claims another
            return page;
        }));
        String[] current = {post("/queue/next", "").headers().firstValue("Location").orElseThrow()};
        get(URI.create(current[0]).getPath());
        lines.add(time("decide (accept) + next item page", () -> {
            String item = URI.create(current[0]).getPath();
            current[0] = post(item + "/decision", "action=accept").headers().firstValue("Location").orElseThrow();
            return get(URI.create(current[0]).getPath());
        }));
        moreKeyedDocuments(jdbc, ROUNDS + 2);   // the oldest items: the next ones claimed
        current[0] = post(URI.create(current[0]).getPath() + "/skip", "").headers().firstValue("Location").orElseThrow();
        lines.add(time("keying page: type picked, pre-filled", () -> get(URI.create(current[0]).getPath() + "?type=intake")));
        lines.add(time("keyed document: open, save, next", () -> {
            String item = URI.create(current[0]).getPath();
            get(item + "?type=intake");
            current[0] = post(item + "/keyed", keyedIntake()).headers().firstValue("Location").orElseThrow();
            if (current[0].contains(item)) {
                throw new IllegalStateException("the keyed document was refused");
            }
            return get(URI.create(current[0]).getPath());
        }));
        return lines;
    }

    /** Document items on the one unread intake page, older than every other item, for the keying rounds. */
    private void moreKeyedDocuments(JdbcClient jdbc, int count) {
        jdbc.sql("""
                INSERT INTO review_item (id, kind, run_id, source_file_id, path, field, reason, created_at)
                SELECT gen_random_uuid(), 'document', run_id, source_file_id, path, '*', reason,
                       now() - interval '3 days' + g * interval '1 millisecond'
                FROM review_item, generate_series(1, ?) g WHERE id = ?""").params(count, keyedDocuments).update();
    }

    /** What a technician keys for the bench's intake page: about 20 values, a new patient each time. */
    private String keyedIntake() {
        keyed++;
        StringBuilder form = new StringBuilder("docType=intake&clinic=" + URLEncoder.encode("Harbor Internal Medicine, P.C.",
                StandardCharsets.UTF_8));
        String family = "Bench-" + Integer.toString(keyed + 100, 26).replaceAll("[0-9]", "x") + "-Test";   // no one's twin
        String[][] values = {{"mrn", String.format("H%07d", keyed)}, {"patient.family", family},
                {"patient.given[0]", "Jonathan"}, {"patient.given[1]", "Q"}, {"patient.birth_date", LocalDate.of(1930, 1, 1).plusDays(keyed * 37L).toString()},
                {"patient.sex", "male"}, {"patient.address.line[0]", "65 Jackson Way"}, {"patient.address.city", "Tybee Island"},
                {"patient.address.state", "GA"}, {"patient.address.postal_code", "31369"}, {"patient.phone", "(912) 555-0115"},
                {"patient.insurance[0].payer", "Aetna"}, {"patient.insurance[0].member_id", "W" + keyed},
                {"patient.emergency_contact.name", "Virginia Bench-Test"}, {"medications[0].name", "Lisinopril"},
                {"medications[0].dose", "10 mg"}, {"medications[0].frequency", "daily"}, {"allergies[0].substance", "Penicillin"},
                {"allergies[0].reaction", "Hives"}, {"conditions[0].code", "I10"}};
        for (String[] v : values) {
            form.append('&').append(URLEncoder.encode(v[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v[1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    private static String time(String name, Supplier<HttpResponse<String>> call) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = call.get();
            ms.add((System.nanoTime() - t0) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + ": HTTP " + response.statusCode());
            }
        }
        Collections.sort(ms);
        return String.format("%s|%.1f|%.1f", name, ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.95) - 1));
    }

    private void logIn() {
        csrfFrom(get("/login").body());
        post("/login", "username=bench-tech&password=bench-password-1");
        csrfFrom(get("/queue").body());
    }

    private void csrfFrom(String html) {
        Matcher m = CSRF.matcher(html);
        if (m.find()) {
            csrf = m.group(1);
        }
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    private HttpResponse<String> post(String path, String form) {
        String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(request.uri().getPath() + ": " + e, e);
        }
    }
}
