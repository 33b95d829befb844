package org.medrec.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The store's settings: a connection timeout outside 250ms..5m stops start-up with the setting's name and range. */
class DbSettingsTests {

    private static MedrecProperties.Db withConnectTimeout(Duration timeout) {
        return new MedrecProperties.Db("", "", "", "", "", 8, Duration.ofSeconds(30), timeout);
    }

    @Test
    void shouldTakeAConnectTimeoutOfAFewSeconds() {
        assertThat(withConnectTimeout(Duration.ofSeconds(5)).connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldRefuseAConnectTimeoutOutsideItsRangeWithTheSettingAndTheRange() {
        for (Duration bad : new Duration[] {Duration.ofMillis(100), Duration.ofMinutes(6)}) {
            assertThatThrownBy(() -> withConnectTimeout(bad)).as(bad.toString())
                    .hasMessageContaining("medrec.db.connect-timeout must be between 250ms and 5m");
        }
    }
}
