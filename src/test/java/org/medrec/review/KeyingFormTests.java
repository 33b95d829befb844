package org.medrec.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medrec.extraction.chart.FormCatalog;
import org.medrec.extraction.chart.FormSpec;

/** The keying form: which parts and lists each document type's form prints, and the posted inputs as the record model. */
class KeyingFormTests {

    private static final FormCatalog FORMS = FormCatalog.load(Path.of("jobs/forms"));

    private static KeyingForm.Layout layoutOf(String docType) {
        FormSpec form = FORMS.forms().stream().filter(f -> f.docType().equals(docType)).findFirst().orElseThrow();
        return KeyingForm.layout(form);
    }

    @Test
    void shouldBuildEachTypesFormFromWhatItsFormPrints() {
        assertThat(layoutOf("intake").parts()).containsExactlyInAnyOrder(KeyingForm.Part.PATIENT, KeyingForm.Part.CONTACT,
                KeyingForm.Part.INSURANCE, KeyingForm.Part.EMERGENCY);
        assertThat(layoutOf("intake").lists()).containsExactly("medications", "allergies", "conditions");
        assertThat(layoutOf("immunization").lists()).containsExactly("immunizations");
        assertThat(layoutOf("note").parts()).contains(KeyingForm.Part.VISIT, KeyingForm.Part.VITALS, KeyingForm.Part.DIAGNOSES);
        assertThat(layoutOf("ledger").lists()).containsExactly("charges");
        assertThat(layoutOf("cms1500").parts()).contains(KeyingForm.Part.INSURANCE, KeyingForm.Part.VISIT,
                KeyingForm.Part.DIAGNOSES);
        assertThat(layoutOf("cms1500").lists()).containsExactly("charges");
        assertThat(KeyingForm.layout(List.of("mrn", "patient.family", "encounters[].date", "encounters[].diagnoses[*].code"))
                .parts()).containsExactlyInAnyOrder(KeyingForm.Part.PATIENT, KeyingForm.Part.VISIT, KeyingForm.Part.DIAGNOSES);
    }

    @Test
    void shouldNameEveryInputByItsPathWithOneRowPerEntryReadAndOneEmptyRowOtherwise() {
        KeyingForm.Form form = KeyingForm.form(layoutOf("immunization"), Map.of(
                "immunizations[1].lot", new KeyingForm.Filled("AC52B011", "doubtful", "low OCR confidence", 1,
                        new int[] {1, 2, 3, 4})), Map.of("mrn", "key it"));

        KeyingForm.Table table = form.tables().get(0);
        assertThat(table.fields()).containsExactly("vaccine", "cvx", "date", "lot");
        assertThat(table.rows()).hasSize(2);
        KeyingForm.Input lot = table.rows().get(1).get(3);
        assertThat(lot.name()).isEqualTo("immunizations[1].lot");
        assertThat(lot.mark()).isEqualTo("doubtful");
        assertThat(lot.box()).isEqualTo("1 2 3 4");
        assertThat(form.groups().get(0).inputs().get(0).problem()).isEqualTo("key it");
    }

    @Test
    void shouldMakeThePostedInputsTheRecordModelWithoutTheRowsLeftBlank() {
        Map<String, String> posted = new LinkedHashMap<>();
        posted.put("_csrf", "x");
        posted.put("docType", "immunization");
        posted.put("mrn", "H0028969");
        posted.put("patient.given[0]", "Jonathan");
        posted.put("patient.given[1]", " ");
        posted.put("immunizations[0].vaccine", "");
        posted.put("immunizations[1].vaccine", "Tdap");
        posted.put("immunizations[1].date", "13/45/2019");
        posted.put("immunizations[2].vaccine", "MMR");

        KeyingForm.Posted records = KeyingForm.records(posted);

        assertThat(records.records().toString()).isEqualTo("[{\"immunizations\":[{\"date\":\"13/45/2019\",\"vaccine\":\"Tdap\"},"
                + "{\"vaccine\":\"MMR\"}],\"mrn\":\"H0028969\",\"patient\":{\"given\":[\"Jonathan\"]}}]");
        assertThat(records.values()).isEqualTo(5);
        assertThat(records.input("records[0].immunizations[0].date")).isEqualTo("immunizations[1].date");
        assertThat(records.input("records[0].immunizations[1].vaccine")).isEqualTo("immunizations[2].vaccine");
        assertThat(records.input("records[0].mrn")).isEqualTo("mrn");
    }
}
