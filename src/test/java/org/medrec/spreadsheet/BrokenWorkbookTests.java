package org.medrec.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.medrec.spreadsheet.TestTables.resource;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * POI's broken, encrypted and hostile workbooks: each is refused with a {@link TableReadException}
 * saying why (never another exception, never a hang), or read when it is only odd.
 */
class BrokenWorkbookTests {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "password.xls, ENCRYPTED",
            "xor-encryption-abc.xls, ENCRYPTED",
            "35897-type4.xls, ENCRYPTED",
            "51832.xls, ENCRYPTED",
            "protected_passtika.xlsx, ENCRYPTED",
            "58616.xlsx, ENCRYPTED",
            "SampleSS.strict.xlsx, UNSUPPORTED",
            "57914.xlsx, UNSUPPORTED",
            "62815.xlsb, UNSUPPORTED",
            "SampleSS.ods, UNSUPPORTED",
            "testEXCEL_4.xls, UNSUPPORTED",
            "testEXCEL_95.xls, UNSUPPORTED",
            "60284.xls, UNSUPPORTED",
            "xlsx-corrupted.xlsx, DAMAGED",
            "duplicate-filename.xlsx, DAMAGED",
            "sample-beta.xlsx, DAMAGED",
            "44958_1.xls, DAMAGED",
            "clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5025401116950528.xlsx, DAMAGED",
            "clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5636439151607808.xlsx, DAMAGED",
            "clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-6594557414080512.xlsx, DAMAGED",
            "clusterfuzz-testcase-minimized-POIXSSFFuzzer-5937385319563264.xlsx, DAMAGED",
            "clusterfuzz-testcase-minimized-POIHSSFFuzzer-4657005060816896.xls, DAMAGED",
            "clusterfuzz-testcase-minimized-POIHSSFFuzzer-6322470200934400.xls, DAMAGED",
            "poc-xmlbomb.xlsx, HOSTILE",
            "poc-xmlbomb-empty.xlsx, HOSTILE",
            "54764.xlsx, HOSTILE",
    })
    void shouldRefuseWithAClearReason(String name, TableReadException.Problem problem) {
        Path file = resource("external/poi-spreadsheet/" + name);

        assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> TestTables.read(file))
                .cause()
                .isInstanceOfSatisfying(TableReadException.class, e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.getMessage()).doesNotContain(file.getParent().toString());
                }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"workbookProtection-workbook_password-2013.xlsx", "sheetProtection_allLocked.xlsx",
            "xxe_in_schema.xlsx", "empty.xls", "blankworkbook.xls", "chinese-provinces.xls", "poi-fuzz.xls"})
    void shouldReadWorkbooksThatAreOnlyProtectedOrOdd(String name) {
        Path file = resource("external/poi-spreadsheet/" + name);

        assertTimeoutPreemptively(LIMIT, () -> assertThatCode(() -> TestTables.read(file)).doesNotThrowAnyException());
    }
}
