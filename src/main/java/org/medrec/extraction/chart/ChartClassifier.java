package org.medrec.extraction.chart;

import java.util.List;

/**
 * Tells a chart's document type from its words: a type's title printed on its own line near the
 * top of the first page counts most, its tables' header lines next, its keywords a little each.
 * The best type must score enough and lead the next clearly; otherwise the document is not
 * classified (a person decides). A document without a single word a medical record prints is not
 * a medical record. Thread-safe (immutable).
 */
final class ChartClassifier {

    static final double TITLE = 4, TITLE_INLINE = 2.5, TABLE = 3, KEYWORD = 0.4, KEYWORDS_MAX = 3;
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
        double tables = 0;
        for (TableSpec table : form.tables()) {
            if (lines.stream().anyMatch(l -> !RuledTables.header(l, table).isEmpty())) {
                tables = TABLE;
            }
        }
        double keywords = Math.min(KEYWORDS_MAX, form.keywords().stream().filter(k -> Phrases.contains(text, k)).count() * KEYWORD);
        return title + tables + keywords;
    }
}
