package org.medrec.spreadsheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects hidden columns ({@code <col hidden="1">}, before the rows) and merged cells
 * ({@code <mergeCell ref="A1:H1">}, after them) from a sheet's XML, and stops after the merged
 * cells. Not thread-safe.
 */
final class XlsxSheetLayoutHandler extends DefaultHandler {

    /** Thrown to stop parsing once the merged cells are read. */
    static final class Done extends SAXException {
        Done() {
            super("merged cells read");
        }
    }

    private static final int MAX_COLUMNS = 16_384;

    private final Set<Integer> hiddenColumns = new TreeSet<>();
    private final List<MergedRegion> mergedRegions = new ArrayList<>();

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if ("col".equals(localName)) {
            String hidden = attributes.getValue("hidden");
            if ("1".equals(hidden) || "true".equalsIgnoreCase(hidden)) {
                int min = parseInt(attributes.getValue("min"), 1);
                int max = Math.min(parseInt(attributes.getValue("max"), min), MAX_COLUMNS);
                for (int c = Math.max(min, 1); c <= max; c++) {
                    hiddenColumns.add(c - 1);
                }
            }
        } else if ("mergeCell".equals(localName) && mergedRegions.size() < SheetInfo.MAX_MERGED_REGIONS) {
            MergedRegion region = parseRange(attributes.getValue("ref"));
            if (region != null) {
                mergedRegions.add(region);
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if ("mergeCells".equals(localName)) {
            throw new Done();
        }
    }

    Set<Integer> hiddenColumns() {
        return hiddenColumns;
    }

    List<MergedRegion> mergedRegions() {
        return mergedRegions;
    }

    /** {@code A1:H1} (or a single cell) as a region; null when it is not a cell range. */
    static MergedRegion parseRange(String ref) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        String[] ends = ref.split(":", 2);
        int[] from = XlsxSheetHandler.parseCellRef(ends[0]);
        int[] to = ends.length == 2 ? XlsxSheetHandler.parseCellRef(ends[1]) : from;
        if (from == null || to == null || from[1] < 1 || to[1] < 1) {
            return null;
        }
        return new MergedRegion(Math.min(from[1], to[1]), Math.max(from[1], to[1]),
                Math.min(from[0], to[0]), Math.max(from[0], to[0]));
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
