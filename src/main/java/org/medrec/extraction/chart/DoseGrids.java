package org.medrec.extraction.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.medrec.extraction.validation.Cvx;
import org.medrec.extraction.validation.Normalized;
import org.medrec.record.ReviewPolicy;

/**
 * Reads an immunization card printed as a grid ({@link DoseGridSpec}). The dose captions of the
 * header place the columns (evenly spaced; one the OCR missed is put back between its
 * neighbours); the vaccine names down the first column place the rows. Each box that holds a date,
 * a known product or a lot is a dose: its date, its lot, and the CVX code and vaccine name of its
 * product. A product that stands for several codes, or none medrec knows, goes to a person with
 * what was read. Doses are numbered in date order, and those whose place in it is uncertain go to
 * a person. Stateless.
 */
final class DoseGrids {

    /** A cell's words: the lines of one box, top to bottom. */
    private record Box(List<Span> lines, String doubt, int row, int column, String label) {
    }

    /** One dose read from a box, before it is numbered. */
    private record Dose(Cell date, Normalized dateValue, Cell product, Cell lot, Span where, String doubt, int row,
                        int column) {

        Dose doubted(String why) {
            return doubt != null ? this : new Dose(date, dateValue, product, lot, where, why, row, column);
        }
    }

    /** Where a dose stands in the card's date order, as far as its date and its row's other doses tell. */
    private record Place(Dose dose, LocalDate key, LocalDate latest, boolean certain) {
    }

    /** Lot numbers are letters, digits and hyphens. */
    private static final Pattern LOT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{2,19}");

    /** Digits with two date separators ({@code 6/29/}, {@code 2021-03-}): a date, even a misread one. */
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{1,4}\\s?[-/.]\\s?\\d{1,2}\\s?[-/.]");

    /** A date OCR split at a space ({@code 10/1 1/2023}): four digits or more with a slash or a hyphen between two of them. */
    private static final Pattern SPLIT_DATE = Pattern.compile("^\\D{0,6}\\d{1,2}[-/]\\d[\\d\\s/-]{3,}");
    /** A month's name beside a number ({@code 24-Nov-2020}, {@code Nov 24, 2020}). */
    private static final Pattern MONTH = Pattern.compile(
            "(?i)\\d.*\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b|\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\b.*\\d");

    private DoseGrids() {
    }

    /** Adds the doses of every grid in the document to the draft; returns how many were read. */
    static int read(List<ChartLine> lines, DoseGridSpec spec, ChartValues values, RecordDraft draft) {
        List<Dose> doses = new ArrayList<>();
        int grids = 0;
        for (int i = 0; i < lines.size(); i++) {
            ChartWord caption = caption(lines.get(i), spec.rowCaption());
            if (caption == null) {
                continue;
            }
            List<int[]> columns = columns(lines, i, caption, spec);
            if (columns.size() < 2) {
                continue;
            }
            grids++;
            for (Box box : boxes(lines, i, caption, columns)) {
                Dose dose = dose(new Box(box.lines(), box.doubt(), 1000 * grids + box.row(), box.column(), box.label()), values);
                if (dose != null) {
                    doses.add(dose);
                }
            }
        }
        int index = draft.size("immunizations");
        LocalDate birth = draft.birthDate();
        for (Dose dose : inDateOrder(doses, birth, draft.policy())) {
            add(dose, "immunizations[" + index++ + "].", birth, draft);
        }
        return grids == 0 ? 0 : Math.max(doses.size(), 1);
    }

    /**
     * The doses in the order of their dates, as the record model numbers a card's entries. A dose
     * whose date is not certain (not read, or read with doubt) stands somewhere between the doses
     * before and after it in its row: it is put at the earliest place it may have, and it and every
     * dose dated within its span go to a person, since which entry is which is then uncertain.
     */
    private static List<Dose> inDateOrder(List<Dose> doses, LocalDate birth, ReviewPolicy policy) {
        List<Place> places = new ArrayList<>();
        for (Dose d : doses) {
            if (certain(d, policy)) {
                LocalDate date = LocalDate.parse(d.dateValue().value());
                places.add(new Place(d, date, date, true));
            } else {
                LocalDate earliest = birth != null ? birth : LocalDate.MIN, latest = LocalDate.MAX;
                for (Dose other : doses) {
                    if (other.row() == d.row() && other != d && certain(other, policy)) {
                        LocalDate date = LocalDate.parse(other.dateValue().value());
                        earliest = other.column() < d.column() && date.isAfter(earliest) ? date : earliest;
                        latest = other.column() > d.column() && date.isBefore(latest) ? date : latest;
                    }
                }
                places.add(new Place(d, earliest, latest, false));
            }
        }
        places.sort(Comparator.comparing(Place::key).thenComparing(p -> p.dose().row()).thenComparing(p -> p.dose().column()));
        List<Dose> out = new ArrayList<>();
        for (Place p : places) {
            boolean shifted = !p.certain() || places.stream().anyMatch(u -> !u.certain() && u != p
                    && p.key().isAfter(u.key()) && p.key().isBefore(u.latest()));
            out.add(shifted ? p.dose().doubted("a date on this card was not read with confidence, so which entry this dose"
                    + " is in the card's date order is uncertain: a person checks it") : p.dose());
        }
        return out;
    }

    private static boolean certain(Dose d, ReviewPolicy policy) {
        return d.doubt() == null && d.dateValue().isOk() && !d.dateValue().corrected()
                && d.date().confidence() >= policy.threshold("date")
                && d.date().parts().stream().noneMatch(p -> p.words().stream().anyMatch(ChartWord::oversized));
    }

    private static void add(Dose dose, String prefix, LocalDate birth, RecordDraft draft) {
        if (dose.date() == null) {
            draft.addMissing(prefix + "date", dose.where(), "a dose of this card has no date medrec could read: enter it");
        } else {
            draft.add(prefix + "date", dose.date(), dose.dateValue(), dose.doubt());
        }
        if (dose.product() == null) {
            draft.addMissing(prefix + "cvx", dose.where(), "no product is printed for this dose: the vaccine is for a person to name");
        } else {
            LocalDate given = dose.dateValue().isOk() ? LocalDate.parse(dose.dateValue().value()) : null;
            Normalized code = Cvx.lookup(dose.product().text(), birth, given);
            String name = code.value() == null ? null : Cvx.description(code.value()).orElse(null);
            Normalized vaccine = switch (code.status()) {
                case OK -> Normalized.ok(name);
                case AMBIGUOUS -> Normalized.ambiguous(name, code.problem());
                default -> Normalized.invalid(code.problem());
            };
            draft.add(prefix + "cvx", dose.product(), code, dose.doubt());
            draft.add(prefix + "vaccine", dose.product(), vaccine, dose.doubt());
        }
        if (dose.lot() != null) {
            String lot = dose.lot().text();
            draft.add(prefix + "lot", dose.lot(), LOT.matcher(lot).matches() ? Normalized.ok(lot)
                    : Normalized.ambiguous(lot, "'" + lot + "' has characters lot numbers do not have: check it"), dose.doubt());
        }
    }

    /** Whether the line is a grid's header: the vaccine column's caption and two dose columns' or more. */
    static boolean header(ChartLine line, DoseGridSpec spec) {
        ChartWord caption = caption(line, spec.rowCaption());
        return caption != null && line.words().stream().filter(w -> w.left() > caption.right()
                && like(w.text(), spec.columnCaption())).count() >= 2;
    }

    /** The header's first word when it is one of the row caption's spellings. */
    private static ChartWord caption(ChartLine line, List<String> spellings) {
        for (ChartWord w : line.words()) {
            if (like(w.text(), spellings)) {
                return w;
            }
        }
        return null;
    }

    /**
     * The dose columns (left, right) right of the caption: the dose captions on the header's band,
     * each centred over its column; gaps twice the usual spacing hold a caption OCR missed.
     */
    private static List<int[]> columns(List<ChartLine> lines, int header, ChartWord caption, DoseGridSpec spec) {
        List<Double> centres = new ArrayList<>();
        for (ChartLine line : lines) {
            if (line.page() != lines.get(header).page() || Math.abs(line.top() - caption.top()) > caption.layout().height) {
                continue;
            }
            List<ChartWord> words = line.words();
            for (int i = 0; i < words.size(); i++) {
                ChartWord w = words.get(i);
                if (w.left() > caption.right() && like(w.text(), spec.columnCaption())) {
                    boolean numbered = i + 1 < words.size() && words.get(i + 1).text().matches("\\d\\W*")
                            && words.get(i + 1).left() - w.right() < w.layout().height;
                    centres.add(((double) w.left() + (numbered ? words.get(i + 1) : w).right()) / 2);
                }
            }
        }
        centres.sort(null);
        if (centres.size() < 2) {
            return List.of();
        }
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < centres.size(); i++) {
            gaps.add(centres.get(i) - centres.get(i - 1));
        }
        double spacing = gaps.stream().sorted().toList().get(gaps.size() / 2);
        List<Double> all = new ArrayList<>(List.of(centres.get(0)));
        for (int i = 1; i < centres.size(); i++) {
            long steps = Math.max(1, Math.round((centres.get(i) - centres.get(i - 1)) / spacing));
            for (int s = 1; s <= steps; s++) {
                all.add(centres.get(i - 1) + (centres.get(i) - centres.get(i - 1)) * s / steps);
            }
        }
        List<int[]> columns = new ArrayList<>();
        for (double c : all) {
            columns.add(new int[] {(int) Math.round(c - spacing / 2), (int) Math.round(c + spacing / 2)});
        }
        return columns;
    }

    /**
     * The boxes of the grid, row by row: a row starts at the line of its vaccine name (a word in
     * the first column) and ends where the next one starts.
     */
    private static List<Box> boxes(List<ChartLine> lines, int header, ChartWord caption, List<int[]> columns) {
        int page = lines.get(header).page();
        int firstColumn = columns.get(0)[0];
        List<ChartWord> names = new ArrayList<>();
        for (ChartLine line : lines.subList(header + 1, lines.size())) {
            if (line.page() != page) {
                break;
            }
            line.words().stream().filter(w -> w.right() <= firstColumn + w.layout().height
                    && w.left() >= caption.left() - 2 * caption.layout().height && w.text().matches(".*\\p{L}{2}.*"))
                    .findFirst().ifPresent(names::add);
        }
        if (names.isEmpty()) {
            return List.of();
        }
        int textHeight = median(names.stream().map(w -> w.layout().height).toList());
        List<Integer> centres = new ArrayList<>();
        for (ChartWord name : names) {
            int centre = name.top() + name.layout().height / 2;
            if (centres.isEmpty() || centre - centres.get(centres.size() - 1) > 2 * textHeight) {
                centres.add(centre);
            }
        }
        List<Integer> heights = new ArrayList<>();
        for (int i = 1; i < centres.size(); i++) {
            heights.add(centres.get(i) - centres.get(i - 1));
        }
        int rowHeight = heights.isEmpty() ? 5 * textHeight : median(heights);
        int cut = cut(lines.subList(header + 1, lines.size()), page, firstColumn, centres, rowHeight);
        List<Integer> rowTops = new ArrayList<>();
        centres.forEach(c -> rowTops.add(c + cut - rowHeight));
        rowTops.add(centres.get(centres.size() - 1) + cut);
        List<Box> boxes = new ArrayList<>();
        for (int r = 0; r + 1 < rowTops.size(); r++) {
            StringBuilder label = new StringBuilder();   // the vaccine the row is for, as its first column prints it
            for (ChartLine line : lines.subList(header + 1, lines.size())) {
                int middle = (line.top() + line.bottom()) / 2;
                if (line.page() == page && middle >= rowTops.get(r) && middle < rowTops.get(r + 1)) {
                    Span name = line.within(caption.left() - 2 * caption.layout().height, firstColumn);
                    if (name != null) {
                        label.append(label.isEmpty() ? "" : " ").append(name.text());
                    }
                }
            }
            for (int[] column : columns) {
                List<Span> boxLines = new ArrayList<>();
                for (ChartLine line : lines.subList(header + 1, lines.size())) {
                    int middle = (line.top() + line.bottom()) / 2;
                    if (line.page() == page && middle >= rowTops.get(r) && middle < rowTops.get(r + 1)) {
                        Span span = line.within(column[0], column[1]);
                        if (span != null) {
                            boxLines.add(span);
                        }
                    }
                }
                if (!boxLines.isEmpty()) {
                    boolean tall = rowTops.get(r + 1) - rowTops.get(r) > 1.5 * rowHeight;
                    boxes.add(new Box(boxLines, tall ? "this row of the card is taller than the others: the name of the vaccine"
                            + " below it may not have been read, so which dose is in which row is for a person to check" : null,
                            r, columns.indexOf(column), label.toString()));
                }
            }
        }
        return boxes;
    }

    /**
     * Where rows part, below each vaccine name: rows repeat every {@code rowHeight}, so the lines of
     * the boxes stand at the same few heights relative to their row's name (the name may stand level
     * with a box's first line or at its middle); rows part in the widest gap between those heights.
     */
    private static int cut(List<ChartLine> lines, int page, int firstColumn, List<Integer> centres, int rowHeight) {
        List<Integer> phases = new ArrayList<>(List.of(0));
        for (ChartLine line : lines) {
            int middle = (line.top() + line.bottom()) / 2;
            if (line.page() != page || line.words().stream().noneMatch(w -> w.centerX() >= firstColumn)
                    || middle < centres.get(0) - rowHeight || middle > centres.get(centres.size() - 1) + rowHeight) {
                continue;
            }
            int nearest = centres.get(0);
            for (int c : centres) {
                nearest = c <= middle ? c : nearest;
            }
            phases.add(Math.floorMod(middle - nearest, rowHeight));
        }
        phases.sort(null);
        int cut = rowHeight / 2, widest = -1;
        for (int i = 0; i < phases.size(); i++) {
            int from = phases.get(i), to = i + 1 < phases.size() ? phases.get(i + 1) : phases.get(0) + rowHeight;
            if (to - from >= widest) {   // a tie goes to the gap above the name: rows open with it
                widest = to - from;
                cut = (from + (to - from) / 2) % rowHeight;
            }
        }
        return cut == 0 ? rowHeight : cut;
    }

    private static int median(List<Integer> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }


    /**
     * The words of a box's line go on, past the box's edge, with digits a word space after its last word
     * ({@code 5/16/20 10} for {@code 5/16/2010} printed wider than its box): what the box holds may be cut.
     */
    private static boolean runsPastBox(Span line) {
        List<ChartWord> words = line.line().words();
        if (line.isEmpty() || line.to() >= words.size()) {
            return false;
        }
        ChartWord last = words.get(line.to() - 1), next = words.get(line.to());
        return next.text().matches("\\d.*") && next.left() - last.right() < RuledTables.RUN_ON_CHARS * line.line().charWidth();
    }

    /**
     * A box's dose: the first line with a number is its date (after the box's "Date" caption), a
     * last line ending in a code is its lot, and what stands between is the product. Null for a
     * box with neither a date, a product medrec knows nor a lot (its captions only).
     */
    private static Dose dose(Box box, ChartValues values) {
        int dateLine = -1;
        for (int i = 0; i < box.lines().size() && dateLine < 0; i++) {
            String text = box.lines().get(i).text();
            dateLine = DATE_LIKE.matcher(text).find() || MONTH.matcher(text).find() || SPLIT_DATE.matcher(text).find() ? i : -1;
        }
        List<Span> rest = new ArrayList<>(dateLine < 0 ? box.lines() : box.lines().subList(dateLine + 1, box.lines().size()));
        Cell lot = null;
        if (!rest.isEmpty()) {
            Span last = rest.get(rest.size() - 1);
            ChartWord code = last.words().get(last.words().size() - 1);
            boolean captioned = last.words().size() > 1 && !last.words().get(0).text().matches(".*\\d.*");
            boolean alone = rest.size() == 1 && last.words().size() == 1 && Cvx.lookup(code.text()).status() == Normalized.Status.INVALID;
            if ((rest.size() > 1 || captioned || alone) && code.text().matches(".*\\d.*") && code.text().length() >= 4
                    && !DATE_LIKE.matcher(code.text()).find()) {
                lot = Cell.of(last.line().span(last.to() - 1, last.to()));
                rest.remove(rest.size() - 1);
            }
        }
        Cell product = rest.isEmpty() ? null : new Cell(rest);
        Cell date = null;
        Normalized dateValue = Normalized.empty();
        if (dateLine >= 0) {
            Span line = box.lines().get(dateLine);
            int from = line.from();
            while (from < line.to() - 1 && !line.line().words().get(from).text().matches(".*\\d.*")) {
                from++;
            }
            date = Cell.of(line.line().span(from, line.to()));
            dateValue = values.read("immunizations", "date", date.text().replaceAll("^[^\\p{L}\\d]+|[^\\p{L}\\d]+$", ""));
        }
        String doubt = box.doubt();
        if (dateLine >= 0 && runsPastBox(box.lines().get(dateLine))) {
            doubt = "the date runs on past its box (digits stand a word space after it, beyond the box's edge): its year"
                    + " may be cut, so a person checks this dose";
        }
        for (Span line : dateLine < 0 ? box.lines() : box.lines().subList(dateLine + 1, box.lines().size())) {
            doubt = DATE_LIKE.matcher(line.text()).find() ? "a second date stands in this box: the rows of the card may not have"
                    + " been told apart, so a person checks this dose" : doubt;
        }
        Normalized code = product == null ? Normalized.empty() : Cvx.lookup(product.text());
        boolean knownProduct = code.status() != Normalized.Status.INVALID && code.status() != Normalized.Status.EMPTY;
        if (code.isOk() && box.label() != null && !box.label().isBlank()
                && Cvx.consistent(box.label(), code.value()).status() == Normalized.Status.INVALID) {
            doubt = "the product in this box (" + product.text() + ") is not a vaccine of its row ('" + box.label() + "'): the"
                    + " rows of the card may not have been told apart, so a person checks this dose";
        }
        if (date == null && !knownProduct && lot == null) {
            return null;
        }
        return new Dose(date, dateValue, product, lot, box.lines().get(0), doubt, box.row(), box.column());
    }

    /**
     * The word is one of the spellings, with one letter misread in a spelling of four letters or
     * more ({@code POSE}), or with one more character after it ({@code DOSES} for "DOSE 5").
     */
    private static boolean like(String word, List<String> spellings) {
        String w = LabelText.fold(word);
        for (String s : spellings) {
            String f = LabelText.fold(s);
            if (w.equals(f) || (f.length() >= 4 && (w.length() == f.length() + 1 && w.startsWith(f)
                    || w.length() == f.length() && oneOff(f, w)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean oneOff(String a, String b) {
        int differ = 0;
        for (int i = 0; i < a.length(); i++) {
            differ += a.charAt(i) == b.charAt(i) ? 0 : 1;
        }
        return differ == 1;
    }
}
