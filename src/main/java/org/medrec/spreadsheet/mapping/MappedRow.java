package org.medrec.spreadsheet.mapping;

import java.util.List;

/**
 * The values one good row of a mapped sheet gives its patient, before the patient's other rows
 * are known: entry indexes are still open ({@code encounters[].date}).
 *
 * @param kind  the sheet mapping's kind ({@code visits}), which names the patient's document
 * @param sheet the sheet's label in sources (the sheet's name, or for CSV/TSV the kind)
 */
public record MappedRow(String mrn, String kind, String sheet, int row, List<MappedValue> values) {

    public MappedRow {
        values = List.copyOf(values);
    }
}
