package org.medrec.job;

import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.medrec.record.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker a manager sends partition requests to. Without {@code --broker}: an embedded ActiveMQ
 * Artemis, listening on {@code medrec.remote.listen} (this host only by default) for the workers
 * (no persistence: requests of a run that ends die with it; a restarted run sends them again), which
 * this process reaches in-VM. It admits one user, the store's ({@link BrokerLogin}), over TLS when
 * {@code medrec.remote.tls.keystore} is set. With {@code --broker}: that broker, and nothing runs
 * here. Not thread-safe.
 */
final class ManagerBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ManagerBroker.class);
    private static final String IN_VM = "vm://0";

    private final EmbeddedActiveMQ embedded;
    private final String clientUrl;
    private final String workersConnectTo;

    private ManagerBroker(EmbeddedActiveMQ embedded, String clientUrl, String workersConnectTo) {
        this.embedded = embedded;
        this.clientUrl = clientUrl;
        this.workersConnectTo = workersConnectTo;
    }

    static ManagerBroker start(RemoteSettings settings, Path dataDir, BrokerLogin login) throws Exception {
        if (settings.externalBroker()) {
            log.info("partition requests go to the broker at {}", settings.broker());
            return new ManagerBroker(null, settings.tls().connectorUrl(settings.broker()), settings.broker());
        }
        Configuration config = new ConfigurationImpl();
        config.setBrokerInstance(dataDir.toFile());
        config.setPersistenceEnabled(false)
                .setSecurityEnabled(true)
                // Artemis lets its cluster user in past every check: a random one, known to nobody
                .setClusterUser("medrec-cluster-" + UUID.randomUUID())
                .setClusterPassword(UUID.randomUUID().toString())
                .setJMXManagementEnabled(false)
                .setCriticalAnalyzer(false)
                .addAcceptorConfiguration("workers", settings.listen() + "?protocols=CORE"
                        + settings.tls().acceptorParameters())
                .addAcceptorConfiguration("in-vm", IN_VM);
        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(config)
                .setSecurityManager(login.securityManager());
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the broker for the workers could not listen on " + settings.listen()
                    + " (medrec.remote.listen; is another manager running on this host?): " + Failures.kind(e), e);
        }
        URI listen = URI.create(settings.listen());
        String host = listen.getHost().equals("0.0.0.0") ? "<this host>" : listen.getHost();
        String workers = "tcp://" + host + ":" + listen.getPort();
        log.info("broker for the workers listening on {}{} (workers: medrec worker --broker {}, as user {})",
                settings.listen(), settings.tls().acceptorParameters().isEmpty() ? "" : " with TLS", workers, login.user());
        return new ManagerBroker(server, IN_VM, workers);
    }

    /** The URL this process sends to. */
    String clientUrl() {
        return clientUrl;
    }

    /** The URL the workers are told to use, for messages. */
    String workersConnectTo() {
        return workersConnectTo;
    }

    @Override
    public void close() throws Exception {
        if (embedded != null) {
            embedded.stop();
        }
    }
}
