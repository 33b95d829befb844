package org.medrec.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medrec.spreadsheet.TestTables.resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class HeaderLocatorTests {

    private final HeaderLocator locator = new HeaderLocator();

    static Stream<String> devSheets() throws IOException {
        try (Stream<Path> files = Files.list(resource("spreadsheet/dev"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".layout.json"))
                    .map(n -> n.replace(".layout.json", "")).sorted().toList().stream();
        }
    }

    /** Every sheet the truth describes: header, first and last data row, empty rows, totals row, hidden columns. */
    @ParameterizedTest
    @MethodSource("devSheets")
    void shouldFindTheLayoutOfEveryDevCorpusSheet(String name) throws IOException {
        JsonNode truth = new ObjectMapper().readTree(Files.readString(resource("spreadsheet/dev/" + name + ".layout.json")));
        Path file = resource("spreadsheet/dev/" + truth.get("file").asString().replace("sheets/", ""));

        try (TableReader reader = TableReader.open(file)) {
            for (JsonNode expected : truth.get("layout")) {
                SheetInfo sheet = reader.sheets().size() == 1 ? reader.sheets().get(0)
                        : reader.sheet(expected.get("sheet").asString());

                SheetLayout layout = locator.scan(reader, sheet, row -> { });

                String what = name + " / " + sheet.name();
                assertThat(layout.headerRow()).as(what + " header row").isEqualTo(expected.get("header_row").asInt());
                assertThat(layout.firstDataRow()).as(what + " first data row").isEqualTo(expected.get("first_data_row").asInt());
                assertThat(layout.lastDataRow()).as(what + " last data row").isEqualTo(expected.get("last_data_row").asInt());
                assertThat(layout.emptyRows()).as(what + " empty rows").isEqualTo(ints(expected.get("empty_rows")));
                assertThat(layout.totalsRow()).as(what + " totals row")
                        .isEqualTo(expected.has("totals_row") ? expected.get("totals_row").asInt() : 0);
                assertThat(layout.hiddenColumns()).as(what + " hidden columns").isEqualTo(strings(expected.get("hidden_columns")));
                assertThat(layout.columns()).as(what + " columns").isEqualTo(strings(expected.get("columns")));
            }
        }
    }

    @Test
    void shouldReadAHeaderOverTwoRowsWithMergedGroupLabels() {
        SheetInfo sheet = sheet(Set.of(), List.of(new MergedRegion(1, 1, 0, 4), new MergedRegion(3, 4, 0, 0),
                new MergedRegion(3, 3, 1, 2), new MergedRegion(3, 4, 3, 3)));
        List<SheetRow> rows = List.of(
                row(1, text(0, "Lakeside Pediatrics - Visits export")),
                row(3, text(0, "MRN"), text(1, "Visit"), text(3, "Charge")),
                row(4, text(1, "Date"), text(2, "Provider")),
                row(5, text(0, "00012345"), text(1, "3/4/23"), text(2, "Kim, Sarah J MD"), number(3, 125)),
                row(6, text(0, "00012346"), text(1, "3/5/23"), text(2, "Kim, Sarah J MD"), number(3, 95)));

        TableHeader header = locator.locate(sheet, rows).orElseThrow();

        assertThat(header.headerRow()).isEqualTo(4);
        assertThat(header.groupRow()).isEqualTo(3);
        assertThat(header.names()).containsExactly("MRN", "Date", "Provider", "Charge");
        assertThat(header.columns()).extracting(HeaderColumn::qualifiedName)
                .containsExactly("MRN", "Visit Date", "Visit Provider", "Charge");
        assertThat(classify(sheet, header, rows)).containsExactly(RowRole.ABOVE_HEADER, RowRole.HEADER, RowRole.HEADER,
                RowRole.DATA, RowRole.DATA);
    }

    @Test
    void shouldNameEveryColumnThatAMergedHeaderCellSpans() {
        SheetInfo sheet = sheet(Set.of(3), List.of(new MergedRegion(1, 1, 1, 2)));
        List<SheetRow> rows = List.of(
                row(1, text(0, "MRN"), text(1, "Phone"), text(3, "Internal ID")),
                row(2, text(0, "A-36122"), text(1, "503-555-0134"), text(2, "503-555-0188"), number(3, 990903)));

        TableHeader header = locator.locate(sheet, rows).orElseThrow();

        assertThat(header.names()).containsExactly("MRN", "Phone", "Phone", "Internal ID");
        assertThat(header.hiddenColumns()).extracting(HeaderColumn::name).containsExactly("Internal ID");
    }

    @Test
    void shouldPassOverTitleRowsOfOneOrTwoCellsAboveAWiderRow() {
        SheetInfo sheet = sheet(Set.of(), List.of());
        List<SheetRow> rows = List.of(
                row(1, text(0, "Lakeside Pediatrics"), text(1, "Billing export")),
                row(2, text(0, "Printed 06/28/2024 06:05 PM")),
                row(4, text(0, "Chart #"), text(1, "Patient"), text(2, "DOS"), text(3, "Charges")),
                row(5, text(0, "A-36122"), text(1, "Lef\u00e8vre, Ava S"), text(2, "10/20/15"), number(3, 14)));

        assertThat(locator.locate(sheet, rows)).get().extracting(TableHeader::headerRow, TableHeader::groupRow)
                .containsExactly(4, 0);
    }

    @Test
    void shouldFlagTotalsEmptyAndRepeatedHeaderRowsWithAReason() {
        SheetInfo sheet = sheet(Set.of(), List.of());
        List<SheetRow> rows = List.of(
                row(1, text(0, "MRN"), text(1, "Name"), text(2, "Charge"), text(3, "Paid")),
                row(2, text(0, "00012345"), text(1, "Ruiz, Ana"), number(2, 125), number(3, 100)),
                row(3, text(0, "00012346"), text(1, "Kim, Joe"), number(2, 95.5), number(3, 0)),
                row(5, text(0, "MRN"), text(1, "Name"), text(2, "Charge"), text(3, "Paid")),
                row(6, text(0, "00012347"), text(1, "Lee, Rae"), number(2, 30), number(3, 30)),
                row(7, number(2, 250.5), number(3, 130)),
                row(8, text(0, "Grand total"), number(2, 250.5)),
                row(9, text(0, "00012348"), text(1, "Fox, Al"), number(2, 10), number(3, 10)));
        TableHeader header = locator.locate(sheet, rows).orElseThrow();
        RowClassifier classifier = locator.classifier(sheet, header);

        List<ClassifiedRow> classified = rows.stream().map(classifier::classify).toList();

        assertThat(classified).extracting(ClassifiedRow::role).containsExactly(RowRole.HEADER, RowRole.DATA, RowRole.DATA,
                RowRole.REPEATED_HEADER, RowRole.DATA, RowRole.TOTALS, RowRole.TOTALS, RowRole.DATA);
        assertThat(classified.get(5).reason()).contains("sums of the columns above");
        assertThat(classified.get(6).reason()).contains("labelled as a total");
        SheetLayout layout = classifier.layout();
        assertThat(layout.emptyRows()).as("row 4 is not in the file").containsExactly(4);
        assertThat(layout.firstDataRow()).isEqualTo(2);
        assertThat(layout.lastDataRow()).isEqualTo(9);
        assertThat(layout.totalsRow()).isEqualTo(8);
        assertThat(layout.dataRows()).isEqualTo(4);
    }

    @Test
    void shouldNotTakeAColumnOfNumbersForTotals() {
        SheetInfo sheet = sheet(Set.of(), List.of());
        List<SheetRow> rows = List.of(row(1, number(0, 1)), row(2, number(0, 2)), row(3, number(0, 3)), row(4, number(0, 6)));

        RowClassifier classifier = locator.classifier(sheet, locator.locate(sheet, rows).orElse(null));

        assertThat(rows.stream().map(classifier::classify).map(ClassifiedRow::role)).containsOnly(RowRole.DATA);
    }

    @Test
    void shouldFindNoHeaderWhenTheSheetStartsWithData() {
        SheetInfo sheet = sheet(Set.of(), List.of());
        List<SheetRow> rows = List.of(
                row(1, text(0, "00012345"), text(1, "Ruiz, Ana"), text(2, "2023-03-04")),
                row(2, text(0, "00012346"), text(1, "Kim, Joe"), text(2, "2023-03-05")),
                row(3, text(0, "Vaccine"), text(1, "Lot"), text(2, "Manufacturer")));

        Optional<TableHeader> header = locator.locate(sheet, rows);

        assertThat(header).isEmpty();
        RowClassifier classifier = locator.classifier(sheet, null);
        assertThat(rows.stream().map(classifier::classify).map(ClassifiedRow::role)).containsOnly(RowRole.DATA);
    }

    @Test
    void shouldTellLabelsFromData() {
        assertThat(Stream.of("PAT_ADDR1", "Chart #", "DX1", "Record No.", "Date Given", "2nd row")
                .map(s -> HeaderLocator.isLabel(text(0, s)))).containsOnly(true);
        assertThat(Stream.of("I10", "J02.9", "A-36122", "11/3/16", "380-702-6495", "", "  ")
                .map(s -> HeaderLocator.isLabel(text(0, s)))).containsOnly(false);
        assertThat(HeaderLocator.isLabel(number(0, 2023))).isFalse();
    }

    private List<RowRole> classify(SheetInfo sheet, TableHeader header, List<SheetRow> rows) {
        RowClassifier classifier = locator.classifier(sheet, header);
        return rows.stream().map(classifier::classify).map(ClassifiedRow::role).toList();
    }

    private static SheetInfo sheet(Set<Integer> hiddenColumns, List<MergedRegion> merged) {
        return new SheetInfo(0, "Visits", SheetInfo.Visibility.VISIBLE, hiddenColumns, merged);
    }

    private static SheetRow row(int number, SheetCell... cells) {
        return new SheetRow("Visits", number, List.of(cells));
    }

    private static SheetCell text(int column, String text) {
        return SheetCell.ofText(column, text);
    }

    private static SheetCell number(int column, double value) {
        String plain = CellValues.plain(value);
        return new SheetCell(column, null, CellKind.NUMBER, plain, plain, null, null);
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> values.add(n.asInt()));
        }
        return values;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> values.add(n.asString()));
        }
        return values;
    }
}
