package org.medrec.extraction.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medrec.extraction.validation.Normalized.Status;

class MedicationSigsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"PO|PO", "p.o.|PO", "oral|PO", "orally|PO", "by mouth|PO", "BY MOUTH|PO",
            "SQ|SC", "SubQ|SC", "sub-Q|SC", "subcut|SC", "subcutaneous|SC", "IM|IM", "intramuscular|IM",
            "intravenous|IV", "IV|IV", "INH|INH", "inhaled|INH", "inhalation|INH", "by inhalation|INH",
            "topical|topical", "TOPICAL|topical", "apply to skin|topical", "SL|SL", "sublingual|SL", "rectal|PR",
            "PR|PR", "ophthalmic|OPH", "in both eyes|OPH", "otic|OTIC", "in each ear|OTIC", "nasal|nasal",
            "intranasal|nasal", "in each nostril|nasal", "transdermal|TD", "vaginal|PV"})
    void shouldMapRoutesToTheirShortForms(String written, String route) {
        assertThat(MedicationSigs.route(written)).isEqualTo(Normalized.ok(route));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"daily|daily", "Daily|daily", "once daily|daily", "once a day|daily",
            "every day|daily", "QD|daily", "q.d.|daily", "BID|BID", "b.i.d.|BID", "twice daily|BID",
            "twice a day|BID", "2 times daily|BID", "TID|TID", "three times daily|TID", "QID|QID",
            "four times a day|QID", "QHS|QHS", "at bedtime|QHS", "nightly at bedtime|QHS", "QAM|QAM",
            "every morning|QAM", "QPM|QPM", "every other day|every other day", "QOD|every other day",
            "weekly|weekly", "once weekly|weekly", "once a week|weekly", "monthly|monthly", "Q4H|Q4H", "q 4 h|Q4H",
            "q4hr|Q4H", "every 4 hours|Q4H", "every four hours|Q4H", "q12h|Q12H", "Q4-6H|Q4-6H",
            "every 4-6 hours|Q4-6H", "every 4 to 6 hours|Q4-6H"})
    void shouldMapFrequenciesToTheirShortForms(String written, String frequency) {
        assertThat(MedicationSigs.frequency(written)).isEqualTo(Normalized.ok(frequency));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"PRN|PRN", "as needed|PRN", "TID PRN|TID PRN", "Q6H PRN|Q6H PRN",
            "Q4-6H PRN|Q4-6H PRN", "every 6 hours as needed for pain|Q6H PRN",
            "every 4 to 6 hours as needed for wheezing|Q4-6H PRN", "QHS PRN|QHS PRN", "at bedtime as needed|QHS PRN",
            "daily as needed|daily PRN", "q6h prn pain|Q6H PRN"})
    void shouldKeepAsNeededAsPrn(String written, String frequency) {
        assertThat(MedicationSigs.frequency(written)).isEqualTo(Normalized.ok(frequency));
    }

    @Test
    void shouldAgreeWithEveryRouteAndFrequencyInTheDevCorpus() {
        for (String[] row : Fixtures.tsv("dev-corpus-medication-sigs.tsv")) {
            Normalized result = row[0].equals("route") ? MedicationSigs.route(row[1]) : MedicationSigs.frequency(row[1]);
            assertThat(result).as(row[1]).isEqualTo(Normalized.ok(row[2]));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"every night", "at night", "with meals", "TID AC", "q0h", "q6-4h", "as directed",
            "twice", "2 puffs", "prn 2 puffs q4h"})
    void shouldSendFrequenciesItCannotMapToReview(String written) {
        assertThat(MedicationSigs.frequency(written).status()).isEqualTo(Status.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"per G-tube", "swish and spit", "injection", "OS"})
    void shouldSendRoutesItCannotMapToReview(String written) {
        assertThat(MedicationSigs.route(written).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void shouldReportBlankAsEmpty() {
        assertThat(MedicationSigs.route(" ")).isEqualTo(Normalized.empty());
        assertThat(MedicationSigs.frequency(null)).isEqualTo(Normalized.empty());
    }
}
