package org.medrec.extraction.chart;

import java.util.List;

/**
 * Tells a chart's document type from its words and its structure: a type's title printed on its
 * own line near the top of the first page counts most; then its structure: its tables' header
 * lines, a dose grid's header, the headings of its free-text sections opening lines (a note's
 * "S:", "O:", "A/P:"); a title medrec was not told that is made of the type's title words ("Shot
 * Record", "Clinic Visit") counts less; its keywords a little each. The best type must score
 * enough and lead the next clearly; otherwise the document is not classified (a person decides).
 * A document without a single word a medical record prints is not a medical record.
 * Thread-safe (immutable).
 */
final class ChartClassifier {

    static final double TITLE = 4, TITLE_INLINE = 2.5, TITLE_WORDS = 2, TABLE = 3, KEYWORD = 0.4, KEYWORDS_MAX = 3;
    /**
     * Each distinct section heading opening a line counts this much, up to {@link #SECTIONS_MAX}: four
     * headings of a type's sections ("S:", "O:", "A:", "P:") say as much as its title.
     */
    static final double SECTION = 1, SECTIONS_MAX = 4;
    /** A title made of title words is short: a line of at most this many words. */
    private static final int TITLE_WORDS_MAX = 6;
    static final double MIN_SCORE = 4, MIN_MARGIN = 2;
    private static final int TITLE_LINES = 12;

    private final FormCatalog catalog;

    ChartClassifier(FormCatalog catalog) {
        this.catalog = catalog;
    }

    Classification classify(ChartDocument document) {
        List<ChartLine> lines = document.lines();
        StringBuilder all = new StringBuilder(" ");
        for (ChartLine line : lines) {
            all.append(Phrases.folded(line.all()).substring(1));
        }
        String text = all.toString();
        if (catalog.medicalWords().stream().noneMatch(w -> Phrases.contains(text, w))) {
            return new Classification(null, false, 0, 0, "not a medical record: none of the words a medical record prints"
                    + " (patient, date of birth, diagnosis, provider, ...) is on it");
        }
        FormSpec best = null;
        double bestScore = 0, second = 0;
        for (FormSpec form : catalog.forms()) {
            double score = score(form, lines, text);
            if (score > bestScore) {
                second = bestScore;
                bestScore = score;
                best = form;
            } else if (score > second) {
                second = score;
            }
        }
        double margin = bestScore - second;
        if (best == null || bestScore < MIN_SCORE || margin < MIN_MARGIN) {
            return new Classification(null, true, bestScore, margin, "the document type could not be told with confidence"
                    + (best == null ? "" : " (best guess " + best.docType() + ", score " + Math.round(bestScore * 10) / 10.0
                    + ", lead " + Math.round(margin * 10) / 10.0 + ")") + ": a person must classify it and enter its values");
        }
        return new Classification(best, true, bestScore, margin, "classified as " + best.docType());
    }

    private static double score(FormSpec form, List<ChartLine> lines, String text) {
        double title = 0;
        int firstPage = lines.isEmpty() ? 1 : lines.get(0).page();
        for (int i = 0; i < lines.size() && i < TITLE_LINES * 3; i++) {
            ChartLine line = lines.get(i);
            if (line.page() != firstPage) {
                break;
            }
            for (Span cell : line.cells()) {
                if (Phrases.is(cell, form.titles())) {
                    title = Math.max(title, i < TITLE_LINES ? TITLE : TITLE_INLINE);
                }
            }
            if (title == 0 && i < TITLE_LINES && form.titles().stream().anyMatch(t -> Phrases.contains(Phrases.folded(line.all()), t))) {
                title = TITLE_INLINE;
            }
        }
        double structure = 0;
        for (TableSpec table : form.tables()) {
            if (lines.stream().anyMatch(l -> !RuledTables.header(l, table).isEmpty())) {
                structure = TABLE;
            }
        }
        if (form.doseGrid() != null && lines.stream().anyMatch(l -> DoseGrids.header(l, form.doseGrid()))) {
            structure = TABLE;
        }
        structure = Math.max(structure, sections(form, lines));
        if (title == 0 && structure > 0) {
            title = titleWords(form, lines, firstPage);   // a title's words alone, without the type's structure, say little
        }
        double keywords = Math.min(KEYWORDS_MAX, form.keywords().stream().filter(k -> Phrases.contains(text, k)).count() * KEYWORD);
        return title + structure + keywords;
    }

    /** A short line alone near the top of the first page that holds one of the type's title words. */
    private static double titleWords(FormSpec form, List<ChartLine> lines, int firstPage) {
        for (int i = 0; i < lines.size() && i < TITLE_LINES; i++) {
            ChartLine line = lines.get(i);
            if (line.page() != firstPage) {
                break;
            }
            if (line.cells().size() == 1 && line.words().size() <= TITLE_WORDS_MAX && !line.text().contains(":")
                    && form.titleWords().stream().anyMatch(w -> Phrases.contains(Phrases.folded(line.all()), w))) {
                return TITLE_WORDS;
            }
        }
        return 0;
    }

    /** The distinct section headings of the form that open lines, each kind once. */
    private static double sections(FormSpec form, List<ChartLine> lines) {
        java.util.Set<String> headings = new java.util.HashSet<>();
        for (ChartLine line : lines) {
            for (List<String> spellings : form.sections().values()) {
                int n = Phrases.startsWith(line.all(), spellings);
                if (n > 0 && NoteSections.isHeading(line, n)) {
                    headings.add(Phrases.folded(line.span(0, n)));
                }
            }
        }
        return Math.min(SECTIONS_MAX, SECTION * headings.size());
    }
}
