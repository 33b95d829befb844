package org.medrec.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a value read from a page is loaded without a person: thresholds by kind of value and per field. */
class ReviewPolicyTests {

    @Test
    void shouldHoldAValueOfAFieldWithItsOwnThresholdToThatThresholdOnly() {
        ReviewPolicy policy = new ReviewPolicy(0.90, 0.93, Map.of("phone", 0.97));

        assertThat(policy.confidenceDoubt("phone", 0.95)).contains("below 0.97");
        assertThat(policy.confidenceDoubt("phone", 0.97)).isNull();
        assertThat(policy.confidenceDoubt("date", 0.95)).isNull();
        assertThat(policy.confidenceDoubt("description", 0.92)).contains("below 0.93");
    }

    @Test
    void shouldRefuseAThresholdForAFieldTheRecordModelDoesNotHaveNamingTheFields() {
        assertThatThrownBy(() -> new ReviewPolicy(0.90, 0.93, Map.of("telephone", 0.95)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'telephone'").hasMessageContaining("phone");
    }

    @Test
    void shouldRefuseAFieldThresholdOutsideZeroToOne() {
        assertThatThrownBy(() -> new ReviewPolicy(0.90, 0.93, Map.of("lot", 1.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidence-by-field.lot");
    }
}
