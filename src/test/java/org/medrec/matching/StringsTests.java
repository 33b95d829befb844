package org.medrec.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StringsTests {

    @Test
    void shouldComputeJaroWinklerAsPublished() {
        assertThat(Strings.jaroWinkler("martha", "marhta")).isCloseTo(0.961, within(0.001));
        assertThat(Strings.jaroWinkler("dwayne", "duane")).isCloseTo(0.840, within(0.001));
        assertThat(Strings.jaroWinkler("dixon", "dicksonx")).isCloseTo(0.813, within(0.001));
        assertThat(Strings.jaroWinkler("abc", "xyz")).isZero();
    }

    @Test
    void shouldStopCountingEditsPastTheLimit() {
        assertThat(Strings.editDistance("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(Strings.editDistance("kitten", "sitting", 1)).isEqualTo(2);
        assertThat(Strings.editDistance("1977-05-14", "1977-05-24", 1)).isEqualTo(1);
    }

    @Test
    void shouldCodeNamesWithSoundex() {
        assertThat(Strings.soundex("robert")).isEqualTo("R163");
        assertThat(Strings.soundex("rupert")).isEqualTo("R163");
        assertThat(Strings.soundex("ashcraft")).isEqualTo("A261");
        assertThat(Strings.soundex("tymczak")).isEqualTo("T522");
        assertThat(Strings.soundex("pfister")).isEqualTo("P236");
    }

    @Test
    void shouldFoldCaseAccentsAndPunctuation() {
        assertThat(Strings.fold("O'Brien-Núñez")).isEqualTo("obriennunez");
    }
}
