package org.medrec.extraction.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medrec.extraction.validation.Names.Order;
import org.medrec.extraction.validation.Names.PersonName;
import org.medrec.extraction.validation.Normalized.Status;

class NamesTests {

    @Test
    void shouldSplitFamilyCommaGivenNames() {
        // when
        PersonName name = Names.parse("Delgado, Maria K");

        // then
        assertThat(name.result()).isEqualTo(Normalized.ok("Delgado, Maria K"));
        assertThat(name.family()).isEqualTo("Delgado");
        assertThat(name.given()).containsExactly("Maria", "K");
        assertThat(name.suffix()).isNull();
    }

    @Test
    void shouldKeepCaseAndAccentsAsWritten() {
        assertThat(Names.parse("DELGADO, MARIA K").given()).containsExactly("MARIA", "K");
        assertThat(Names.parse("MARTÍNEZ, GLORIA J.").family()).isEqualTo("MARTÍNEZ");
        assertThat(Names.parse("O'Brien, José").family()).isEqualTo("O'Brien");
        assertThat(Names.parse("Hunt-Romano, Carolyn").family()).isEqualTo("Hunt-Romano");
        assertThat(Names.parse("De Luca, Vincent Z").family()).isEqualTo("De Luca");
        assertThat(Names.parse("St. John, Christine L").family()).isEqualTo("St. John");
    }

    @Test
    void shouldStripThePeriodOfAMiddleInitialOnly() {
        assertThat(Names.parse("Maria K. Delgado").given()).containsExactly("Maria", "K");
        assertThat(Names.parse("Stephens, Jesús P.").given()).containsExactly("Jesús", "P");
    }

    @Test
    void shouldReadGivenNamesFirstWhenThereIsNoComma() {
        // when
        PersonName name = Names.parse("Maria K. Delgado");

        // then
        assertThat(name.result()).isEqualTo(Normalized.ok("Delgado, Maria K"));
        assertThat(Names.parse("Maria Delgado").family()).isEqualTo("Delgado");
        assertThat(Names.parse("Mark M. Russell").given()).containsExactly("Mark", "M");
    }

    @Test
    void shouldReadFamilyFirstWithoutACommaWhenTheLabelSaysSo() {
        // when
        PersonName twoNames = Names.parse("HALL RUSSELL", Order.FAMILY_FIRST);
        PersonName withInitial = Names.parse("HALL RUSSELL J", Order.FAMILY_FIRST);
        PersonName threeNames = Names.parse("TAYLOR THERESA ANDREA", Order.FAMILY_FIRST);

        // then
        assertThat(twoNames.family()).isEqualTo("HALL");
        assertThat(twoNames.given()).containsExactly("RUSSELL");
        assertThat(withInitial.result().isOk()).isTrue();
        assertThat(withInitial.given()).containsExactly("RUSSELL", "J");
        assertThat(threeNames.result().status()).isEqualTo(Status.AMBIGUOUS);
    }

    @Test
    void shouldSplitOffSuffixes() {
        assertThat(Names.parse("Delgado, Maria K Jr").suffix()).isEqualTo("Jr");
        assertThat(Names.parse("Delgado Jr., Maria").suffix()).isEqualTo("Jr");
        assertThat(Names.parse("Delgado, Maria, III").suffix()).isEqualTo("III");
        assertThat(Names.parse("Delgado, Jr., Maria").suffix()).isEqualTo("Jr");
        assertThat(Names.parse("John Smith Sr.").suffix()).isEqualTo("Sr");
        assertThat(Names.parse("JOHN SMITH IV").result()).isEqualTo(Normalized.ok("SMITH, JOHN IV"));
    }

    @Test
    void shouldReadVAsAnInitialNeverAsASuffix() {
        // when
        PersonName name = Names.parse("Sánchez, Lars V");

        // then
        assertThat(name.given()).containsExactly("Lars", "V");
        assertThat(name.suffix()).isNull();
    }

    @Test
    void shouldFlagThreeNamesWithoutACommaProposingGivenNamesFirst() {
        // when
        PersonName middle = Names.parse("Camila Ananya Russell");
        PersonName particle = Names.parse("Vincent De Luca");

        // then
        assertThat(middle.result().status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(middle.given()).containsExactly("Camila", "Ananya");
        assertThat(middle.family()).isEqualTo("Russell");
        assertThat(particle.result().status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(particle.family()).isEqualTo("De Luca");
        assertThat(particle.given()).isEqualTo(List.of("Vincent"));
    }

    @Test
    void shouldRejectWhatCannotBeSplitOrIsNotAName() {
        assertThat(Names.parse("Cher").result().status()).isEqualTo(Status.INVALID);
        assertThat(Names.parse("Delgado,").result().status()).isEqualTo(Status.INVALID);
        assertThat(Names.parse(", Maria").result().status()).isEqualTo(Status.INVALID);
        assertThat(Names.parse("WILLIAM2").result().problem()).contains("digits");
        assertThat(Names.parse("Delgado; Maria").result().status()).isEqualTo(Status.INVALID);
        assertThat(Names.parse("a, b, c, d").result().status()).isEqualTo(Status.INVALID);
        assertThat(Names.parse("Delgado Jr, Maria Sr").result().problem()).contains("two suffixes");
        assertThat(Names.parse("   ").result()).isEqualTo(Normalized.empty());
    }

    @Test
    void shouldSqueezeTrailingSpacesFromExports() {
        assertThat(Names.parse("HANSEN        , FRANK         ").result()).isEqualTo(Normalized.ok("HANSEN, FRANK"));
    }

    @Test
    void shouldSendAFirstNameOfOneLetterToAPersonAndKeepLongerOnes() {
        assertThat(Names.firstGiven("A").status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(Names.firstGiven("J.").status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(Names.firstGiven("Rosa")).isEqualTo(Normalized.ok("Rosa"));
        assertThat(Names.firstGiven("Bo")).isEqualTo(Normalized.ok("Bo"));
    }
}
