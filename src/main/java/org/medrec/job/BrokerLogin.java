package org.medrec.job;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Set;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import org.medrec.config.HomeSecrets;

/**
 * The one user of the workers' broker: {@code medrec.remote.user} and {@code password} when given
 * (a worker on another host: the manager's), else the store's own, generated with the store's
 * other secrets in {@code MEDREC_HOME/credentials.properties} (a manager makes them; a worker only
 * reads them). The manager's embedded broker admits this user only ({@link #securityManager()}).
 */
record BrokerLogin(String user, String password) {

    @Override
    public String toString() {
        return "BrokerLogin[" + user + "]";
    }

    static BrokerLogin forManager(RemoteSettings settings, Path home) {
        if (settings.hasLogin()) {
            return new BrokerLogin(settings.user(), settings.password());
        }
        HomeSecrets secrets = HomeSecrets.loadOrCreate(home);
        return new BrokerLogin(secrets.brokerUser(), secrets.brokerPassword());
    }

    static BrokerLogin forWorker(RemoteSettings settings, Path home) {
        if (settings.hasLogin()) {
            return new BrokerLogin(settings.user(), settings.password());
        }
        HomeSecrets secrets = HomeSecrets.load(home).orElseThrow(() -> new IllegalStateException("the broker's user"
                + " and password are not known on this host: set MEDREC_REMOTE_USER and MEDREC_REMOTE_PASSWORD to the"
                + " manager's (broker.user and broker.password in its MEDREC_HOME/credentials.properties)"));
        return new BrokerLogin(secrets.brokerUser(), secrets.brokerPassword());
    }

    /** Admits this user (compared in constant time), to everything; nobody else. */
    ActiveMQSecurityManager securityManager() {
        return new ActiveMQSecurityManager() {
            @Override
            public boolean validateUser(String u, String p) {
                return same(user, u) & same(password, p);
            }

            @Override
            public boolean validateUserAndRole(String u, String p, Set<Role> roles, CheckType checkType) {
                return validateUser(u, p);
            }
        };
    }

    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
