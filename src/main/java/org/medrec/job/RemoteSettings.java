package org.medrec.job;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Workers on several machines ({@code medrec.remote.*}, defaults in {@code application.yml}): how
 * many partitions the chart stage is split into, where the manager's own broker listens, the broker
 * a manager or worker uses instead ({@code --broker}), the queue, how often the manager looks at the
 * job repository, how long a worker tries to reach the broker before it gives up, the broker's user
 * and password (empty: the store's own, {@link BrokerLogin}), and TLS.
 */
@Validated
@ConfigurationProperties("medrec.remote")
public record RemoteSettings(int partitions, @NotNull String listen, @NotNull String broker, @NotNull String queue,
                             @NotNull Duration pollInterval, @NotNull Duration connectTimeout, String user,
                             String password, @NotNull Tls tls) {

    /**
     * TLS between the workers and the manager's broker (optional): the manager's broker serves it
     * with a PKCS12 {@code keystore}; managers and workers connect with it when they have a
     * {@code truststore} (PKCS12) holding the broker's certificate or its issuer.
     */
    public record Tls(String keystore, String keystorePassword, String truststore, String truststorePassword) {

        @Override
        public String toString() {
            return "Tls[" + keystore + ", " + truststore + "]";
        }

        /** The parameters of the broker's acceptor URL (empty without a keystore). */
        String acceptorParameters() {
            return blank(keystore) ? "" : ";sslEnabled=true;keyStoreType=PKCS12;keyStorePath=" + keystore
                    + ";keyStorePassword=" + keystorePassword;
        }

        /** {@code url} with the parameters of a TLS connection (unchanged without a truststore). */
        String connectorUrl(String url) {
            return blank(truststore) ? url : url + "?sslEnabled=true;trustStoreType=PKCS12;trustStorePath=" + truststore
                    + ";trustStorePassword=" + truststorePassword;
        }
    }

    @Override
    public String toString() {
        return "RemoteSettings[" + listen + ", " + broker + ", " + user + ", " + tls + "]";   // never the password
    }

    /** Whether a user and password for the broker were given (else the store's own are used). */
    public boolean hasLogin() {
        return !blank(user);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public RemoteSettings {
        if (blank(user) != blank(password)) {
            throw new IllegalArgumentException("medrec.remote.user and medrec.remote.password (MEDREC_REMOTE_USER,"
                    + " MEDREC_REMOTE_PASSWORD) go together: give both or neither");
        }
        if (partitions < 1 || partitions > 10_000) {
            throw new IllegalArgumentException("medrec.remote.partitions must be between 1 and 10000, e.g. 16; got "
                    + partitions);
        }
        requireTcp("medrec.remote.listen", listen, false);
        requireTcp("medrec.remote.broker (--broker)", broker, true);
        if (queue == null || !queue.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("medrec.remote.queue must be a name of letters, digits, '.', '_', '-';"
                    + " got " + queue);
        }
        if (pollInterval != null && (pollInterval.compareTo(Duration.ofMillis(100)) < 0
                || pollInterval.compareTo(Duration.ofMinutes(5)) > 0)) {
            throw new IllegalArgumentException("medrec.remote.poll-interval must be between 100ms and 5m; got "
                    + pollInterval);
        }
        if (connectTimeout != null && (connectTimeout.compareTo(Duration.ofSeconds(1)) < 0
                || connectTimeout.compareTo(Duration.ofHours(1)) > 0)) {
            throw new IllegalArgumentException("medrec.remote.connect-timeout must be between 1s and 1h; got "
                    + connectTimeout);
        }
    }

    /** Whether a broker URL was given (else the manager runs its own on {@link #listen()}). */
    public boolean externalBroker() {
        return !broker.isBlank();
    }

    private static void requireTcp(String name, String url, boolean blankAllowed) {
        if (url == null || url.isBlank() && blankAllowed) {
            return;
        }
        if (!isTcpUrl(url.trim())) {
            throw new IllegalArgumentException(name + " must be tcp://HOST:PORT, e.g. tcp://medrec-manager:61616;"
                    + " got '" + url + "'");
        }
    }

    /** Whether {@code url} is {@code tcp://HOST:PORT}, as a broker's address must be. */
    public static boolean isTcpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return "tcp".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0;
        } catch (IllegalArgumentException e) {
            return false;   // not a URI at all
        }
    }
}
