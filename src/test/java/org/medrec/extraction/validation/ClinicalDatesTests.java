package org.medrec.extraction.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medrec.extraction.validation.ClinicalDates.Kind;
import org.medrec.extraction.validation.Normalized.Status;

class ClinicalDatesTests {

    private static final LocalDate REFERENCE = LocalDate.of(2024, 6, 28);
    private final ClinicalDates dates = ClinicalDates.monthFirst();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "03/14/1962", "3/14/1962", "03-14-1962", "03.14.1962", "14-Mar-1962", "14 Mar 1962", "14-MAR-62",
            "14 March 1962", "Mar 14, 1962", "Mar. 14, 1962", "March 14, 1962", "MARCH 14 1962", "March 14th, 1962",
            "1962-03-14", "1962/03/14", "19620314", "3/14/62", " 03 / 14 / 1962 ", "1962-03-14 00:00:00",
            "03/14/1962 06:05 PM", "March 14, 1962.", "1962-03-14T03:26:50Z", "1962-03-14T23:59:00-05:00"})
    void shouldReadEveryFormatClinicsWrite(String written) {
        // when
        Normalized result = dates.parse(written, Kind.BIRTH, REFERENCE);

        // then
        assertThat(result).isEqualTo(Normalized.ok("1962-03-14"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Sept 5, 2019|2019-09-05", "5 Sep 2019|2019-09-05", "Jun 8, 2016|2016-06-08", "1/7/99|1999-01-07",
            "12/4/56|1956-12-04", "9/28/13|2013-09-28", "6/17/87|1987-06-17"})
    void shouldReadDatesAsTheDevCorpusPrintsThem(String written, String expected) {
        assertThat(dates.parse(written, Kind.BIRTH, REFERENCE)).isEqualTo(Normalized.ok(expected));
    }

    @Test
    void shouldAcceptLeapDayInALeapYear() {
        assertThat(dates.parse("02/29/2000", Kind.BIRTH, REFERENCE)).isEqualTo(Normalized.ok("2000-02-29"));
    }

    @Test
    void shouldRejectLeapDayInACenturyThatIsNotALeapYear() {
        // when
        Normalized result = dates.parse("02/29/1900", Kind.BIRTH, REFERENCE);

        // then
        assertThat(result.status()).isEqualTo(Status.INVALID);
        assertThat(result.problem()).contains("1900 is not a leap year");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "02/30/1980|February has no day 30", "2/30/21|February has no day 30", "2021-02-30|February has no day 30",
            "30-Feb-2021|February has no day 30", "19800230|February has no day 30", "04/31/2020|April has no day 31",
            "13/45/2020|there is no month 13 and there is no day 45", "00/10/2020|there is no month 0"})
    void shouldRejectImpossibleDatesNamingTheProblem(String written, String problem) {
        // when
        Normalized result = dates.parse(written, Kind.VISIT, REFERENCE);

        // then
        assertThat(result.status()).isEqualTo(Status.INVALID);
        assertThat(result.problem()).startsWith("impossible date").contains(problem);
        assertThat(result.value()).isNull();
    }

    @Test
    void shouldFlagDayAndMonthThatLookSwappedInsteadOfReinterpretingThem() {
        // when
        Normalized result = dates.parse("14/03/1962", Kind.BIRTH, REFERENCE);

        // then
        assertThat(result.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(result.value()).isEqualTo("1962-03-14");
        assertThat(result.problem()).contains("day and month look swapped");
    }

    @Test
    void shouldReadDayFirstWhenTheSourceSaysSoAndFlagMonthFirstDates() {
        // given
        ClinicalDates european = ClinicalDates.dayFirst();

        // when
        Normalized dayFirst = european.parse("03/04/1962", Kind.BIRTH, REFERENCE);
        Normalized swapped = european.parse("03/14/1962", Kind.BIRTH, REFERENCE);

        // then
        assertThat(dayFirst).isEqualTo(Normalized.ok("1962-04-03"));
        assertThat(swapped.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(swapped.value()).isEqualTo("1962-03-14");
    }

    @Test
    void shouldReadMonthFirstByDefaultWhenBothOrdersArePossible() {
        assertThat(dates.parse("03/04/1962", Kind.BIRTH, REFERENCE)).isEqualTo(Normalized.ok("1962-03-04"));
    }

    @Test
    void shouldResolveTwoDigitBirthYearToTheLastCenturyWhenThisOneWouldBeInTheFuture() {
        assertThat(dates.parse("3/14/62", Kind.BIRTH, REFERENCE)).isEqualTo(Normalized.ok("1962-03-14"));
        assertThat(dates.parse("12/31/24", Kind.BIRTH, REFERENCE)).isEqualTo(Normalized.ok("1924-12-31"));
    }

    @Test
    void shouldFlagTwoDigitBirthYearThatCouldAlsoBeACentenarian() {
        // when
        Normalized result = dates.parse("1/5/20", Kind.BIRTH, REFERENCE);

        // then
        assertThat(result.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(result.value()).isEqualTo("2020-01-05");
        assertThat(result.problem()).contains("1920 is also possible");
    }

    @Test
    void shouldAcceptTwoDigitBirthYearWhenTheOtherCenturyIsBeyondTheMaximumAge() {
        assertThat(dates.parse("9/28/13", Kind.BIRTH, REFERENCE)).isEqualTo(Normalized.ok("2013-09-28"));
        assertThat(dates.withMaxAgeYears(115).parse("9/28/13", Kind.BIRTH, REFERENCE).status())
                .isEqualTo(Status.AMBIGUOUS);
    }

    @Test
    void shouldProposeTheOnlyPossibleCenturyForAVisitButNeverAcceptItUnreviewed() {
        // when
        Normalized result = dates.parse("3/14/62", Kind.VISIT, REFERENCE);

        // then
        assertThat(result.status()).isEqualTo(Status.AMBIGUOUS);
        assertThat(result.value()).isEqualTo("1962-03-14");
        assertThat(result.problem()).contains("2062-03-14 would be after the reference date 2024-06-28");
    }

    @Test
    void shouldReadTwoDigitVisitYearsInThisCentury() {
        assertThat(dates.parse("11/3/16", Kind.VISIT, REFERENCE)).isEqualTo(Normalized.ok("2016-11-03"));
        assertThat(dates.parse("6/28/24", Kind.CHARGE, REFERENCE)).isEqualTo(Normalized.ok("2024-06-28"));
        assertThat(dates.parse("3/6/23", Kind.IMMUNIZATION, REFERENCE)).isEqualTo(Normalized.ok("2023-03-06"));
    }

    @Test
    void shouldAllowBookedAppointmentsAfterTheReferenceDate() {
        assertThat(dates.parse("7/30/24", Kind.APPOINTMENT, REFERENCE)).isEqualTo(Normalized.ok("2024-07-30"));
        assertThat(dates.parse("2024-11-04", Kind.APPOINTMENT, REFERENCE)).isEqualTo(Normalized.ok("2024-11-04"));
    }

    @Test
    void shouldRejectAppointmentsTooFarAhead() {
        assertThat(dates.parse("2031-01-01", Kind.APPOINTMENT, REFERENCE).status()).isEqualTo(Status.INVALID);
        assertThat(dates.parse("1/1/31", Kind.APPOINTMENT, REFERENCE).status()).isEqualTo(Status.AMBIGUOUS);
    }

    @Test
    void shouldRejectBirthDateInTheFuture() {
        // when
        Normalized result = dates.parse("2030-07-12", Kind.BIRTH, REFERENCE);

        // then
        assertThat(result.status()).isEqualTo(Status.INVALID);
        assertThat(result.problem()).contains("in the future");
    }

    @Test
    void shouldRejectVisitAfterTheReferenceDate() {
        assertThat(dates.parse("07/01/2024", Kind.VISIT, REFERENCE).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void shouldRejectDatesBefore1900() {
        assertThat(dates.parse("12/31/1899", Kind.BIRTH, REFERENCE).problem()).contains("before 1900-01-01");
        assertThat(dates.parse("1850-01-01", Kind.VISIT, REFERENCE).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void shouldRepairOcrConfusionsInsideDigitRunsAndSaySo() {
        // when
        Normalized digits = dates.parse("O3/l4/l962", Kind.BIRTH, REFERENCE);
        Normalized month = dates.parse("0ct 5, 2019", Kind.VISIT, REFERENCE);
        Normalized year = dates.parse("14-Mar-I9B2", Kind.BIRTH, REFERENCE);

        // then
        assertThat(digits).isEqualTo(Normalized.corrected("1962-03-14"));
        assertThat(month).isEqualTo(Normalized.corrected("2019-10-05"));
        assertThat(year).isEqualTo(Normalized.corrected("1982-03-14"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"N/A", "unknown", "March 1962", "03/1962", "3/14", "12345678", "1962-3",
            "03/14-1962", "14 Marc 1962", "Smarch 14, 1962"})
    void shouldRejectWhatIsNotADate(String written) {
        assertThat(dates.parse(written, Kind.BIRTH, REFERENCE).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void shouldReportBlankAsEmpty() {
        assertThat(dates.parse(null, Kind.BIRTH, REFERENCE)).isEqualTo(Normalized.empty());
        assertThat(dates.parse("  ", Kind.BIRTH, REFERENCE)).isEqualTo(Normalized.empty());
    }

    @Test
    void shouldReadSpreadsheetSerialDates() {
        assertThat(dates.fromExcelSerial(42329, Kind.BIRTH, REFERENCE)).isEqualTo(Normalized.ok("2015-11-21"));
        assertThat(dates.fromExcelSerial(45471.75347222222, Kind.DOCUMENT, REFERENCE)).isEqualTo(Normalized.ok("2024-06-28"));
        assertThat(dates.fromExcelSerial(60, Kind.BIRTH, REFERENCE).status()).isEqualTo(Status.INVALID);
        assertThat(dates.fromExcelSerial(Double.NaN, Kind.BIRTH, REFERENCE).status()).isEqualTo(Status.INVALID);
        assertThat(dates.fromExcelSerial(47000, Kind.VISIT, REFERENCE).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void shouldFlagAVisitBeforeBirth() {
        // given
        LocalDate birth = LocalDate.of(1962, 3, 14);

        // when
        Normalized before = ClinicalDates.checkNotBefore(LocalDate.of(1950, 1, 1), birth);
        Normalized after = ClinicalDates.checkNotBefore(LocalDate.of(2020, 1, 1), birth);
        Normalized sameDay = ClinicalDates.checkNotBefore(birth, birth);

        // then
        assertThat(before.status()).isEqualTo(Status.INVALID);
        assertThat(before.problem()).contains("before the birth date 1962-03-14");
        assertThat(after).isEqualTo(Normalized.ok("2020-01-01"));
        assertThat(sameDay.isOk()).isTrue();
        assertThat(ClinicalDates.checkNotBefore(null, birth)).isEqualTo(Normalized.empty());
    }

    @Test
    void shouldRejectAnImplausibleMaximumAge() {
        assertThatThrownBy(() -> dates.withMaxAgeYears(0)).hasMessageContaining("1..130");
    }

    @Test
    void shouldReadYearMonthDayByTheShortcutAsTheGeneralReadingDoes() {
        LocalDate reference = LocalDate.of(2024, 6, 28);
        for (String raw : List.of("2019-02-28", "2019-02-30", "2020-02-29", "2021-02-29", "1899-12-31", "1900-01-01",
                "2024-06-28", "2024-06-29", "2099-01-01", "0000-00-00", "2019-13-01", "2019-00-10", "2019-12-00",
                "1962-03-14", "1850-07-04", "2024-12-31")) {
            for (Kind kind : Kind.values()) {
                assertThat(dates.parse(raw, kind, reference)).as(raw + " " + kind).isEqualTo(dates.general(raw, kind, reference));
                assertThat(ClinicalDates.dayFirst().parse(raw, kind, reference)).as(raw + " " + kind)
                        .isEqualTo(ClinicalDates.dayFirst().general(raw, kind, reference));
            }
        }
    }
}
