package org.medrec.spreadsheet.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;

/** A patient's rows of one file made into a record: dates before the birth, identifiers written as "N/A". */
class PatientAssemblyTests {

    private static final LocalDate REFERENCE = LocalDate.of(2024, 6, 28);
    private final SheetImport sheets = new SheetImport(MappingCatalog.load(Path.of("jobs/mappings")));

    @TempDir
    Path dir;

    @Test
    void shouldPutAVisitDatedBeforeTheBirthInReviewAsABadRowAndLoadTheOthers() throws Exception {
        Path file = workbook(List.of(List.of("00000042", "Ruiz", "Ana", "05/01/1990")),
                List.of(List.of("00000042", "03/02/1989", "", "Sore throat"),
                        List.of("00000042", "06/01/2020", "", "Follow-up")));

        SheetImport.Result result = sheets.read(file, false, 1L, "sheets/clinic.xlsx", REFERENCE);

        assertThat(result.badRows()).singleElement().satisfies(bad -> {
            assertThat(bad.sheet()).isEqualTo("Visits");
            assertThat(bad.row()).isEqualTo(2);
            assertThat(bad.column()).isEqualTo("B");
            assertThat(bad.reason()).isEqualTo("the date of this visit (1989-03-02 is before the birth date 1990-05-01)");
        });
        ExtractedRecord record = result.records().get(0);
        assertThat(values(record, "encounters[")).containsExactly("encounters[0].date=2020-06-01",
                "encounters[0].reason=Follow-up");
        assertThat(record.needsReview()).isFalse();
    }

    @Test
    void shouldLoadAVisitOnTheBirthDay() throws Exception {
        Path file = workbook(List.of(List.of("00000042", "Ruiz", "Ana", "05/01/1990")),
                List.of(List.of("00000042", "05/01/1990", "", "Newborn exam")));

        SheetImport.Result result = sheets.read(file, false, 1L, "sheets/clinic.xlsx", REFERENCE);

        assertThat(result.badRows()).isEmpty();
        assertThat(values(result.records().get(0), "encounters[")).contains("encounters[0].date=1990-05-01");
    }

    @Test
    void shouldTakeNotApplicableAsNoIdentifier() throws Exception {
        Path file = workbook(List.of(List.of("N/A", "Ruiz", "Ana", "05/01/1990")),
                List.of(List.of("00000042", "06/01/2020", "n/a", "Follow-up"),
                        List.of("00000042", "06/02/2020", "unknown", "Follow-up"),
                        List.of("00000042", "06/03/2020", "1234567893", "Follow-up")));

        SheetImport.Result result = sheets.read(file, false, 1L, "sheets/clinic.xlsx", REFERENCE);

        assertThat(result.badRows()).singleElement().satisfies(bad -> {
            assertThat(bad.sheet()).isEqualTo("Patients");
            assertThat(bad.reason()).isEqualTo("missing MRN");
        });
        ExtractedRecord record = result.records().get(0);
        assertThat(values(record, "encounters[")).filteredOn(v -> v.contains(".npi="))
                .containsExactly("encounters[2].npi=1234567893");
        assertThat(record.needsReview()).isFalse();
    }

    @Test
    void shouldReportACopyOfARowAsADuplicateWhenItsDateAndMrnAreWrittenAnotherWay() throws Exception {
        Path file = workbook(List.of(List.of("00000042", "Ruiz", "Ana", "05/01/1990")),
                List.of(List.of("00000042", "06/01/2020", "", "Follow-up"),
                        List.of("42", "2020-06-01", "", " Follow-up ")));

        SheetImport.Result result = sheets.read(file, false, 1L, "sheets/clinic.xlsx", REFERENCE);

        assertThat(result.badRows()).singleElement().satisfies(bad -> {
            assertThat(bad.row()).isEqualTo(3);
            assertThat(bad.reason()).isEqualTo("exact duplicate of row 2");
        });
        assertThat(values(result.records().get(0), "encounters[")).containsExactly("encounters[0].date=2020-06-01",
                "encounters[0].reason=Follow-up");
    }

    @Test
    void shouldNotLoadTheVisitOfARowWhoseBirthDateComesAfterItEvenWhenOtherRowsGiveTheRightOne() throws Exception {
        Path file = dir.resolve("VISITS.tsv");
        Files.writeString(file, String.join("\n",
                "CHARTNO\tLNAME\tFNAME\tBDATE\tVDATE\tPROV\tNPI\tDX1\tDX2\tDX3\tREASON",
                "H0029244\tHANSEN\tFRANK\t19640705\t20160326\tWARREN, JACOB E MD\t1234567893\tH6123\t\t\tEAR FULLNESS",
                "H0029244\tHANSEN\tFRANK\t20230705\t20160417\tWARREN, JACOB E MD\t1234567893\tI10\t\t\tBREATHING CHECK",
                "H0029244\tHANSEN\tFRANK\t19640705\t20160501\tWARREN, JACOB E MD\t1234567893\tI10\t\t\tFOLLOW-UP") + "\n");

        SheetImport.Result result = sheets.read(file, true, 1L, "sheets/VISITS.tsv", REFERENCE);

        assertThat(result.badRows()).singleElement().satisfies(bad -> {
            assertThat(bad.row()).isEqualTo(3);
            assertThat(bad.reason()).startsWith("the birth date on this row (2023-07-05) is after the date of its visit");
        });
        ExtractedRecord record = result.records().get(0);
        assertThat(values(record, "encounters[")).filteredOn(v -> v.contains(".date="))
                .containsExactly("encounters[0].date=2016-03-26", "encounters[1].date=2016-05-01");
        assertThat(values(record, "patient.birth_date")).containsExactly("patient.birth_date=1964-07-05");
    }

    @Test
    void shouldReportARowWhoseBirthDateIsInTheFutureAsBad() throws Exception {
        Path file = workbook(List.of(List.of("00000042", "Ruiz", "Ana", "05/01/2030")),
                List.of(List.of("00000042", "06/01/2020", "", "Follow-up")));

        SheetImport.Result result = sheets.read(file, false, 1L, "sheets/clinic.xlsx", REFERENCE);

        assertThat(result.badRows()).singleElement().satisfies(bad -> {
            assertThat(bad.sheet()).isEqualTo("Patients");
            assertThat(bad.reason()).contains("in the future");
        });
    }

    private static List<String> values(ExtractedRecord record, String prefix) {
        return record.fields().stream().filter(f -> f.path().startsWith(prefix)).map(PatientAssemblyTests::text).toList();
    }

    private static String text(FieldValue f) {
        return f.path() + "=" + f.value();
    }

    /** A Maple Hollow workbook: a Patients sheet and a Visits sheet, every cell text. */
    private Path workbook(List<List<String>> patients, List<List<String>> visits) throws Exception {
        Path file = dir.resolve("clinic.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            fill(wb.createSheet("Patients"), List.of("MRN", "Last Name", "First Name", "DOB"), patients);
            fill(wb.createSheet("Visits"), List.of("MRN", "Visit Date", "NPI", "Reason"), visits);
            wb.write(out);
        }
        return file;
    }

    private static void fill(Sheet sheet, List<String> header, List<List<String>> rows) {
        Row first = sheet.createRow(0);
        for (int c = 0; c < header.size(); c++) {
            first.createCell(c).setCellValue(header.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < rows.get(r).size(); c++) {
                if (!rows.get(r).get(c).isEmpty()) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
        }
    }
}
