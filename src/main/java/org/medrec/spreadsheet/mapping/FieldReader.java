package org.medrec.spreadsheet.mapping;

import java.time.LocalDate;
import java.util.List;
import org.medrec.extraction.validation.ClinicalDates;
import org.medrec.extraction.validation.FieldRules;
import org.medrec.extraction.validation.Money;
import org.medrec.extraction.validation.Normalized;
import org.medrec.extraction.validation.ZipCodes;
import org.medrec.spreadsheet.CellKind;
import org.medrec.spreadsheet.SheetCell;

/**
 * Reads a cell as the value of one record-model field, with the validator that field needs:
 * dates in every format (real Excel dates too), codes, money, phones, states, ZIPs. Text fields
 * are kept as written, trimmed. Thread-safe (immutable).
 */
final class FieldReader {

    private final ClinicalDates dates;
    private final LocalDate reference;
    private final FieldRules rules;

    FieldReader(SourceMapping source, LocalDate reference) {
        this.dates = dayFirst(source.dateFormats()) ? ClinicalDates.dayFirst() : ClinicalDates.monthFirst();
        this.reference = reference;
        this.rules = new FieldRules(dates, reference,
                source.decimalComma() ? Money.DecimalMark.COMMA : Money.DecimalMark.POINT);
    }

    /** {@code list} is the path's first step ({@code patient}, {@code encounters}, ...), {@code field} its last. */
    Normalized read(String list, String field, SheetCell cell) {
        String text = cell.kind() == CellKind.TEXT ? cell.text().strip() : cell.text();
        if (cell.isEmpty() || text.isEmpty()) {
            return Normalized.empty();
        }
        return switch (field) {
            case "date", "birth_date" -> date(FieldRules.dateKind(list), cell, text);
            case "charge", "payment", "balance" -> cell.kind() == CellKind.NUMBER
                    ? Money.fromNumber(Double.parseDouble(text)) : rules.read(list, field, text);
            case "postal_code" -> ZipCodes.normalize(text, cell.kind() == CellKind.NUMBER);
            case "member_id", "group", "lot", "npi" -> FieldRules.meansNoValue(text) ? Normalized.empty()
                    : rules.read(list, field, text);
            default -> rules.read(list, field, text);
        };
    }

    private Normalized date(ClinicalDates.Kind kind, SheetCell cell, String text) {
        if (cell.kind() == CellKind.DATE) {
            return dates.parse(cell.date().toLocalDate().toString(), kind, reference);
        }
        return dates.parse(text, kind, reference);
    }


    private static boolean dayFirst(List<String> formats) {
        return !formats.isEmpty() && formats.get(0).matches("d{1,2}[/.\\-]M{1,2}[/.\\-].*");
    }
}
