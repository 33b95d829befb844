package org.medrec.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medrec.spreadsheet.TestTables.resource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POI's SampleSS workbooks against SampleSS.txt, the text POI ships as theirs. */
class PoiSampleWorkbookTests {

    /**
     * SampleSS.txt starts with the document properties (not read here), then gives each sheet
     * with rows as "(name)" and one line per row from row 1 to the last, cells separated by tabs
     * (the number of tabs is an artefact of the extractor that wrote it) and formulas as
     * "=formula". Sheets without rows are left out.
     */
    @ParameterizedTest
    @ValueSource(strings = {"SampleSS.xls", "SampleSS.xlsx"})
    void shouldReadTheTextOfSampleSs(String name) throws IOException {
        Map<String, List<List<String>>> expected = expectedText();

        Map<String, List<List<String>>> actual = new LinkedHashMap<>();
        TestTables.read(resource("external/poi-spreadsheet/" + name)).forEach((sheet, rows) -> {
            if (!rows.isEmpty()) {
                List<List<String>> lines = new ArrayList<>();
                int last = rows.get(rows.size() - 1).rowNumber();
                for (int n = 1; n <= last; n++) {
                    int rowNumber = n;
                    lines.add(rows.stream().filter(r -> r.rowNumber() == rowNumber).findFirst()
                            .map(r -> r.nonEmptyCells().stream()
                                    .map(c -> c.formula() != null ? "=" + c.formula() : c.formatted()).toList())
                            .orElse(List.of()));
                }
                actual.put(sheet, lines);
            }
        });

        assertThat(actual).isEqualTo(expected);
    }

    private static Map<String, List<List<String>>> expectedText() throws IOException {
        List<String> lines = Files.readAllLines(resource("spreadsheet/poi/SampleSS.txt"), StandardCharsets.UTF_8);
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        List<List<String>> current = null;
        for (String line : lines) {
            if (line.startsWith("(") && line.endsWith(")")) {
                current = new ArrayList<>();
                sheets.put(line.substring(1, line.length() - 1), current);
            } else if (line.isEmpty()) {
                current = null;
            } else if (current != null) {
                current.add(Arrays.stream(line.split("\t")).filter(s -> !s.isEmpty()).toList());
            }
        }
        return sheets;
    }
}
