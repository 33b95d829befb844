package org.medrec.ocr;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

import org.medrec.ocr.PreprocessSettings.OrientationCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.medrec.page.SourcePage;
import org.medrec.page.TextLayer;
import org.medrec.page.TextWord;

/**
 * Reads the text of a {@link SourcePage}: the PDF text layer when it has one (no OCR); otherwise preprocessing
 * and OCR; a blank page gives no text at all.
 *
 * <p>Orientation: with {@link OrientationCheck#WHEN_UNREADABLE} (the default) a page is read as it comes
 * (deskewed), and only a page read below {@value #POOR_CONFIDENCE} mean confidence is prepared again with OSD,
 * turned, and read again; when OSD turns nothing or is unsure, the page is also read upside down. The best
 * reading wins. With {@link OrientationCheck#ALWAYS} OSD runs first, and a poor reading of a page whose
 * orientation OSD was unsure of is also tried upside down.
 *
 * <p>Thread-safe: no state of its own; the {@link OcrEngine} passed in is not, so each thread passes its own.
 */
public final class PageReader {

    private static final Logger log = LoggerFactory.getLogger(PageReader.class);

    /** A page read below this mean word confidence gets its orientation checked. */
    public static final double POOR_CONFIDENCE = 0.55;
    /** Words at or above this confidence count as legible text (a page without any is blank). */
    static final double LEGIBLE = 0.60;

    private final Preprocessor preprocessor;

    public PageReader(Preprocessor preprocessor) {
        this.preprocessor = Objects.requireNonNull(preprocessor, "preprocessor");
    }

    public PageReader() {
        this(new Preprocessor());
    }

    public PageText read(SourcePage page, OcrEngine engine) {
        if (page.hasTextLayer()) {
            return new PageText(page.number(), PageText.Source.TEXT_LAYER,
                    fromTextLayer(page.textLayer(), page.width(), page.height(), page.dpi()), null, 0);
        }
        PreparedPage prepared = preprocessor.prepare(page, engine);
        if (prepared.blank()) {
            return new PageText(page.number(), PageText.Source.BLANK, OcrPage.empty(prepared.image().getWidth(),
                    prepared.image().getHeight(), prepared.dpi()), prepared, 0);
        }
        long start = System.nanoTime();
        Reading best = new Reading(prepared, engine.recognize(prepared.image(), prepared.dpi()));
        OrientationCheck check = preprocessor.settings().orientation();
        if (check != OrientationCheck.OFF && best.confidence() < POOR_CONFIDENCE) {
            Reading oriented = best;
            if (check == OrientationCheck.WHEN_UNREADABLE) {
                PreparedPage turned = preprocessor.prepareWithOrientation(page, engine);
                if (turned.orientation().rotation() != 0) {
                    oriented = better(best, new Reading(turned, engine.recognize(turned.image(), turned.dpi())));
                } else {
                    oriented = new Reading(turned, best.ocr());
                }
            }
            best = oriented;
            if (!settled(best.prepared().orientation()) && best.confidence() < POOR_CONFIDENCE) {
                PreparedPage upsideDown = preprocessor.turnedHalfway(best.prepared());
                best = better(best, new Reading(upsideDown, engine.recognize(upsideDown.image(), upsideDown.dpi())));
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        PreparedPage used = best.prepared();
        OcrPage ocr = best.ocr().withCheckboxes(used.checkboxes());
        log.debug("page {}: {} words, mean confidence {}, turned {} ({}), skew {}, preprocessing {} ms, OCR {} ms",
                page.number(), ocr.words().size(), String.format(java.util.Locale.ROOT, "%.2f", ocr.meanConfidence()),
                used.orientation().rotation(), used.orientation().method(), used.skewDegrees(),
                prepared.timings().totalMillis(), millis);
        if (ocr.words().stream().noneMatch(w -> w.confidence() >= LEGIBLE)) {
            return new PageText(page.number(), PageText.Source.BLANK, OcrPage.empty(ocr.width(), ocr.height(), ocr.dpi()),
                    used, millis);
        }
        return new PageText(page.number(), PageText.Source.OCR, ocr, used, millis);
    }

    private record Reading(PreparedPage prepared, OcrPage ocr) {
        double confidence() {
            return ocr.meanConfidence();
        }
    }

    private static Reading better(Reading a, Reading b) {
        return b.confidence() > a.confidence() ? b : a;
    }

    /** OSD sure of itself, or already decided by comparing readings. */
    private boolean settled(Orientation orientation) {
        return switch (orientation.method()) {
            case OSD -> orientation.confidence() >= preprocessor.settings().minOsdConfidence();
            case OCR_CONFIDENCE -> true;
            case UNDECIDED, NOT_CHECKED -> false;
        };
    }

    /** A text layer as an {@link OcrPage}: confidence 1.0, lines as PDFBox wrote them. */
    static OcrPage fromTextLayer(TextLayer layer, int width, int height, int dpi) {
        TreeMap<Integer, List<TextWord>> byLine = new TreeMap<>();
        for (TextWord word : layer.words()) {
            byLine.computeIfAbsent(word.line(), k -> new ArrayList<>()).add(word);
        }
        List<OcrWord> words = new ArrayList<>();
        List<OcrLine> lines = new ArrayList<>();
        for (List<TextWord> lineWords : byLine.values()) {
            int index = lines.size();
            Rectangle box = null;
            StringBuilder text = new StringBuilder();
            List<OcrWord> ocrWords = new ArrayList<>();
            for (TextWord word : lineWords) {
                Rectangle wordBox = word.box();
                box = box == null ? wordBox : box.union(wordBox);
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(word.text());
                ocrWords.add(new OcrWord(word.text(), 1.0, wordBox, index));
            }
            words.addAll(ocrWords);
            lines.add(new OcrLine(index, text.toString(), 1.0, box, ocrWords));
        }
        return new OcrPage(width, height, dpi, words, lines);
    }
}
