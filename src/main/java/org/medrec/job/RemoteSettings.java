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
 * job repository, and how long a worker tries to reach the broker before it gives up.
 */
@Validated
@ConfigurationProperties("medrec.remote")
public record RemoteSettings(int partitions, @NotNull String listen, @NotNull String broker, @NotNull String queue,
                             @NotNull Duration pollInterval, @NotNull Duration connectTimeout) {

    public RemoteSettings {
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
