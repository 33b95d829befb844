package org.medrec.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ItemDetailsTests {

    private static final String ROW = """
            [{"identifierSystem": "urn:x", "mrn": "M1", "docType": "patients", "fields": [
              {"path": "mrn", "raw": "M1", "value": "M1", "confidence": 1.0,
               "source": {"sourceFileId": 3, "path": "p.csv", "sheet": null, "row": 7, "column": "MRN"}, "reviewReason": null},
              {"path": "patient.birth_date", "raw": "31/02/1980", "value": null, "confidence": 1.0,
               "source": {"sourceFileId": 3, "path": "p.csv", "sheet": null, "row": 7, "column": "DOB"},
               "reviewReason": "no such date"}]}]""";

    @Test
    void shouldListTheRowsCellsWithTheItemsOwnMarked() {
        List<ItemDetails.RecordValue> values = ItemDetails.recordValues(ROW, 0, "patient.birth_date");

        assertThat(values).extracting(ItemDetails.RecordValue::column).containsExactly("MRN", "DOB");
        assertThat(values).extracting(ItemDetails.RecordValue::current).containsExactly(false, true);
        assertThat(values.get(1).reviewReason()).isEqualTo("no such date");
        assertThat(values.get(1).value()).isNull();
    }

    @Test
    void shouldShowNoContextWithoutRecordsOrForAnotherIndex() {
        assertThat(ItemDetails.recordValues(null, 0, "mrn")).isEmpty();
        assertThat(ItemDetails.recordValues(ROW, null, "mrn")).isEmpty();
        assertThat(ItemDetails.recordValues(ROW, 4, "mrn")).isEmpty();
    }
}
