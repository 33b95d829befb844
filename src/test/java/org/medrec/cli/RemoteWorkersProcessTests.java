package org.medrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.testing.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Workers on several machines, on loopback: a real {@code migrate --workers remote} process with its
 * embedded Artemis broker and two real {@code worker} processes, all on one store, end with the store
 * and the summary of a single-JVM run of the same input, both workers having read partitions. Input
 * kept small: four charts (a text layer, two scans, a blank page that is quarantined) and one
 * spreadsheet, in four partitions.
 */
@Tag("process")
class RemoteWorkersProcessTests {

    private static final Pattern TOOK = Pattern.compile("took partition (\\d+) of migration run");

    @TempDir
    Path work;

    @Test
    void shouldLeaveTheStoreOfASingleJvmRunWhenTwoWorkerProcessesReadTheCharts() throws Exception {
        Path input = Files.createDirectories(work.resolve("in"));
        for (String name : List.of("born-digital-progress-note.pdf", "typed-intake-form.pdf", "blank-page.pdf",
                "billing-ledger.png", "patients-export.xlsx")) {
            Files.copy(Fixtures.sampleScans().resolve(name), input.resolve(name));
        }
        Path single = MedrecProcess.initialisedStore(Files.createDirectories(work.resolve("single")));
        MedrecProcess.Result local = MedrecProcess.run(single, "migrate", "--input", input.toString(), "--json");
        assertThat(local.exitCode()).as(local.stderr()).isZero();

        Path home = work.resolve("remote");
        String broker = "tcp://127.0.0.1:" + freePort();
        Map<String, String> env = Map.of("MEDREC_REMOTE_LISTEN", broker, "MEDREC_REMOTE_PARTITIONS", "4",
                "MEDREC_REMOTE_POLLINTERVAL", "500ms", "MEDREC_PROGRESS_LOGINTERVAL", "1s",
                "MEDREC_REMOTE_CONNECTTIMEOUT", "120s");
        // the workers first: they wait for the manager's broker, and both are there before the charts are handed out
        MedrecProcess.Running first = MedrecProcess.start(home, env, "worker", "--broker", broker);
        MedrecProcess.Running second = MedrecProcess.start(home, env, "worker", "--broker", broker);
        MedrecProcess.Running manager = MedrecProcess.start(home, env, "migrate", "--input", input.toString(), "--json",
                "--workers", "remote");

        MedrecProcess.Result remote = manager.await();
        first.process().destroy();   // SIGTERM: idle now, they stop at once
        second.process().destroy();
        MedrecProcess.Result firstDone = first.await();
        MedrecProcess.Result secondDone = second.await();

        assertThat(remote.exitCode()).as(remote.stderr()).isZero();
        assertThat(remote.stderr()).contains("charts begins, 4 files (")
                .containsPattern("charts: partitions: \\d done, \\d being read by workers, \\d waiting for a worker")
                .contains("charts ended COMPLETED (4 written");
        assertThat(firstDone.exitCode()).as(firstDone.stderr()).isZero();
        assertThat(secondDone.exitCode()).as(secondDone.stderr()).isZero();
        List<String> firstTook = partitions(firstDone.stderr());
        List<String> secondTook = partitions(secondDone.stderr());
        assertThat(firstTook).as("worker 1: " + firstDone.stderr()).isNotEmpty();
        assertThat(secondTook).as("worker 2: " + secondDone.stderr()).isNotEmpty();
        assertThat(Stream.concat(firstTook.stream(), secondTook.stream()).sorted())
                .containsExactly("0", "1", "2", "3");
        assertThat(withoutRunId(remote.stdout())).isEqualTo(withoutRunId(local.stdout()));
        assertThat(StoreContents.of(home)).isEqualTo(StoreContents.of(single));
    }

    @Test
    void shouldExitOneWithAClearMessageWhenAWorkerCannotReachTheBroker() throws Exception {
        Path home = MedrecProcess.initialisedStore(Files.createDirectories(work.resolve("home")));
        MedrecProcess.Result worker = MedrecProcess.run(home, Map.of("MEDREC_REMOTE_CONNECTTIMEOUT", "2s"),
                null, "worker", "--broker", "tcp://127.0.0.1:" + freePort());

        assertThat(worker.exitCode()).as(worker.stderr()).isEqualTo(ExitCode.FAILED);
        assertThat(worker.stderr()).contains("medrec: error: cannot reach the broker at tcp://127.0.0.1:")
                .contains("is `medrec migrate --workers remote` running on the manager host");
    }

    @Test
    void shouldAdmitOnlyTheStoresBrokerUserOverTlsOnTheAddressTheManagerNames() throws Exception {
        Path input = Files.createDirectories(work.resolve("in"));
        Files.copy(Fixtures.sampleScans().resolve("born-digital-progress-note.pdf"), input.resolve("note.pdf"));
        Path keystore = org.medrec.testing.SelfSignedKeystore.create(work.resolve("broker.p12"), "broker-keystore");
        Path home = MedrecProcess.initialisedStore(Files.createDirectories(work.resolve("remote")));
        int port = freePort();
        MedrecProcess.Running manager = MedrecProcess.start(home, Map.of("MEDREC_REMOTE_LISTEN", "tcp://127.0.0.1:" + port,
                        "MEDREC_REMOTE_TLS_KEYSTORE", keystore.toString(), "MEDREC_REMOTE_TLS_KEYSTORE_PASSWORD",
                        "broker-keystore"),
                "migrate", "--input", input.toString(), "--workers", "remote");
        try {
            assertThat(manager.awaitStderr(Pattern.compile("broker for the workers listening on tcp://127.0.0.1:" + port
                    + " with TLS"), 180)).as(manager.stderr()).isTrue();
            org.medrec.config.HomeSecrets secrets = org.medrec.config.HomeSecrets.load(home).orElseThrow();
            String tls = "tcp://127.0.0.1:" + port + "?sslEnabled=true;trustStoreType=PKCS12;trustStorePath=" + keystore
                    + ";trustStorePassword=broker-keystore";

            for (String[] login : List.of(new String[] {null, null}, new String[] {"guest", "guest"},
                    new String[] {"ACTIVEMQ.CLUSTER.ADMIN.USER", "CHANGE ME!!"},
                    new String[] {secrets.brokerUser(), "a guess"})) {
                assertThat(connects(tls, login[0], login[1])).as("logged in as " + login[0]).isEqualTo("JMSSecurityException");
            }
            assertThat(connects("tcp://127.0.0.1:" + port, secrets.brokerUser(), secrets.brokerPassword()))
                    .as("without TLS").isNotEqualTo("connected");
            assertThat(connects(tls.replace("127.0.0.1", "127.0.0.2"), secrets.brokerUser(), secrets.brokerPassword()))
                    .as("on another address").isNotEqualTo("connected");
            assertThat(connects(tls, secrets.brokerUser(), secrets.brokerPassword())).isEqualTo("connected");
        } finally {
            manager.process().destroy();
            manager.await();
        }
    }

    /** What an Artemis client gets from {@code url} with this login: "connected", or the exception's class. */
    private static String connects(String url, String user, String password) {
        org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory factory =
                new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(url, user, password);
        factory.setReconnectAttempts(0);
        factory.setInitialConnectAttempts(1);
        factory.setCallTimeout(5000);
        try (jakarta.jms.Connection c = factory.createConnection();
             jakarta.jms.Session session = c.createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE)) {
            session.createProducer(session.createQueue("medrec.chart-partitions")).close();
            return "connected";
        } catch (jakarta.jms.JMSException | RuntimeException e) {
            return e.getClass().getSimpleName();
        } finally {
            factory.close();
        }
    }

    private static List<String> partitions(String stderr) {
        Matcher m = TOOK.matcher(stderr);
        List<String> took = new java.util.ArrayList<>();
        while (m.find()) {
            took.add(m.group(1));
        }
        return took;
    }

    private static JsonNode withoutRunId(String json) {
        ObjectNode summary = (ObjectNode) Json.mapper().readTree(json);
        summary.remove("run_id");
        return summary;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
