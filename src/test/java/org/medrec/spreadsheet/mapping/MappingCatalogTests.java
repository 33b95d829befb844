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
    void shouldPickTheSyntheaKindOfEachFileOfBothColumnSets() {
        assertThat(kindOf(synthea("Id,BIRTHDATE,DEATHDATE,SSN,DRIVERS,PASSPORT,PREFIX,FIRST,LAST,SUFFIX,MAIDEN,MARITAL,RACE,"
                + "ETHNICITY,GENDER,BIRTHPLACE,ADDRESS,CITY,STATE,COUNTY,ZIP,LAT,LON,HEALTHCARE_EXPENSES,HEALTHCARE_COVERAGE")))
                .isEqualTo("synthea/patients");
        assertThat(kindOf(synthea("Id,BIRTHDATE,DEATHDATE,SSN,DRIVERS,PASSPORT,PREFIX,FIRST,MIDDLE,LAST,SUFFIX,MAIDEN,MARITAL,"
                + "RACE,ETHNICITY,GENDER,BIRTHPLACE,ADDRESS,CITY,STATE,COUNTY,FIPS,ZIP,LAT,LON,HEALTHCARE_EXPENSES,"
                + "HEALTHCARE_COVERAGE,INCOME"))).isEqualTo("synthea/patients");
        assertThat(kindOf(synthea("Id,START,STOP,PATIENT,ORGANIZATION,PROVIDER,PAYER,ENCOUNTERCLASS,CODE,DESCRIPTION,"
                + "BASE_ENCOUNTER_COST,TOTAL_CLAIM_COST,PAYER_COVERAGE,REASONCODE,REASONDESCRIPTION"))).isEqualTo("synthea/encounters");
        assertThat(kindOf(synthea("START,STOP,PATIENT,ENCOUNTER,CODE,DESCRIPTION"))).isEqualTo("synthea/conditions");
        assertThat(kindOf(synthea("START,STOP,PATIENT,ENCOUNTER,SYSTEM,CODE,DESCRIPTION"))).isEqualTo("synthea/conditions");
        assertThat(kindOf(synthea("START,STOP,PATIENT,PAYER,ENCOUNTER,CODE,DESCRIPTION,BASE_COST,PAYER_COVERAGE,DISPENSES,"
                + "TOTALCOST,REASONCODE,REASONDESCRIPTION"))).isEqualTo("synthea/medications");
        assertThat(kindOf(synthea("DATE,PATIENT,ENCOUNTER,CODE,DESCRIPTION,BASE_COST"))).isEqualTo("synthea/immunizations");
        assertThat(kindOf(synthea("START,STOP,PATIENT,ENCOUNTER,CODE,SYSTEM,DESCRIPTION,TYPE,CATEGORY,REACTION1,"
                + "DESCRIPTION1,SEVERITY1,REACTION2,DESCRIPTION2,SEVERITY2"))).isEqualTo("synthea/allergies");
        assertThat(kindOf(synthea("PATIENT,START_YEAR,END_YEAR,PAYER,OWNERSHIP"))).isEqualTo("synthea/payer_transitions_years");
        assertThat(kindOf(synthea("PATIENT,MEMBERID,START_YEAR,END_YEAR,PAYER,SECONDARY_PAYER,OWNERSHIP,OWNERNAME")))
                .isEqualTo("synthea/payer_transitions_years");
        assertThat(kindOf(synthea("PATIENT,MEMBERID,START_DATE,END_DATE,PAYER,SECONDARY_PAYER,PLAN_OWNERSHIP,OWNER_NAME")))
                .isEqualTo("synthea/payer_transitions");
        assertThat(catalog.lookupCandidates(synthea("Id,NAME,OWNERSHIP,ADDRESS,CITY,STATE_HEADQUARTERED,ZIP,PHONE,"
                + "AMOUNT_COVERED,AMOUNT_UNCOVERED,REVENUE,COVERED_ENCOUNTERS,UNCOVERED_ENCOUNTERS,COVERED_MEDICATIONS,"
                + "UNCOVERED_MEDICATIONS,COVERED_PROCEDURES,UNCOVERED_PROCEDURES,COVERED_IMMUNIZATIONS,"
                + "UNCOVERED_IMMUNIZATIONS,UNIQUE_CUSTOMERS,QOLS_AVG,MEMBER_MONTHS")))
                .extracting(m -> m.source().name() + "/" + m.lookup().name()).containsExactly("synthea/payers");
    }

    @Test
    void shouldTellTheSyntheaFilesThatShareHeadersWithAMappedOneByTheirOwnAndNeverReadThem() {
        for (String headers : List.of("Id,START,STOP,PATIENT,ENCOUNTER,CODE,DESCRIPTION,REASONCODE,REASONDESCRIPTION",
                "START,STOP,PATIENT,ENCOUNTER,CODE,DESCRIPTION,BASE_COST,REASONCODE,REASONDESCRIPTION",
                "START,STOP,PATIENT,ENCOUNTER,CODE,DESCRIPTION,UDI", "DATE,PATIENT,ENCOUNTER,CODE,DESCRIPTION,QUANTITY",
                "DATE,PATIENT,ENCOUNTER,CATEGORY,CODE,DESCRIPTION,VALUE,UNITS,TYPE",
                "Id,NAME,ADDRESS,CITY,STATE,ZIP,LAT,LON,PHONE,REVENUE,UTILIZATION")) {
            assertThat(catalog.candidates(synthea(headers))).as(headers).isEmpty();
            assertThat(catalog.lookupCandidates(synthea(headers))).as(headers).isEmpty();
            assertThat(catalog.notMigratedCandidates(synthea(headers))).as(headers).hasSize(1);
        }
        String providers = "Id,ORGANIZATION,NAME,GENDER,SPECIALITY,ADDRESS,CITY,STATE,ZIP,LAT,LON,UTILIZATION";
        assertThat(catalog.lookupCandidates(synthea(providers))).extracting(m -> m.lookup().name()).containsExactly("providers");
        String laterProcedures = "START,STOP,PATIENT,ENCOUNTER,SYSTEM,CODE,DESCRIPTION,BASE_COST,REASONCODE,REASONDESCRIPTION";
        assertThat(catalog.candidates(synthea(laterProcedures))).as("a column set medrec has not seen: a person looks")
                .isEmpty();
        assertThat(catalog.notMigratedCandidates(synthea(laterProcedures))).isEmpty();
    }

    private static List<String> synthea(String headerLine) {
        return List.of(headerLine.split(","));
    }

    private String kindOf(List<String> headers) {
        return kindOf(headers.toArray(String[]::new));
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

    @Test
    void shouldRefuseALookUpOfATableTheMappingDoesNotList(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("no-table.yml"), """
                identifier-system: urn:x
                mrn: {format: "[0-9]+"}
                sheets:
                  coverage:
                    headers: [MRN, PAYER]
                    columns: {MRN: mrn, PAYER: "patient.insurance[].payer"}
                    look-up: {PAYER: payers}
                """);

        assertThatThrownBy(() -> MappingCatalog.load(dir)).hasMessageContaining("no-table.yml")
                .hasMessageContaining("look-up table 'payers'");
    }

    @Test
    void shouldRefuseAMisspeltKeyWithTheFileTheLineAndTheKeysThatExist(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typo.yml");
        Files.writeString(file, """
                identifier-system: urn:x
                mrn: {format: "[0-9]+"}
                sheets:
                  patients:
                    headers: [MRN]
                    columns: {MRN: mrn}
                    ignored: [Notes]
                """);

        assertThatThrownBy(() -> MappingCatalog.load(dir))
                .hasMessageStartingWith(file + ", line 7: unknown key 'ignored' (in sheets.patients)")
                .hasMessageContaining("the keys there are: columns, exact, fallback, headers, ignore, look-up");
    }

    private SourceMapping mapping(String name) {
        return catalog.mappings().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }
}
