package org.medrec.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RemoteSettingsTests {

    private static RemoteSettings settings(int partitions, String listen, String broker) {
        return new RemoteSettings(partitions, listen, broker, "medrec.partitions", Duration.ofSeconds(2),
                Duration.ofSeconds(30), "", "", new RemoteSettings.Tls("", "", "", ""));
    }

    @Test
    void shouldTakeATcpHostAndPortAndNoBrokerAsTheManagersOwn() {
        RemoteSettings own = settings(16, "tcp://0.0.0.0:61616", "");

        assertThat(own.externalBroker()).isFalse();
        assertThat(settings(16, "tcp://0.0.0.0:61616", "tcp://broker.example:61617").externalBroker()).isTrue();
    }

    @Test
    void shouldRefuseABrokerAddressThatIsNotTcpHostAndPort() {
        assertThat(RemoteSettings.isTcpUrl("tcp://medrec-a:61616")).isTrue();
        assertThat(RemoteSettings.isTcpUrl("medrec-a:61616")).isFalse();
        assertThat(RemoteSettings.isTcpUrl("http://medrec-a:61616")).isFalse();
        assertThat(RemoteSettings.isTcpUrl("tcp://medrec-a")).isFalse();
        assertThat(RemoteSettings.isTcpUrl("tcp://bad host:1")).isFalse();
        assertThatThrownBy(() -> settings(16, "tcp://0.0.0.0:61616", "medrec-a:61616"))
                .hasMessage("medrec.remote.broker (--broker) must be tcp://HOST:PORT, e.g. tcp://medrec-manager:61616;"
                        + " got 'medrec-a:61616'");
    }

    @Test
    void shouldRefuseNoPartitions() {
        assertThatThrownBy(() -> settings(0, "tcp://0.0.0.0:61616", ""))
                .hasMessageStartingWith("medrec.remote.partitions must be between 1 and 10000");
    }
}
