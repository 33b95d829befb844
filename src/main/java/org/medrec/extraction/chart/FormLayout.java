package org.medrec.extraction.chart;

import java.util.List;
import java.util.Map;

/**
 * A form read by where its boxes stand (the CMS-1500 claim form), measured on a reference page:
 * printed phrases that place and scale the layout on a scanned page, the box of each single
 * value, and the boxes of list entries (a claim's diagnoses and service lines). Boxes are
 * {@code [left, top, right, bottom]} in the reference page's pixels. Immutable.
 *
 * @param anchors where each phrase's first word stands on the reference page ({@code [left, top]})
 * @param fields  the box of each value, by label key ({@code patient.birth_date}, {@code mrn})
 * @param lists   per record-model list path ({@code charges}, {@code encounters[0].diagnoses}), one
 *                map of field to box per entry, in the order the entries are numbered
 */
public record FormLayout(Map<String, int[]> anchors, Map<String, int[]> fields, Map<String, List<Map<String, int[]>>> lists) {

    /** A layout is placed when at least this many anchors are found on the page. */
    static final int MIN_ANCHORS = 3;

    public FormLayout {
        anchors = anchors == null ? Map.of() : Map.copyOf(anchors);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        lists = lists == null ? Map.of() : Map.copyOf(lists);
        if (anchors.size() < MIN_ANCHORS) {
            throw new IllegalArgumentException("layout: at least " + MIN_ANCHORS + " anchors are needed");
        }
        anchors.values().forEach(p -> check(p, 2));
        fields.values().forEach(b -> check(b, 4));
        lists.values().forEach(entries -> entries.forEach(e -> e.values().forEach(b -> check(b, 4))));
    }

    private static void check(int[] numbers, int size) {
        if (numbers.length != size) {
            throw new IllegalArgumentException("layout: expected " + size + " numbers, not " + numbers.length);
        }
        if (size == 4 && (numbers[2] <= numbers[0] || numbers[3] <= numbers[1])) {
            throw new IllegalArgumentException("layout: a box's right and bottom must be past its left and top");
        }
    }
}
