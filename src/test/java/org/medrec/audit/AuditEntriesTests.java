package org.medrec.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditEntriesTests {

    @Test
    void shouldQuoteCsvFieldsWithCommasQuotesAndLineBreaks() {
        assertThat(AuditEntries.csv("plain")).isEqualTo("plain");
        assertThat(AuditEntries.csv(null)).isEmpty();
        assertThat(AuditEntries.csv("Delgado, Maria")).isEqualTo("\"Delgado, Maria\"");
        assertThat(AuditEntries.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditEntries.csv("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void shouldKeepASpreadsheetFromTakingAValueForAFormula() {
        assertThat(AuditEntries.csv("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditEntries.csv("-12.50")).isEqualTo("'-12.50");
        assertThat(AuditEntries.csv("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }
}
