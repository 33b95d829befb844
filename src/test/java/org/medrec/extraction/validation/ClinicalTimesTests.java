package org.medrec.extraction.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medrec.extraction.validation.Normalized.Status;

class ClinicalTimesTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"9:15 AM|09:15", "4:30 PM|16:30", "12:45 PM|12:45", "12:00 AM|00:00",
            "1:00 p.m.|13:00", "10:00am|10:00", "9 AM|09:00", "08:15|08:15", "16:45|16:45", "0930|09:30", "1345|13:45",
            "09:30:00|09:30", "9.30|09:30"})
    void shouldWriteTimesAs24HourClock(String written, String expected) {
        assertThat(ClinicalTimes.normalize(written)).isEqualTo(Normalized.ok(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"13:00 PM", "0:30 AM", "24:00", "9:60", "930", "09:30:15", "noon", "9"})
    void shouldRejectWhatIsNotATimeOfDay(String written) {
        assertThat(ClinicalTimes.normalize(written).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void shouldRepairOcrLettersInTheDigits() {
        assertThat(ClinicalTimes.normalize("1O:l5 AM")).isEqualTo(Normalized.corrected("10:15"));
    }

    @Test
    void shouldReportBlankAsEmpty() {
        assertThat(ClinicalTimes.normalize("")).isEqualTo(Normalized.empty());
    }
}
