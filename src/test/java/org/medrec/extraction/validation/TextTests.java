package org.medrec.extraction.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written white-space squeezing gives what the regular expressions it replaced gave. */
class TextTests {

    private static final List<String> TEXTS = List.of("", " ", "a", " a ", "a  b", "a\tb", "a \t\n b", "\u00a0a\u00a0\u00a0b\u2007",
            "a\u202Fb", "\u000Ba\fb\r", "  lead", "trail  ", "x\u0001 y", "one two three", "\u2003em\u2003space", "a\u0085b");

    @Test
    void shouldSqueezeWhiteSpaceAsTheRegularExpressionDid() {
        for (String text : TEXTS) {
            assertThat(Text.squeeze(text)).as(text).isEqualTo(text.replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").trim());
            assertThat(Text.collapse(text, false)).as(text).isEqualTo(text.replaceAll("\\s+", " "));
        }
    }

    @Test
    void shouldTellWhatMeansNoValueAsBefore() {
        for (String text : List.of("N/A", " n/a ", "NA", "none", "None ", "-", "---", "unknown", "not  applicable", "\u2014",
                "12345", "nothing", "u", "", "  ", "Not\tapplicable")) {
            boolean before = text.strip().replaceAll("\\s+", " ")
                    .matches("(?i)n/?a|none|-+|unknown|not applicable|\u2014");
            assertThat(FieldRules.meansNoValue(text)).as(text).isEqualTo(before);
        }
    }
}
