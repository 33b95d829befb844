package org.medrec.spreadsheet.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingCatalogTests {

    private final MappingCatalog catalog = MappingCatalog.load(Path.of("jobs/mappings"));

    private String kindOf(String... headers) {
        return catalog.match(List.of(headers)).map(m -> m.source().name() + "/" + m.sheet().kind()).orElse("none");
    }

    @Test
    void shouldPickTheOneMappingThatFitsEachKnownExport() {
        assertThat(kindOf("PAT_MRN", "PAT_LNAME", "PAT_FNAME", "PAT_MI", "PAT_SFX", "PAT_DOB", "PAT_SEX", "PAT_ADDR1",
                "PAT_ADDR2", "PAT_CITY", "PAT_ST", "PAT_ZIP", "PAT_PHONE", "INTERNAL_ID", "INS_CARRIER", "INS_MEMBER_ID",
                "INS_GROUP")).isEqualTo("medmanager/patients");
        assertThat(kindOf("VISIT_DT", "PAT_MRN", "PAT_LNAME", "PAT_FNAME", "PROV_NAME", "PROV_NPI", "VISIT_REASON", "DX1",
                "DX2", "DX3", "CPT_CD", "CHG_AMT")).isEqualTo("medmanager/visits");
        assertThat(kindOf("mrn", "last_name", "first_name", "middle_name", "suffix", "dob", "sex", "address", "city",
                "state", "zip", "phone", "payer", "member_id", "group_number", "notes")).isEqualTo("northgate/patients");
        assertThat(kindOf("mrn", "encounter_date", "provider_name", "provider_npi", "reason", "dx_codes", "cpt"))
                .isEqualTo("northgate/encounters");
        assertThat(kindOf("Record No.", "Surname", "Given Names", "Service Date", "Procedure", "Description", "Charge",
                "Paid", "Balance")).isEqualTo("chc-billing/billing");
        assertThat(kindOf("CHART NO", "PATIENT NAME", "DOB", "VACCINE", "CVX", "DATE GIVEN", "LOT", "MFR"))
                .isEqualTo("harbor-medix/immunizations");
        assertThat(kindOf("CHARTNO", "LNAME", "FNAME", "BDATE", "VDATE", "PROV", "NPI", "DX1", "DX2", "DX3", "REASON"))
                .isEqualTo("harbor-medix/visits");
        assertThat(kindOf("Chart #", "Patient", "DOS", "CPT", "Description", "Charges", "Payments", "Balance"))
                .isEqualTo("practicepro/billing");
        assertThat(kindOf("Chart #", "Patient Name", "Visit Date", "Provider", "NPI", "Reason", "Diagnosis Codes",
                "Visit Notes")).isEqualTo("practicepro/visits");
    }

    @Test
    void shouldMatchHeadersWithoutCaseOrStraySpaces() {
        assertThat(kindOf(" chart #", "DATE  GIVEN ", "vaccine", "CVX")).isEqualTo("practicepro/immunizations");
    }

    @Test
    void shouldNotGuessForAnExportOfAnUnknownSystem() {
        assertThat(kindOf("PatientID", "Surname", "Forename", "BirthDate")).isEqualTo("none");
        assertThat(catalog.candidates(List.of("Id", "BIRTHDATE", "FIRST", "LAST"))).isEmpty();
    }

    @Test
    void shouldRestoreLeadingZerosOnlyWhereTheClinicsFormatHasThem() {
        SourceMapping.MrnFormat medmanager = mapping("medmanager").mrn();
        SourceMapping.MrnFormat practicepro = mapping("practicepro").mrn();

        assertThat(medmanager.normalise("13938")).isEqualTo("00013938");
        assertThat(medmanager.normalise("13938.0")).isEqualTo("00013938");
        assertThat(medmanager.normalise("00013938 ")).isEqualTo("00013938");
        assertThat(medmanager.normalise("A-13938")).isNull();
        assertThat(practicepro.normalise("A-36122")).isEqualTo("A-36122");
        assertThat(practicepro.normalise("36122")).isNull();
        assertThat(practicepro.normalise("")).isNull();
    }

    @Test
    void shouldListColumnsTheMappingDoesNotRead() {
        SheetMapping visits = mapping("practicepro").sheets().stream().filter(s -> s.kind().equals("visits")).findFirst().orElseThrow();

        assertThat(visits.unknownHeaders(List.of("Chart #", "Visit Date", "NPI", "Visit Notes", "Copay"))).containsExactly("Copay");
        assertThat(visits.pathsOf("diagnosis codes")).containsExactly("encounters[].diagnoses[*].code");
    }

    @Test
    void shouldRefuseAMappingWithoutAnMrnColumnNamingTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.yml"), """
                identifier-system: urn:x
                mrn: {format: "[0-9]+"}
                sheets:
                  patients:
                    headers: [Name]
                    columns: {Name: patient.family}
                """);

        assertThatThrownBy(() -> MappingCatalog.load(dir)).hasMessageContaining("broken.yml").hasMessageContaining("MRN");
    }

    private SourceMapping mapping(String name) {
        return catalog.mappings().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }
}
