package org.medrec.extraction.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NormalizedTests {

    @Test
    void shouldRequireAValueAndNoProblemWhenOk() {
        assertThatThrownBy(() -> new Normalized(null, Normalized.Status.OK, null, false))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Normalized("x", Normalized.Status.OK, "why", false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRequireAProblemAndNoValueWhenInvalid() {
        assertThatThrownBy(() -> new Normalized(null, Normalized.Status.INVALID, null, false))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Normalized("x", Normalized.Status.INVALID, "why", false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAllowAnAmbiguousResultWithoutAProposal() {
        // when
        Normalized result = Normalized.ambiguous(null, "two readings");

        // then
        assertThat(result.needsReview()).isTrue();
        assertThat(result.value()).isNull();
    }

    @Test
    void shouldCarryNothingWhenEmpty() {
        assertThat(Normalized.empty().needsReview()).isFalse();
        assertThat(Normalized.empty().isOk()).isFalse();
        assertThatThrownBy(() -> new Normalized(null, Normalized.Status.EMPTY, "why", false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldMarkOnlyResultsWithAValueAsCorrected() {
        assertThat(Normalized.ok("1").markCorrected(true).corrected()).isTrue();
        assertThat(Normalized.ok("1").markCorrected(false).corrected()).isFalse();
        assertThat(Normalized.invalid("bad").markCorrected(true).corrected()).isFalse();
        assertThat(Normalized.corrected("1").isOk()).isTrue();
    }
}
