package org.medrec.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CorrectedValuesTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 30);

    private static CorrectedValues.Checked check(String field, String typed) {
        return CorrectedValues.check(field, typed, TODAY);
    }

    @Test
    void shouldStoreATypedValueInItsNormalForm() {
        assertThat(check("patient.birth_date", "03/14/1962").value()).isEqualTo("1962-03-14");
        assertThat(check("encounters[0].diagnoses[1].code", "e119").value()).isEqualTo("E11.9");
        assertThat(check("charges[2].charge", "$1,250").value()).isEqualTo("1250.00");
        assertThat(check("patient.address.state", "Oregon").value()).isEqualTo("OR");
        assertThat(check("immunizations[0].cvx", "8").value()).isEqualTo("08");
        assertThat(check("appointments[3].time", "1:30 pm").value()).isEqualTo("13:30");
        assertThat(check("patient.family", "  O'Brien   Smith ").value()).isEqualTo("O'Brien Smith");
    }

    @Test
    void shouldRefuseAnInvalidValueWithTheValidatorsMessage() {
        CorrectedValues.Checked date = check("patient.birth_date", "02/30/1980");
        CorrectedValues.Checked npi = check("encounters[0].npi", "1234567890");

        assertThat(date.ok()).isFalse();
        assertThat(date.problem()).isNotBlank();
        assertThat(npi.ok()).isFalse();
        assertThat(npi.problem()).contains("check digit");
        assertThat(check("patient.birth_date", "2031-01-01").ok()).as("a birth after today").isFalse();
    }

    @Test
    void shouldTakeAnAmbiguousReadingOnlyWhenTypedExactlyAsProposed() {
        assertThat(check("patient.birth_date", "1/5/20").ok()).as("two-digit year").isFalse();
        assertThat(check("patient.birth_date", "1/5/20").problem()).contains("2020-01-05");
        assertThat(check("patient.birth_date", "1920-01-05").value()).isEqualTo("1920-01-05");
    }

    @Test
    void shouldAcceptFhirAppointmentStatusesAsWellAsPrintedOnes() {
        assertThat(check("appointments[0].status", "fulfilled").value()).isEqualTo("fulfilled");
        assertThat(check("appointments[0].status", "N/S").value()).isEqualTo("noshow");
        assertThat(check("appointments[0].status", "Rescheduled").ok()).isFalse();
    }

    @Test
    void shouldKeepAnMrnAsTypedAndRefuseWholeEntriesAndEmptyValues() {
        assertThat(check("mrn", " 00031415 ").value()).isEqualTo("00031415");
        assertThat(check("mrn", "A 1").ok()).isFalse();
        assertThat(check("immunizations[2]", "Tdap").problem()).contains("accept or reject");
        assertThat(check("*", "x").ok()).isFalse();
        assertThat(check("patient.family", "  ").problem()).contains("reject");
        assertThat(CorrectedValues.holdsOneValue("patient.given[1]")).isTrue();
        assertThat(CorrectedValues.holdsOneValue("encounters[0].vitals")).isFalse();
    }
}
