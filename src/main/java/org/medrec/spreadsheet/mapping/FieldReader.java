package org.medrec.spreadsheet.mapping;

import java.time.LocalDate;
import java.util.List;
import org.medrec.extraction.validation.AppointmentStatuses;
import org.medrec.extraction.validation.ClinicalDates;
import org.medrec.extraction.validation.ClinicalTimes;
import org.medrec.extraction.validation.Cpt;
import org.medrec.extraction.validation.Cvx;
import org.medrec.extraction.validation.Icd10;
import org.medrec.extraction.validation.MedicationSigs;
import org.medrec.extraction.validation.Money;
import org.medrec.extraction.validation.Normalized;
import org.medrec.extraction.validation.Npi;
import org.medrec.extraction.validation.Phones;
import org.medrec.extraction.validation.Sexes;
import org.medrec.extraction.validation.UsStates;
import org.medrec.extraction.validation.ZipCodes;
import org.medrec.spreadsheet.CellKind;
import org.medrec.spreadsheet.SheetCell;

/**
 * Reads a cell as the value of one record-model field, with the validator that field needs:
 * dates in every format (real Excel dates too), codes, money, phones, states, ZIPs. Text fields
 * are kept as written, trimmed. Thread-safe (immutable).
 */
final class FieldReader {

    /** "Payers" that are no coverage at all. */
    private static final java.util.regex.Pattern SELF_PAY = java.util.regex.Pattern.compile(
            "(?i)self[ -]?pay(ing)?|self|none|uninsured|no[ _]insurance|cash( pay)?|n/?a");

    private final ClinicalDates dates;
    private final LocalDate reference;
    private final Money.DecimalMark decimalMark;
    private final AppointmentStatuses statuses = AppointmentStatuses.standard();

    FieldReader(SourceMapping source, LocalDate reference) {
        this.dates = dayFirst(source.dateFormats()) ? ClinicalDates.dayFirst() : ClinicalDates.monthFirst();
        this.reference = reference;
        this.decimalMark = source.decimalComma() ? Money.DecimalMark.COMMA : Money.DecimalMark.POINT;
    }

    /** {@code list} is the path's first step ({@code patient}, {@code encounters}, ...), {@code field} its last. */
    Normalized read(String list, String field, SheetCell cell) {
        String text = cell.kind() == CellKind.TEXT ? cell.text().strip() : cell.text();
        if (cell.isEmpty() || text.isEmpty()) {
            return Normalized.empty();
        }
        return switch (field) {
            case "date", "birth_date" -> date(list.equals("patient") ? ClinicalDates.Kind.BIRTH : dateKind(list), cell, text);
            case "npi" -> Npi.normalize(text);
            case "code" -> Icd10.normalize(text);
            case "cvx" -> Cvx.normalize(text);
            case "cpt" -> Cpt.normalize(text);
            case "charge", "payment", "balance" -> cell.kind() == CellKind.NUMBER
                    ? Money.fromNumber(Double.parseDouble(text)) : Money.parse(text, decimalMark);
            case "phone" -> Phones.normalize(text);
            case "state" -> UsStates.normalize(text);
            case "postal_code" -> ZipCodes.normalize(text, cell.kind() == CellKind.NUMBER);
            case "sex" -> Sexes.normalize(text);
            case "status" -> statuses.normalize(text);
            case "time" -> ClinicalTimes.normalize(text);
            case "payer" -> SELF_PAY.matcher(text).matches() ? Normalized.empty() : Normalized.ok(text.replaceAll("\\s+", " "));
            case "route" -> MedicationSigs.route(text);
            case "frequency" -> MedicationSigs.frequency(text);
            default -> Normalized.ok(text.replaceAll("\\s+", " "));
        };
    }

    private Normalized date(ClinicalDates.Kind kind, SheetCell cell, String text) {
        if (cell.kind() == CellKind.DATE) {
            return dates.parse(cell.date().toLocalDate().toString(), kind, reference);
        }
        return dates.parse(text, kind, reference);
    }

    private static ClinicalDates.Kind dateKind(String list) {
        return switch (list) {
            case "immunizations" -> ClinicalDates.Kind.IMMUNIZATION;
            case "charges" -> ClinicalDates.Kind.CHARGE;
            case "appointments" -> ClinicalDates.Kind.APPOINTMENT;
            default -> ClinicalDates.Kind.VISIT;
        };
    }

    private static boolean dayFirst(List<String> formats) {
        return !formats.isEmpty() && formats.get(0).matches("d{1,2}[/.\\-]M{1,2}[/.\\-].*");
    }
}
