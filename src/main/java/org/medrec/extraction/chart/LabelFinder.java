package org.medrec.extraction.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds printed labels on a line. A label is one or more words whose folded text, joined, is one
 * of the configured spellings ({@code Med Rec #} matches {@code MED REC#:}). To tell a label from
 * the same words in running text ({@code ... the patient's date of ...}), a label must end with a
 * colon, or stand alone in its cell (a boxed form's caption), or start its line or cell and be
 * followed by leader dots. The longest spelling wins. Thread-safe (immutable).
 */
final class LabelFinder {

    private record Spelling(String key, String folded) {
    }

    private static final java.util.regex.Pattern BOX_NUMBER = java.util.regex.Pattern.compile("\\d{1,2}[a-d]?[.,]|[a-d][.,]");

    private final List<Spelling> spellings;
    /** Spellings by their folded text, and those long enough to forgive a letter, by length. */
    private final Map<String, Spelling> exact = new java.util.HashMap<>();
    private final Map<Integer, List<Spelling>> byLength = new java.util.HashMap<>();

    LabelFinder(Map<String, List<String>> labels) {
        List<Spelling> all = new ArrayList<>();
        labels.forEach((key, phrases) -> phrases.forEach(p -> {
            String folded = LabelText.fold(p);
            if (!folded.isEmpty()) {
                all.add(new Spelling(key, folded));
            }
        }));
        all.sort(Comparator.comparingInt((Spelling s) -> s.folded().length()).reversed());
        this.spellings = List.copyOf(all);
        for (Spelling sp : spellings) {
            exact.putIfAbsent(sp.folded(), sp);
            if (sp.folded().length() >= 6) {
                byLength.computeIfAbsent(sp.folded().length(), n -> new ArrayList<>()).add(sp);
            }
        }
    }

    /** The spelling the text is, or is but for one letter. */
    private Spelling spelling(String text) {
        Spelling found = exact.get(text);
        if (found != null) {
            return found;
        }
        for (Spelling sp : byLength.getOrDefault(text.length(), List.of())) {
            if (same(sp.folded(), text)) {
                return sp;
            }
        }
        return null;
    }

    List<LabelHit> find(ChartLine line) {
        List<LabelHit> hits = new ArrayList<>();
        List<ChartWord> words = line.words();
        int i = 0;
        while (i < words.size()) {
            LabelHit hit = longestAt(line, i);
            if (hit == null && BOX_NUMBER.matcher(words.get(i).text()).matches() && i + 1 < words.size()) {
                LabelHit after = longestAt(line, i + 1);   // "2. PATIENT'S NAME": the box number belongs to the caption
                hit = after == null ? null : new LabelHit(after.key(), line, i, after.to());
            }
            hit = hit == null ? null : withQualifier(hit);
            if (hit != null && standsAsLabel(hit)) {
                hits.add(hit);
                i = hit.to();
            } else {
                i++;
            }
        }
        return hits;
    }

    private LabelHit longestAt(ChartLine line, int start) {
        List<ChartWord> words = line.words();
        if (LabelText.separator(words.get(start).text())) {
            return null;
        }
        LabelHit best = null;
        boolean gapCrossed = false;
        StringBuilder joined = new StringBuilder();
        for (int end = start; end < words.size() && end < start + 6; end++) {
            if (end > start && line.cellBreakBefore(end)) {
                if (best == null) {
                    break;
                }
                // past a wide gap only the rest of a longer spelling of the label found ("Address | Line 1" as a
                // fax spreads it), never a value that happens to read as another label
                gapCrossed = true;
            }
            joined.append(words.get(end).folded());
            Spelling s = spelling(joined.toString());
            if (s != null && (best == null || end + 1 > best.to()) && (!gapCrossed || s.key().equals(best.key()))) {
                best = new LabelHit(s.key(), line, start, end + 1);
            }
            if (words.get(end).text().endsWith(":")) {
                break;
            }
        }
        return best;
    }

    /** A label's qualifier in parentheses belongs to it: {@code MRN (Office)}, {@code DOB (MM/DD/YYYY)}. */
    private static LabelHit withQualifier(LabelHit hit) {
        List<ChartWord> words = hit.line().words();
        int to = hit.to();
        boolean colon = words.get(to - 1).text().endsWith(":");
        if (!colon && to < words.size() && words.get(to).text().matches("\\(\\p{L}.*") && !hit.line().cellBreakBefore(to)) {
            for (int end = to; end < words.size() && end < to + 8; end++) {
                if (end > to && hit.line().cellBreakBefore(end)) {
                    break;
                }
                String w = words.get(end).text();
                if (w.endsWith(")") || w.endsWith("):")) {
                    return new LabelHit(hit.key(), hit.line(), hit.from(), end + 1);
                }
            }
        }
        return hit;
    }

    /** Equal, or one letter misread in a spelling of six letters or more ({@code MED REG #}). */
    static boolean same(String spelling, String read) {
        if (spelling.equals(read)) {
            return true;
        }
        if (spelling.length() < 6 || spelling.length() != read.length()) {
            return false;
        }
        int differ = 0;
        for (int i = 0; i < spelling.length() && differ < 2; i++) {
            differ += spelling.charAt(i) == read.charAt(i) ? 0 : 1;
        }
        return differ == 1;
    }

    private static boolean standsAsLabel(LabelHit hit) {
        if (hit.colon()) {
            return true;
        }
        ChartLine line = hit.line();
        boolean startsCell = hit.from() == 0 || line.cellBreakBefore(hit.from());
        boolean endsCell = hit.to() == line.words().size() || line.cellBreakBefore(hit.to());
        return startsCell && endsCell;
    }
}
