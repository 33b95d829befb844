package org.medrec.review;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.medrec.extraction.chart.ChartDocument;
import org.medrec.ocr.Checkbox;
import org.medrec.ocr.OcrLine;
import org.medrec.ocr.OcrPage;
import org.medrec.ocr.OcrWord;
import org.medrec.ocr.Orientation;
import org.medrec.ocr.PageText;
import org.medrec.ocr.PreparedPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The words read on a chart file's pages, as the {@code page} table keeps them (boxes in pixels of
 * the original page): for the keying page, where a technician picks a word into a field, and as a
 * {@link ChartDocument} again, so that a document can be read once more with the form a person
 * chose. A page that was turned upright or straightened for OCR is turned the same way again, so
 * that its lines and columns stand as extraction saw them; each word keeps its box on the original.
 * Thread-safe.
 */
@Repository
class PageWords {

    /** A word on a page: its text, confidence, and box ({@code x, y, width, height} in original-page pixels). */
    record Word(String text, double confidence, int[] box, int line) {
    }

    /** A page as read: its number, size in original-page pixels, how it was read, and its words. */
    record Page(int number, int width, int height, int dpi, String source, int rotation, Double skew, List<Word> words,
                List<Checkbox> checkboxes) {

        /** The word's box as percentages of the page ({@code left top width height}), for the page image's overlay. */
        String percent(Word word) {
            int[] b = word.box();
            return String.format(Locale.ROOT, "%.3f %.3f %.3f %.3f", 100.0 * b[0] / width, 100.0 * b[1] / height,
                    100.0 * b[2] / width, 100.0 * b[3] / height);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    PageWords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The file's pages in order (none for a file whose pages were never read: a spreadsheet). */
    List<Page> pages(long sourceFileId) {
        return jdbc.sql("""
                SELECT number, width, height, dpi, source, rotation, skew_degrees, words::text, checkboxes::text
                FROM page WHERE source_file_id = ? ORDER BY number""").param(sourceFileId)
                .query((rs, n) -> {
                    List<Word> words = new ArrayList<>();
                    for (JsonNode w : JSON.readTree(rs.getString(8))) {
                        words.add(new Word(w.path("t").asString(), w.path("c").asDouble(), box(w.path("b")), w.path("l").asInt()));
                    }
                    List<Checkbox> checkboxes = new ArrayList<>();
                    String boxes = rs.getString(9);
                    for (JsonNode c : boxes == null ? JSON.createArrayNode() : JSON.readTree(boxes)) {
                        int[] b = box(c.path("b"));
                        checkboxes.add(new Checkbox(new Rectangle(b[0], b[1], b[2], b[3]), c.path("x").asBoolean(),
                                c.path("c").asDouble()));
                    }
                    return new Page(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getString(5), rs.getInt(6),
                            rs.getObject(7) == null ? null : rs.getDouble(7), List.copyOf(words), List.copyOf(checkboxes));
                })
                .list();
    }

    /** The pages as a document extraction reads ({@link ChartDocument#of}). */
    static ChartDocument document(List<Page> pages) {
        List<PageText> texts = new ArrayList<>();
        for (Page page : pages) {
            PageText.Source source = PageText.Source.valueOf(page.source().toUpperCase(Locale.ROOT));
            PreparedPage prepared = source == PageText.Source.OCR ? turned(page) : null;
            Map<Integer, List<OcrWord>> lines = new TreeMap<>();
            List<OcrWord> words = new ArrayList<>();
            for (Word w : page.words()) {
                Rectangle box = upright(new Rectangle(w.box()[0], w.box()[1], w.box()[2], w.box()[3]), prepared);
                OcrWord word = new OcrWord(w.text(), w.confidence(), box, w.line());
                words.add(word);
                lines.computeIfAbsent(w.line(), k -> new ArrayList<>()).add(word);
            }
            List<OcrLine> ocrLines = new ArrayList<>();
            for (List<OcrWord> line : lines.values()) {
                Rectangle box = new Rectangle(line.get(0).box());
                line.forEach(w -> box.add(w.box()));
                ocrLines.add(new OcrLine(ocrLines.size(), String.join(" ", line.stream().map(OcrWord::text).toList()),
                        line.stream().mapToDouble(OcrWord::confidence).average().orElse(0), box, line));
            }
            List<Checkbox> checkboxes = page.checkboxes().stream()
                    .map(c -> new Checkbox(upright(c.box(), prepared), c.checked(), c.confidence())).toList();
            int width = prepared == null ? page.width() : (page.rotation() % 180 == 0 ? page.width() : page.height());
            int height = prepared == null ? page.height() : (page.rotation() % 180 == 0 ? page.height() : page.width());
            texts.add(new PageText(page.number(), source, new OcrPage(width, height, page.dpi(), words, ocrLines, checkboxes),
                    prepared, 0L));
        }
        return ChartDocument.of(texts);
    }

    /** How the page was turned for OCR, at the original's scale (its boxes map back with {@link PreparedPage#toSource}). */
    private static PreparedPage turned(Page page) {
        double skew = page.skew() == null ? 0 : page.skew();
        return new PreparedPage(null, page.dpi(), 1.0, page.width(), page.height(),
                new Orientation(page.rotation(), 0, Orientation.Method.NOT_CHECKED), skew, skew != 0, 0, 0, List.of(), false,
                0, false, new PreparedPage.Timings(0, 0, 0, 0, 0, 0, 0));
    }

    private static Rectangle upright(Rectangle box, PreparedPage prepared) {
        return prepared == null ? box : prepared.sourceToImage().createTransformedShape(box).getBounds();
    }

    private static int[] box(JsonNode b) {
        return new int[] {b.path(0).asInt(), b.path(1).asInt(), Math.max(1, b.path(2).asInt()), Math.max(1, b.path(3).asInt())};
    }
}
