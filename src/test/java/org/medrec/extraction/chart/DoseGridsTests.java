package org.medrec.extraction.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Immunization cards printed as a grid of doses, typed (no OCR): the boxes' positions decide. */
class DoseGridsTests {

    private static final String HEADER = "VACCINE                 DOSE 1                          DOSE 2                          DOSE 3";

    /** A Lakeside card for one patient with these lines under the dose captions. */
    private static ChartExtraction.Extracted card(String... rows) {
        List<String> lines = new ArrayList<>(List.of("Lakeside Pediatrics & Family Care", "Immunization Record",
                "Name: Patel, Juan H.     Date of Birth: 1/7/99", "Med Rec #: A-35925", HEADER));
        lines.addAll(List.of(rows));
        return Forms.extract(TypedLines.page(lines.toArray(String[]::new)));
    }

    @Test
    void readsEachFilledBoxAsADoseWithTheCodeAndNameOfItsProductInDateOrder() {
        ChartExtraction.Extracted e = card(
                "Tdap / Td         Date 7/16/15                    Date                            Date",
                "                  Boostrix",
                "                  Lot E6743KW                     Lot                             Lot",
                "Influenza         Date 11/5/21                    Date 9/14/23~80                 Date",
                "                  Flulaval Quad MDV               Fluarix Quad",
                "                  Lot L3080XS                     Lot TW6743                      Lot",
                "COVID-19          Date 1/17/21                    Date",
                "                  Pfizer-BioNTech COVID-19",
                "                  Lot WM2057                      Lot",
                "Zoster            Date                            Date                            Date",
                "",
                "                  Lot                             Lot                             Lot");

        assertThat(e.documentDoubt()).isNull();
        assertThat(Forms.loadable(e)).containsEntry("immunizations[0].date", "2015-07-16")
                .containsEntry("immunizations[0].cvx", "115").containsEntry("immunizations[0].vaccine", "Tdap")
                .containsEntry("immunizations[0].lot", "E6743KW")
                .containsEntry("immunizations[1].date", "2021-01-17")
                .containsEntry("immunizations[2].date", "2021-11-05").containsEntry("immunizations[2].cvx", "158")
                .containsEntry("immunizations[2].vaccine", "influenza, injectable, quadrivalent, contains preservative")
                .doesNotContainKeys("immunizations[3].cvx", "immunizations[4].date");
        assertThat(Forms.inReview(e)).containsKeys("immunizations[1].cvx", "immunizations[1].vaccine",
                "immunizations[3].date", "immunizations[3].cvx", "immunizations[3].lot");
        assertThat(Forms.inReview(e).get("immunizations[3].cvx")).contains("date order");
        assertThat(Forms.inReview(e).get("immunizations[1].cvx")).contains("208");
    }

    @Test
    void sendsADoseWhoseRowsWereNotToldApartAndEveryDoseItMayBeConfusedWithToAPerson() {
        ChartExtraction.Extracted e = card(
                "Tdap / Td         Date 7/16/15",
                "                  Boostrix",
                "                  Lot E6743KW",
                "MMR               Date 3/27/00",
                "                  M-M-R II",
                "                  Lot P281733",
                "                  Date 4/8/00",
                "                  Varivax",
                "                  Lot 7116P",
                "HPV               Date",
                "",
                "                  Lot");

        assertThat(Forms.loadable(e)).doesNotContainKeys("immunizations[0].date", "immunizations[0].cvx",
                "immunizations[0].lot", "immunizations[1].date", "immunizations[1].cvx");
        assertThat(Forms.inReview(e).get("immunizations[1].cvx")).contains("date order");
        assertThat(Forms.inReview(e).get("immunizations[0].cvx")).containsAnyOf("taller than the others", "second date");
    }

    @Test
    void asksForTheVaccineOfADoseWhoseProductIsNotKnown() {
        ChartExtraction.Extracted e = card(
                "Polio (IPV)       Date 5/27/1999",
                "                  POL",
                "                  Lot D7286IX",
                "Hib               Date",
                "",
                "                  Lot");

        assertThat(Forms.loadable(e)).containsEntry("immunizations[0].date", "1999-05-27")
                .doesNotContainKeys("immunizations[0].cvx", "immunizations[0].vaccine");
        assertThat(Forms.inReview(e).get("immunizations[0].cvx")).contains("'POL' is not in medrec's table");
    }

    @Test
    void sendsADoseWhoseProductIsNotAVaccineOfItsRowToAPerson() {
        ChartExtraction.Extracted e = card(
                "MMR               Date 3/27/00",
                "                  Boostrix",
                "                  Lot P281733",
                "HPV               Date",
                "",
                "                  Lot");

        assertThat(Forms.loadable(e)).doesNotContainKeys("immunizations[0].cvx", "immunizations[0].vaccine");
        assertThat(Forms.inReview(e).get("immunizations[0].cvx")).contains("not a vaccine of its row");
    }

    @Test
    void sendsADoseWhoseDateRunsOnPastItsBoxToAPerson() {
        ChartExtraction.Extracted e = card(
                "Hepatitis B                   Date 5/16/20 10",
                "                  Engerix-B",
                "                  Lot E6743KW                     Lot                             Lot",
                "Tdap / Td         Date 7/16/15                    Date                            Date",
                "                  Boostrix",
                "                  Lot E6743KW                     Lot                             Lot");

        assertThat(Forms.loadable(e)).doesNotContainValue("2020-05-16");
        assertThat(Forms.inReview(e).values()).anyMatch(r -> r.contains("runs on past its box"));
    }
}
