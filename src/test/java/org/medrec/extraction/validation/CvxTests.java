package org.medrec.extraction.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medrec.extraction.validation.Normalized.Status;

class CvxTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"8|08", "08|08", "8.0|08", "3|03", "003|03", "10|10", "115|115", "0115|115",
            "CVX 115|115", "207|207", "309|309", "1O6|106"})
    void shouldWriteCodesInTheirOfficialForm(String written, String expected) {
        assertThat(Cvx.normalize(written).value()).isEqualTo(expected);
        assertThat(Cvx.normalize(written).isOk()).isTrue();
    }

    @Test
    void shouldFlagAWellFormedCodeMedrecDoesNotKnow() {
        // when
        Normalized result = Cvx.normalize("400");

        // then
        assertThat(result.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(result.value()).isEqualTo("400");
    }

    @Test
    void shouldRejectWhatIsNotACode() {
        assertThat(Cvx.normalize("MMR").status()).isEqualTo(Status.INVALID);
        assertThat(Cvx.normalize("11.5").status()).isEqualTo(Status.INVALID);
        assertThat(Cvx.normalize("")).isEqualTo(Normalized.empty());
    }

    @Test
    void shouldDescribeCodes() {
        assertThat(Cvx.description("115")).contains("Tdap");
        assertThat(Cvx.description("03")).contains("MMR");
        assertThat(Cvx.description("3")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Tdap|115", "Boostrix|115", "Adacel|115", "TDAP|115", "Tdap vaccine|115",
            "DTaP|20", "Pediarix|110", "Pentacel|120", "Kinrix|130", "Vaxelis|146", "MMR|03", "M-M-R II|03",
            "MMR II|03", "Varicella|21", "Varivax|21", "MMRV|94", "ProQuad|94", "IPV|10", "IPOL|10",
            "Polio (IPV)|10", "Hep B, adult|43", "Hep B, adolescent or pediatric|08",
            "HEP B, ADOLESCENT OR PEDIATRIC|08", "Hep A, adult|52", "Hep A, ped/adol, 2 dose|83",
            "Hib (PRP-T)|48", "ActHIB|48", "Hib (PRP-OMP)|49", "PedvaxHIB|49", "Prevnar 13|133", "PCV13|133",
            "PCV 13|133", "PCV15|215", "Vaxneuvance|215", "PCV20|216", "Prevnar 20|216", "PPSV23|33",
            "Pneumovax 23|33", "HPV9|165", "Gardasil 9|165", "Menactra|114", "Menveo|136", "MenQuadfi|203",
            "Trumenba|162", "Bexsero|163", "Shingrix|187", "zoster recombinant|187", "RotaTeq|116", "Rotarix|119",
            "Arexvy|303", "Abrysvo|305", "Janssen COVID-19|212", "Fluarix Quad|150", "Flulaval Quad MDV|158",
            "Fluzone High-Dose Quad|197", "Tenivac|113", "Influenza, split virus, trivalent, PF|140"})
    void shouldFindTheCodeOfVaccineAndProductNames(String name, String code) {
        assertThat(Cvx.lookup(name)).isEqualTo(Normalized.ok(code));
    }

    @Test
    void shouldAgreeWithEveryVaccineAndCodePairInTheDevCorpus() {
        for (String[] row : Fixtures.tsv("dev-corpus-vaccines.tsv")) {
            // when
            Normalized byName = Cvx.lookup(row[0]);
            Normalized check = Cvx.consistent(row[0], row[1]);

            // then
            assertThat(byName).as(row[0]).isEqualTo(Normalized.ok(row[1]));
            assertThat(check).as(row[0]).isEqualTo(Normalized.ok(row[1]));
            assertThat(Cvx.normalize(row[1])).as(row[1]).isEqualTo(Normalized.ok(row[1]));
        }
    }

    @Test
    void shouldAgreeWithTheProductNamesOnTheDevCorpusImmunizationCards() {
        for (String[] row : Fixtures.tsv("dev-corpus-card-products.tsv")) {
            // when
            Normalized result = Cvx.lookup(row[0], LocalDate.parse(row[1]), LocalDate.parse(row[2]));

            // then
            assertThat(result.value()).as(row[0]).isEqualTo(row[3]);
            assertThat(result.status()).as(row[0]).isEqualTo(Status.valueOf(row[4]));
        }
    }

    @Test
    void shouldResolveAgeDependentFormulationsByTheAgeAtTheDose() {
        // given
        LocalDate birth = LocalDate.of(2000, 1, 1);

        // then
        assertThat(Cvx.lookup("Engerix-B", birth, LocalDate.of(2000, 2, 1))).isEqualTo(Normalized.ok("08"));
        assertThat(Cvx.lookup("Engerix-B", birth, LocalDate.of(2019, 12, 31))).isEqualTo(Normalized.ok("08"));
        assertThat(Cvx.lookup("Engerix-B", birth, LocalDate.of(2020, 1, 1))).isEqualTo(Normalized.ok("43"));
        assertThat(Cvx.lookup("Havrix", birth, LocalDate.of(2001, 6, 1))).isEqualTo(Normalized.ok("83"));
        assertThat(Cvx.lookup("Havrix", birth, LocalDate.of(2019, 6, 1))).isEqualTo(Normalized.ok("52"));
        assertThat(Cvx.lookup("Recombivax HB", birth, LocalDate.of(2013, 6, 1)).status()).isEqualTo(Status.AMBIGUOUS);
    }

    @Test
    void shouldNotGuessAnAgeDependentFormulationWithoutTheAge() {
        // when
        Normalized result = Cvx.lookup("Engerix-B");

        // then
        assertThat(result.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(result.value()).isNull();
        assertThat(result.problem()).contains("08", "43");
    }

    @Test
    void shouldFlagProductsMadeInSeveralFormulationsProposingTheUsualOne() {
        // when
        Normalized pfizer = Cvx.lookup("Pfizer-BioNTech COVID-19");
        Normalized afluria = Cvx.lookup("Afluria");

        // then
        assertThat(pfizer.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(pfizer.value()).isEqualTo("208");
        assertThat(afluria.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(afluria.value()).isEqualTo("141");
    }

    @Test
    void shouldFlagVaccineFamiliesWithoutAProposal() {
        for (String family : new String[] {"Influenza", "COVID-19", "Hepatitis B", "Pneumococcal", "Hib", "Td",
                "Tdap / Td", "Zoster (Shingles)", "Meningococcal", "HPV", "Rotavirus"}) {
            Normalized result = Cvx.lookup(family);
            assertThat(result.status()).as(family).isEqualTo(Status.AMBIGUOUS);
            assertThat(result.value()).as(family).isNull();
        }
    }

    @Test
    void shouldRejectUnknownVaccineNames() {
        assertThat(Cvx.lookup("Snake oil").status()).isEqualTo(Status.INVALID);
        assertThat(Cvx.lookup(" ")).isEqualTo(Normalized.empty());
    }

    @Test
    void shouldSayWhichVaccineACodeIsWhenTheNameDisagrees() {
        // when
        Normalized result = Cvx.consistent("MMR", "115");

        // then
        assertThat(result.status()).isEqualTo(Status.INVALID);
        assertThat(result.problem()).contains("CVX 115 is Tdap, not 'MMR'");
    }

    @Test
    void shouldAcceptACodeThatAFamilyNameAllows() {
        assertThat(Cvx.consistent("Influenza", "141")).isEqualTo(Normalized.ok("141"));
        assertThat(Cvx.consistent("Engerix-B", "43")).isEqualTo(Normalized.ok("43"));
        assertThat(Cvx.consistent("Hep B, adolescent or pediatric", "8")).isEqualTo(Normalized.ok("08"));
    }

    @Test
    void shouldNotConfirmWhatItCannotCheck() {
        assertThat(Cvx.consistent("Snake oil", "115").status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(Cvx.consistent("Tdap", "400").status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(Cvx.consistent("Tdap", "abc").status()).isEqualTo(Status.INVALID);
        assertThat(Cvx.consistent("Tdap", "")).isEqualTo(Normalized.empty());
    }

    @Test
    void shouldKnowTheCodesTheRecordModelNames() {
        for (String code : new String[] {"03", "08", "10", "20", "21", "33", "43", "48", "49", "52", "83", "88", "94",
                "113", "114", "115", "116", "119", "133", "135", "136", "139", "140", "141", "147", "150", "153", "158",
                "161", "162", "163", "165", "171", "185", "186", "187", "197", "203", "205", "207", "208", "212", "213",
                "215", "216", "217", "218", "219", "221", "228", "229", "230", "300", "301", "302", "303", "304", "305",
                "306", "307", "309", "310", "311", "312", "313"}) {
            assertThat(Cvx.normalize(code)).as(code).isEqualTo(Normalized.ok(code));
        }
    }
}
