package org.medrec.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medrec.intake.TempFileSharedStrings;
import org.medrec.testing.Fixtures;

/** The temporary-file shared strings give exactly the strings POI's in-memory table gives, for real workbooks. */
class TempFileSharedStringsTests {

    static Stream<String> workbooks() {
        return Stream.of("spreadsheet/dev/s01_medmgr_export.xlsx", "spreadsheet/dev/s06_practicepro_billing.xlsx",
                "spreadsheet/dev/s08_northgate_full.xlsx", "external/poi-spreadsheet/SampleSS.xlsx",
                "external/poi-spreadsheet/sample-beta.xlsx", "external/poi-spreadsheet/unicodeSheetName.xlsx",
                "external/poi-spreadsheet/DateFormatTests.xlsx", "external/poi-spreadsheet/62629_toMerge.xlsx",
                "external/poi-spreadsheet/noSharedStringTable.xlsx", "external/poi-spreadsheet/InlineStrings.xlsx",
                "external/poi-spreadsheet/MalformedSSTCount.xlsx");
    }

    @ParameterizedTest
    @MethodSource("workbooks")
    void shouldGiveTheStringsPoiGivesWithoutPhoneticRuns(String name) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(Fixtures.resource(name).toFile(), PackageAccess.READ)) {
            ReadOnlySharedStringsTable poi = new ReadOnlySharedStringsTable(pkg, false);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < poi.getUniqueCount(); i++) {
                expected.add(poi.getItemAt(i).getString());
            }
            List<String> actual = new ArrayList<>();
            try (TempFileSharedStrings strings = TempFileSharedStrings.open(pkg)) {
                for (int i = 0; i < strings.getUniqueCount(); i++) {
                    actual.add(strings.text(i));
                }
                assertThatThrownBy(() -> strings.text(actual.size())).isInstanceOf(IndexOutOfBoundsException.class);
            }
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void shouldLeaveNoTemporaryFileBehind() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = countStringFiles(tmp);
        try (OPCPackage pkg = OPCPackage.open(Fixtures.resource("external/poi-spreadsheet/SampleSS.xlsx").toFile(),
                PackageAccess.READ); TempFileSharedStrings strings = TempFileSharedStrings.open(pkg)) {
            assertThat(strings.getUniqueCount()).isPositive();
            assertThat(countStringFiles(tmp)).isEqualTo(before);
        }
    }

    private static long countStringFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("medrec-strings")).count();
        }
    }
}
