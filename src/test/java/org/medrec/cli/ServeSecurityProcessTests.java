package org.medrec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.store.EmbeddedPostgresServer;
import org.medrec.testing.SelfSignedKeystore;

/**
 * {@code medrec serve} as a browser and a colleague on the network would meet it: a real server
 * process on the embedded store. It listens on the loopback address only; every path that reaches
 * the login is throttled; the Content-Security-Policy is sent; a request that came over HTTPS (a
 * reverse proxy's {@code X-Forwarded-Proto}, or the built-in TLS) gets a {@code Secure} cookie and
 * HSTS; an account disabled, given another role or a new password (in the UI or with {@code medrec
 * users} from another process) loses its open session at its next request.
 */
@Tag("process")
class ServeSecurityProcessTests {

    private static final String PASSWORD = "a long passphrase here";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    static Path home;

    private static int port;
    private static Process serve;

    @BeforeAll
    static void accountsAndAServerBehindAProxy() throws Exception {
        // an initialised store whose server is held while the accounts are added: each command joins it
        try (EmbeddedPostgresServer ignored = EmbeddedPostgresServer.startOrJoin(MedrecProcess.initialisedStore(home))) {
            for (String[] account : List.of(new String[] {"tech1", "technician"}, new String[] {"admin1", "admin"},
                    new String[] {"guessed", "technician"})) {
                MedrecProcess.Result added = MedrecProcess.run(home, Map.of(), PASSWORD + "\n", "users", "add",
                        account[0], "--role", account[1], "--password-stdin");
                assertThat(added.exitCode()).as(added.stderr()).isZero();
            }
        }
        port = freePort();
        serve = started(MedrecProcess.start(home, home.resolve("serve.log"), "serve", "--port", String.valueOf(port),
                "--behind-proxy"), home.resolve("serve.log"));
    }

    @AfterAll
    static void stop() throws Exception {
        serve.destroy();
        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldListenOnTheLoopbackAddressOnlyUnlessToldOtherwise() throws Exception {
        try (Socket ok = new Socket()) {
            ok.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        }
        assertThatThrownBy(() -> {
            try (Socket other = new Socket()) {
                other.connect(new InetSocketAddress("127.0.0.2", port), 2000);   // reachable only when bound to all addresses
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void shouldThrottleTheLoginWhateverSpellingOfItsPathTheGuessesUse() throws Exception {
        for (int i = 0; i < 5; i++) {
            Browser guesser = new Browser("10.77.0." + i);   // five addresses: only the name adds up
            assertThat(guesser.logIn("/%6Cogin", "guessed", "wrong guess " + i).headers().firstValue("Location"))
                    .as("the encoded path reaches the login, and is counted").hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        }
        for (String path : List.of("/login", "/%6Cogin", "/%6c%6f%67%69%6e", "/login;x=y", "//login")) {
            HttpResponse<String> right = new Browser("10.78.0.1").logIn(path, "guessed", PASSWORD);
            assertThat(right.headers().firstValue("Location").orElse(String.valueOf(right.statusCode())))
                    .as("the right password on " + path).doesNotEndWith("/queue").satisfiesAnyOf(
                            l -> assertThat(l).endsWith("/login?throttled"), l -> assertThat(l).isEqualTo("400"));
        }
    }

    @Test
    void shouldSendTheContentSecurityPolicyAndOverHttpsASecureCookieAndHsts() throws Exception {
        HttpResponse<String> plain = new Browser("10.79.0.1").get("/login", Map.of());
        HttpResponse<String> viaProxy = new Browser("10.79.0.2").get("/login", Map.of("X-Forwarded-Proto", "https"));

        for (HttpResponse<String> page : List.of(plain, viaProxy)) {
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .hasValue("default-src 'self'; frame-ancestors 'none'");
            assertThat(page.body()).doesNotContain("<script>").doesNotContain("style=\"")
                    .doesNotContainPattern(" on[a-z]+=");
        }
        assertThat(session(plain)).doesNotContainIgnoringCase("secure").containsIgnoringCase("HttpOnly");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(session(viaProxy)).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
        assertThat(viaProxy.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                h -> assertThat(h).contains("max-age="));
    }

    @Test
    void shouldEndTheOpenSessionOfAnAccountDisabledOrChangedAtItsNextRequest() throws Exception {
        Browser tech = new Browser("10.80.0.1");
        assertThat(tech.logIn("/login", "tech1", PASSWORD).headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/queue"));
        assertThat(tech.get("/queue", Map.of()).statusCode()).isEqualTo(200);

        Browser admin = new Browser("10.80.0.2");
        admin.logIn("/login", "admin1", PASSWORD);
        HttpResponse<String> disabled = admin.post("/admin/accounts/tech1", Map.of("change", "disable"));
        assertThat(disabled.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/accounts"));
        assertThat(tech.get("/queue", Map.of()).headers().firstValue("Location")).as("disabled in the UI")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?ended"));
        assertThat(tech.logIn("/login", "tech1", PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));

        assertThat(MedrecProcess.run(home, "users", "enable", "tech1").exitCode()).isZero();
        tech.logIn("/login", "tech1", PASSWORD);
        assertThat(MedrecProcess.run(home, "users", "role", "tech1", "viewer").exitCode()).isZero();
        assertThat(tech.get("/queue", Map.of()).headers().firstValue("Location")).as("another role, from the CLI")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?ended"));

        tech.logIn("/login", "tech1", PASSWORD);
        assertThat(tech.get("/queue", Map.of()).statusCode()).isEqualTo(200);
        assertThat(MedrecProcess.run(home, Map.of(), "another long passphrase\n", "users", "passwd", "tech1",
                "--password-stdin").exitCode()).isZero();
        assertThat(tech.get("/queue", Map.of()).headers().firstValue("Location")).as("a new password, from the CLI")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?ended"));

        MedrecProcess.Result list = MedrecProcess.run(home, "users", "list", "--json");
        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(Json.mapper().readTree(list.stdout()).valueStream()
                .filter(a -> a.get("username").asString().equals("tech1"))
                .map(a -> a.get("role").asString() + " " + a.get("enabled").asBoolean())).containsExactly("viewer true");
        assertThat(MedrecProcess.run(home, "users", "disable", "no-such-account").exitCode()).isEqualTo(ExitCode.FAILED);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(home);
             var c = server.connect(); var s = c.createStatement();
             var audit = s.executeQuery("SELECT string_agg(action || ' ' || actor || ' ' || origin || ' '"
                     + " || coalesce(detail->>'os_user', '-'), ', ' ORDER BY id) FROM audit_log"
                     + " WHERE entity_id = 'tech1' AND action <> 'user.add'")) {
            audit.next();
            String os = System.getProperty("user.name");
            assertThat(audit.getString(1)).isEqualTo("user.disable admin1 web -, user.enable " + os + " cli " + os
                    + ", user.role " + os + " cli " + os + ", user.passwd " + os + " cli " + os);
        }
    }

    @Test
    void shouldServeHttpsWithTheKeystoreItIsGiven(@TempDir Path work) throws Exception {
        String password = "keystore-password";
        Path keystore = SelfSignedKeystore.create(work.resolve("medrec.p12"), password);
        int tlsPort = freePort();
        MedrecProcess.Running tls = MedrecProcess.start(home, Map.of("MEDREC_TLS_KEYSTORE_PASSWORD", password), "serve",
                "--port", String.valueOf(tlsPort), "--tls-keystore", keystore.toString());
        try {
            assertThat(tls.awaitStderr(Pattern.compile("serving the review UI on https://127.0.0.1:" + tlsPort), 180))
                    .as(tls.stderr()).isTrue();
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trusted.load(in, password.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, trust.getTrustManagers(), null);
            HttpResponse<String> page = HttpClient.newBuilder().sslContext(ssl).build().send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + tlsPort + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(session(page)).containsIgnoringCase("; Secure");
            assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
            int plain;
            try {
                plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tlsPort
                        + "/login")).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (IOException e) {
                plain = -1;
            }
            assertThat(plain).as("no page over plain HTTP on the TLS port").isIn(-1, 400);
        } finally {
            tls.process().destroy();
            tls.await();
        }
    }

    /** One browser: its own cookies, coming from {@code address} (the proxy's X-Forwarded-For). */
    private static final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        private final HttpClient following = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        private final String address;

        Browser(String address) {
            this.address = address;
        }

        HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("X-Forwarded-For", address);
            headers.forEach(request::header);
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A form post with the CSRF token of the page at {@code /login} (the session's token). */
        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            Matcher token = CSRF.matcher(following.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .header("X-Forwarded-For", address).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(token.find()).isTrue();
            String body = java.util.stream.Stream.concat(form.entrySet().stream(), java.util.stream.Stream.of(
                            Map.entry("_csrf", token.group(1))))
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("X-Forwarded-For", address).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> logIn(String path, String username, String password) throws Exception {
            return post(path, Map.of("username", username, "password", password));
        }
    }

    private static String session(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElse("");
    }

    private static Process started(Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!(Files.exists(log) && Files.readString(log).contains("serving the review UI on http://127.0.0.1:"))) {
            assertThat(process.isAlive()).as(Files.exists(log) ? Files.readString(log) : "").isTrue();
            assertThat(System.nanoTime()).as("serve started within 3 minutes").isLessThan(deadline);
            Thread.sleep(200);
        }
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
