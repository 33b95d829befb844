package org.medrec.extraction.chart;

import java.util.List;

/**
 * A card printed as a grid of doses (an immunization card): one row per vaccine, one column per
 * dose, each box holding the date given, the product and its lot. The CVX code and the vaccine's
 * name come from the product. Immutable.
 *
 * @param rowCaption    spellings of the caption over the column of vaccine names ({@code Vaccine})
 * @param columnCaption spellings of the word over each dose column, before its number ({@code Dose})
 */
public record DoseGridSpec(List<String> rowCaption, List<String> columnCaption) {

    public DoseGridSpec {
        rowCaption = rowCaption == null ? List.of() : List.copyOf(rowCaption);
        columnCaption = columnCaption == null ? List.of() : List.copyOf(columnCaption);
        if (rowCaption.isEmpty() || columnCaption.isEmpty()) {
            throw new IllegalArgumentException("dose-grid: row-caption and column-caption need a spelling each");
        }
    }
}
