package org.medrec.spreadsheet.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Headers compare as they did with the regular expression the hand-written normalising replaced. */
class HeaderNormalisingTests {

    @Test
    void shouldNormaliseHeadersAsTheRegularExpressionDid() {
        for (String header : List.of("", " ", "MRN", " Encounter  Date ", "dx\tcodes", "a \t\n b", "Provider\u00a0NPI",
                "\u2003Visit\u2003", "x\u000By\fz\r", "ÄRZTIN Name", "one two", "a  ")) {
            String before = header.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            assertThat(SheetMapping.normalise(header)).as(header).isEqualTo(before);
        }
        assertThat(SheetMapping.normalise(null)).isEmpty();
        assertThat(FileRecords.beforeIndex("encounters[*]")).isEqualTo("encounters");
        assertThat(FileRecords.beforeIndex("date")).isEqualTo("date");
    }
}
