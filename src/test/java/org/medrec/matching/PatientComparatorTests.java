package org.medrec.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatientComparatorTests {

    private static final Nicknames NICKNAMES = Nicknames.load(java.nio.file.Path.of("jobs/matching/nicknames.yml"));

    private final PatientComparator comparator = new PatientComparator(MatchWeights.standard(), 13.0, NICKNAMES);

    private static Demographics person(String family, String given, String birth, String sex, String line, String zip,
                                       String phone) {
        return new Demographics(family, given == null ? List.of() : List.of(given), birth == null ? null : LocalDate.parse(birth),
                sex, line, zip, phone);
    }

    private static final Demographics REGISTERED = person("Castellano-Pike", "Theodora", "1971-04-09", "female",
            "417 Quarry Ln", "97215", "(503) 555-0188");

    @Test
    void shouldCallTheSamePersonWithATypoInBothNamesAPossibleDuplicate() {
        MatchScore score = comparator.compare(REGISTERED, person("Castelano-Pike", "Theodra", "1971-04-09", null, null, null, null));

        assertThat(score.agreement(MatchField.FAMILY)).isEqualTo(Agreement.CLOSE);
        assertThat(score.agreement(MatchField.GIVEN)).isEqualTo(Agreement.CLOSE);
        assertThat(score.agreement(MatchField.ADDRESS)).isEqualTo(Agreement.MISSING);
        assertThat(score.possibleDuplicate()).isTrue();
    }

    @Test
    void shouldCallADayAndMonthSwappedBirthDateClose() {
        MatchScore score = comparator.compare(REGISTERED, person("Castellano-Pike", "Theodora", "1971-09-04", "female",
                "417 Quarry Ln", "97215", "5035550188"));

        assertThat(score.agreement(MatchField.BIRTH_DATE)).isEqualTo(Agreement.CLOSE);
        assertThat(score.agreement(MatchField.PHONE)).isEqualTo(Agreement.EXACT);
        assertThat(score.possibleDuplicate()).isTrue();
    }

    @Test
    void shouldCallAChangedSurnameWithTheSameBirthDateAndPhoneAPossibleDuplicate() {
        MatchScore score = comparator.compare(REGISTERED, person("Okafor", "Theodora", "1971-04-09", "female",
                "88 Birch Ct", "97006", "5035550188"));

        assertThat(score.agreement(MatchField.FAMILY)).isEqualTo(Agreement.DISAGREE);
        assertThat(score.possibleDuplicate()).isTrue();
    }

    @Test
    void shouldCallANicknameAndDroppedAccentsCloseOrExact() {
        assertThat(FieldComparisons.given("Kenneth", "Ken", NICKNAMES)).isEqualTo(Agreement.CLOSE);
        assertThat(FieldComparisons.given("Bill", "William", NICKNAMES)).isEqualTo(Agreement.CLOSE);
        assertThat(FieldComparisons.given("Björn", "BJORN", NICKNAMES)).isEqualTo(Agreement.EXACT);
        assertThat(FieldComparisons.family("Lefèvre", "Lefevre")).isEqualTo(Agreement.EXACT);
    }

    @Test
    void shouldNotAskAboutTwinsWhoShareEverythingButTheGivenName() {
        MatchScore score = comparator.compare(REGISTERED, person("Castellano-Pike", "Henrietta", "1971-04-09", "female",
                "417 Quarry Ln", "97215", "5035550188"));

        assertThat(score.weight()).isGreaterThan(13.0);
        assertThat(score.possibleDuplicate()).isFalse();
    }

    @Test
    void shouldNotAskAboutAParentAndChildWithTheSameNameAndAddress() {
        MatchScore score = comparator.compare(REGISTERED, person("Castellano-Pike", "Theodora", "1998-11-23", "female",
                "417 Quarry Ln", "97215", "5035550188"));

        assertThat(score.agreement(MatchField.BIRTH_DATE)).isEqualTo(Agreement.DISAGREE);
        assertThat(score.possibleDuplicate()).isFalse();
    }

    @Test
    void shouldNotAskAboutStrangersWhoShareOnlyAGivenNameAndBirthDate() {
        MatchScore score = comparator.compare(REGISTERED, person("Brandvold", "Theodora", "1971-04-09", "female",
                "12 Elm St", "10001", "2125550100"));

        assertThat(score.possibleDuplicate()).isFalse();
    }

    @Test
    void shouldWeighAMissingFieldAsNoEvidence() {
        Demographics bare = person("Castellano-Pike", "Theodora", "1971-04-09", null, null, null, null);
        MatchScore withMissing = comparator.compare(REGISTERED, bare);

        assertThat(withMissing.agreement(MatchField.SEX)).isEqualTo(Agreement.MISSING);
        assertThat(withMissing.weight()).isEqualTo(comparator.compare(bare, bare).weight());
    }

    @Test
    void shouldNameEveryFieldsAgreementInTheSummary() {
        String summary = comparator.compare(REGISTERED, REGISTERED).summary();

        assertThat(summary).startsWith("match weight ").contains("family name exact").contains("phone exact");
    }

    @Test
    void shouldBlockByBirthDateEitherWayRoundNameSoundexWithYearAndPhone() {
        Demographics typo = person("Castelano-Pike", "Theodra", "1971-09-04", null, null, null, null);

        assertThat(BlockingKeys.of(REGISTERED)).containsAnyElementsOf(BlockingKeys.of(typo));
        assertThat(BlockingKeys.of(person("Castellano-Pike", "Theodora", "1971-04-19", null, null, null, null)))
                .containsAnyElementsOf(BlockingKeys.of(REGISTERED));
        assertThat(BlockingKeys.of(person("Castellano-Pike", "Theodora", "1917-04-09", null, null, null, "503 555 0188")))
                .containsAnyElementsOf(BlockingKeys.of(REGISTERED));
        assertThat(BlockingKeys.of(person("Castellano-Pike", "Theodora", "1972-04-09", null, null, null, null)))
                .doesNotContainAnyElementsOf(BlockingKeys.of(REGISTERED));
    }
}
