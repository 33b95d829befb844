package org.medrec.extraction.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medrec.extraction.validation.Normalized.Status;

class AppointmentStatusesTests {

    private final AppointmentStatuses statuses = AppointmentStatuses.standard();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"KEPT|fulfilled", "Completed|fulfilled", "Seen|fulfilled",
            "Arrived and seen|fulfilled", "Arrived-and-seen|fulfilled", "Checked out|fulfilled", "CHECKED OUT|fulfilled",
            "N/S|noshow", "NS|noshow", "No Show|noshow", "No-show|noshow", "DNKA|noshow", "Missed|noshow",
            "CXL|cancelled", "CANC|cancelled", "Cancelled|cancelled", "Canceled|cancelled", "Pt Cancelled|cancelled",
            "Patient canceled|cancelled", "Scheduled|booked", "Booked|booked", "SCH|booked", "SCHED|booked",
            "Confirmed|booked"})
    void shouldMapPrintedStatusesToFhir(String printed, String status) {
        assertThat(statuses.normalize(printed)).isEqualTo(Normalized.ok(status));
    }

    @Test
    void shouldAgreeWithEveryStatusPrintedInTheDevCorpus() {
        for (String[] row : Fixtures.tsv("dev-corpus-appointment-statuses.tsv")) {
            assertThat(statuses.normalize(row[0])).as(row[0]).isEqualTo(Normalized.ok(row[1]));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Rescheduled", "Late cancel", "Checked in", "LWBS", "Pending", "?", "KEP"})
    void shouldSendStatusesItDoesNotKnowToReview(String printed) {
        assertThat(statuses.normalize(printed).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void shouldLearnAClinicsOwnCodesFromItsPrintedLegend() {
        // given
        AppointmentStatuses clinic = statuses.withLegend(
                "KEPT=COMPLETED  N/S=NO SHOW  CANC=CANCELLED  SCHED=SCHEDULED  CO=CHECKED OUT  LC=LATE CANCEL");

        // then
        assertThat(clinic.normalize("CO")).isEqualTo(Normalized.ok("fulfilled"));
        assertThat(clinic.normalize("N/S")).isEqualTo(Normalized.ok("noshow"));
        assertThat(clinic.normalize("LC").status()).isEqualTo(Status.INVALID);
        assertThat(statuses.normalize("CO").status()).isEqualTo(Status.INVALID);
        assertThat(statuses.withLegend(" ")).isSameAs(statuses);
    }

    @Test
    void shouldReportBlankAsEmpty() {
        assertThat(statuses.normalize("")).isEqualTo(Normalized.empty());
    }
}
