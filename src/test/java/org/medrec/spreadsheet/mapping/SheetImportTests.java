package org.medrec.spreadsheet.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.testing.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each dev-corpus export read with its mapping, compared with its truth file. */
class SheetImportTests {

    private static final LocalDate REFERENCE = LocalDate.of(2024, 6, 28);
    private final SheetImport sheets = new SheetImport(MappingCatalog.load(Path.of("jobs/mappings")));

    @ParameterizedTest
    @ValueSource(strings = {"s01_medmgr_export.xlsx", "s02_ng_patients.csv", "s03_chc_billing.csv",
            "s04_harbor_immunizations.xls", "s05_VISITS.tsv", "s06_practicepro_billing.xlsx", "s07_visit_export.csv",
            "s08_northgate_full.xlsx"})
    void shouldLoadEveryGoodRowAndReportEveryBadRowOfTheDevExports(String name) throws IOException {
        Path file = Fixtures.resource("spreadsheet/dev/" + name);
        JsonNode truth = JsonMapper.builder().build().readTree(
                Files.readString(Fixtures.resource("spreadsheet/dev/" + name.replaceFirst("\\.[a-z]+$", "") + ".truth.json")));
        boolean delimited = name.endsWith(".csv") || name.endsWith(".tsv");

        SheetImport.Result result = sheets.read(file, delimited, 1L, "sheets/" + name, REFERENCE);

        Set<String> expectedBad = new TreeSet<>();
        truth.get("bad_rows").forEach(b -> expectedBad.add(b.get("sheet").asString() + "!" + b.get("row").asInt()));
        Set<String> actualBad = result.badRows().stream().map(b -> b.sheet() + "!" + b.row())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(actualBad).as("bad rows; reasons: %s", result.badRows()).isEqualTo(expectedBad);

        Map<String, String> expected = new TreeMap<>();
        truth.get("records").forEach(r -> flatten("", r, expected, r.get("mrn").asString()));
        Map<String, String> actual = new TreeMap<>();
        List<String> doubtful = new ArrayList<>();
        for (ExtractedRecord record : result.records()) {
            for (FieldValue f : record.fields()) {
                if (f.needsReview()) {
                    doubtful.add(record.mrn() + " " + f.path() + " '" + f.raw() + "': " + f.reviewReason());
                }
                if (f.value() != null && !f.path().equals("mrn")) {
                    actual.put(record.mrn() + " " + f.path(), normalise(f.path(), f.value()));
                }
            }
        }
        List<String> wrong = new ArrayList<>();
        actual.forEach((k, v) -> {
            if (!expected.containsKey(k)) {
                wrong.add("spurious " + k + " = " + v);
            } else if (!expected.get(k).equalsIgnoreCase(v)) {
                wrong.add("wrong " + k + " = " + v + " (truth " + expected.get(k) + ")");
            }
        });
        List<String> missing = expected.keySet().stream().filter(k -> !actual.containsKey(k)).toList();
        assertThat(wrong).as("values that differ from the truth").isEmpty();
        assertThat(missing).as("truth values not read").isEmpty();
        assertThat(result.unmapped()).as("sheets not read").allSatisfy(u -> assertThat(u.reason()).isNotBlank());
        System.out.println(name + ": " + actual.size() + " values, " + doubtful.size() + " doubtful, "
                + result.badRows().size() + " bad rows, unmapped " + result.unmapped());
        doubtful.stream().limit(5).forEach(d -> System.out.println("  doubtful: " + d));
    }

    private static String normalise(String path, String value) {
        return path.endsWith(".phone") ? value.replaceAll("\\D", "") : value.strip().replaceAll("\\s+", " ");
    }

    /** The truth record as path -> value, leaving out what the store does not keep. */
    private static void flatten(String prefix, JsonNode node, Map<String, String> out, String mrn) {
        if (node.isObject()) {
            for (var e : node.properties()) {
                String key = e.getKey();
                if (prefix.isEmpty() && (key.equals("mrn") || key.equals("person_id"))) {
                    continue;
                }
                if (Set.of("mobile", "emergency_contact", "type").contains(key)) {
                    continue;
                }
                flatten(prefix.isEmpty() ? key : prefix + "." + key, e.getValue(), out, mrn);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out, mrn);
            }
        } else if (!node.isNull()) {
            out.put(mrn + " " + prefix, normalise(prefix, node.asString()));
        }
    }
}
