package org.medrec.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code medrec serve [--port 8080] [--address 127.0.0.1] [--tls-keystore FILE] [--behind-proxy]}:
 * the technicians' web UI, until the process is stopped. The only command that runs a web context
 * (the others run none and need no security settings). It listens on the loopback interface unless
 * told otherwise; HTTPS either here (a PKCS12 keystore, its password from
 * {@code MEDREC_TLS_KEYSTORE_PASSWORD} or the first line of standard input) or at a reverse proxy
 * on the same host whose {@code X-Forwarded-*} headers are then believed.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serves the technicians' web UI.")
class ServeCommand implements Callable<Integer> {

    /** Where the keystore's password is read from, when not from standard input. */
    static final String KEYSTORE_PASSWORD = "MEDREC_TLS_KEYSTORE_PASSWORD";

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--address", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "the address to listen on (default: ${DEFAULT-VALUE}, this host only; 0.0.0.0: every interface)")
    String address;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "serve HTTPS with the key and certificate chain of this PKCS12 keystore; its password from "
                    + KEYSTORE_PASSWORD + " or the first line of standard input")
    Path tlsKeystore;

    @Option(names = "--behind-proxy", description = "a reverse proxy on this host or the local network terminates"
            + " HTTPS: believe its X-Forwarded-For and X-Forwarded-Proto headers")
    boolean behindProxy;

    @Override
    public Integer call() throws InterruptedException, IOException {
        if (port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 1 and 65535");
        }
        try {
            InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--address " + address + " is not an address of this host");
        }
        List<String> web = new ArrayList<>(List.of("--server.port=" + port, "--server.address=" + address));
        if (tlsKeystore != null) {
            if (!Files.isReadable(tlsKeystore)) {
                throw new ParameterException(spec.commandLine(), "--tls-keystore " + tlsKeystore + " cannot be read");
            }
            web.addAll(List.of("--server.ssl.enabled=true", "--server.ssl.key-store-type=PKCS12",
                    "--server.ssl.key-store=" + tlsKeystore.toAbsolutePath(),
                    "--server.ssl.key-store-password=" + keystorePassword()));
        }
        if (behindProxy) {
            web.add("--server.forward-headers-strategy=native");
        }
        try (ConfigurableApplicationContext context = Store.openWeb(web)) {
            Store.warnIfPrivileged(context, spec.commandLine().getErr());
            CountDownLatch closed = new CountDownLatch(1);
            context.addApplicationListener(e -> {
                if (e instanceof ContextClosedEvent) {
                    closed.countDown();
                }
            });
            String scheme = tlsKeystore != null ? "https" : "http";
            String host = address.contains(":") ? "[" + address + "]" : address;
            spec.commandLine().getErr().println("medrec: serving the review UI on " + scheme + "://" + host + ":" + port
                    + "/ (log in with an account from 'medrec users add'); stop with Ctrl-C");
            spec.commandLine().getErr().flush();
            closed.await();
            return ExitCode.OK;
        }
    }

    private String keystorePassword() throws IOException {
        String fromEnvironment = System.getenv(KEYSTORE_PASSWORD);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--tls-keystore: give its password in " + KEYSTORE_PASSWORD
                    + " or on the first line of standard input");
        }
        return line;
    }
}
