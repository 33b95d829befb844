package org.medrec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medrec.spreadsheet.mapping.MappedValue;

/**
 * A sheet row's values come back from the stage exactly as they went in (any text, nulls, NUL,
 * the separators themselves), and COPY's text format escapes arrays and fields as before.
 */
class StagedRowsTests {

    @Test
    void shouldGiveBackEveryStagedValueAsItWas() {
        List<MappedValue> values = List.of(
                new MappedValue("encounters[].date", "3/14/62", null, 0.42, "B", "a two-digit year"),
                new MappedValue("mrn", "100001", "100001", 1.0, "A", null),
                new MappedValue("encounters[].reason", "12:3:x\t\\\n-1:", "a\u0000b\u0001c\u0001\u0002", 0.1 + 0.2, "E", ""),
                new MappedValue("x", "", "é\u2014漢", Double.MIN_VALUE, null, "!1:"));
        String staged = SheetRowStage.encode(new StringBuilder(), values).toString();
        assertThat(staged).doesNotContain("\u0000");
        assertThat(SheetRowStage.decode(staged)).isEqualTo(values);
        assertThat(SheetRowStage.decode("")).isEmpty();
    }

    @Test
    void shouldWriteCopyTextAsBefore() {
        List<String> elements = new ArrayList<>(List.of("plain", "tab\there", "new\nline", "back\\slash", "quote\"d", "cr\r", "{a,b}"));
        elements.add(null);
        CopyText text = new CopyText().field(7).array(elements).field(null).field("a\\b\tc").array(List.of()).endRow();
        StringBuilder literal = new StringBuilder("{");   // the literal as the loader built it before
        for (int i = 0; i < elements.size(); i++) {
            String e = elements.get(i);
            literal.append(i > 0 ? "," : "").append(e == null ? "NULL" : '"' + e.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        String escaped = literal.append('}').toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                .replace("\r", "\\r");
        assertThat(text.text()).isEqualTo("7\t" + escaped + "\t\\N\ta\\\\b\\tc\t{}\n");
    }
}
