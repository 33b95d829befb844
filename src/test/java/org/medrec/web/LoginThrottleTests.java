package org.medrec.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        private Instant now = Instant.parse("2026-01-05T09:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Hands clock = new Hands();
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), 10, Duration.ofMinutes(1), clock);

    @Test
    void shouldBlockAUserNameAfterTooManyFailuresFromAnyAddress() {
        throttle.failed("ana", "10.0.0.1");
        throttle.failed("ANA ", "10.0.0.2");
        assertThat(throttle.blocked("ana", "10.0.0.9")).isFalse();

        throttle.failed("ana", "10.0.0.3");

        assertThat(throttle.blocked("ana", "10.0.0.9")).isTrue();
        assertThat(throttle.blocked("ben", "10.0.0.9")).isFalse();
    }

    @Test
    void shouldBlockAnAddressTryingManyNames() {
        throttle.failed("a", "10.0.0.1");
        throttle.failed("b", "10.0.0.1");
        throttle.failed("c", "10.0.0.1");

        assertThat(throttle.blocked("d", "10.0.0.1")).isTrue();
        assertThat(throttle.blocked("d", "10.0.0.2")).isFalse();
    }

    @Test
    void shouldUnblockWhenTheWindowHasPassed() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("ana", "10.0.0.1");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertThat(throttle.blocked("ana", "10.0.0.1")).isTrue();

        clock.now = clock.now.plus(Duration.ofMinutes(1));

        assertThat(throttle.blocked("ana", "10.0.0.1")).isFalse();
    }

    @Test
    void shouldForgetTheUserNamesFailuresOnSuccessButNotTheAddresss() {
        throttle.failed("ana", "10.0.0.1");
        throttle.failed("ana", "10.0.0.1");
        throttle.succeeded("ana");
        throttle.failed("ana", "10.0.0.1");

        assertThat(throttle.blocked("ana", "10.0.0.2")).isFalse();
        assertThat(throttle.blocked("ben", "10.0.0.1")).as("three failures from the address").isTrue();
    }

    @Test
    void shouldRefuseEveryLoginForAWhileAfterManyFailuresSpreadOverNamesAndAddresses() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("name-" + i, "10.9.0." + i);   // each name and each address below its own limit
        }
        assertThat(throttle.blocked("someone-else", "10.9.9.9")).as("the global back-off").isTrue();

        clock.now = clock.now.plus(Duration.ofMinutes(1)).plusSeconds(1);

        assertThat(throttle.blocked("someone-else", "10.9.9.9")).isFalse();
    }
}
