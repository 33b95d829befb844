package org.medrec.ocr;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link OcrEngine} runs Tesseract.
 *
 * @param tessdata       folder holding {@code <language>.traineddata} and {@code osd.traineddata}; null to look
 *                       in {@value Tessdata#SYSTEM_TESSDATA}, then {@code TESSDATA_PREFIX}, then the copy inside
 *                       the tess4j jar
 * @param language       Tesseract language, e.g. {@code eng}
 * @param pageSegMode    Tesseract page segmentation mode, 3..13 (0..2 are layout or orientation only)
 * @param junkConfidence words below this confidence (0..1) whose box is tiny or holds no letter or digit are
 *                       dropped as noise specks; 0 keeps everything
 * @param variables      extra Tesseract variables, set once when the engine starts
 */
public record OcrSettings(Path tessdata, String language, int pageSegMode, double junkConfidence,
                          Map<String, String> variables) {

    /**
     * PSM 4 (one column of text of variable sizes): keeps a form's label-value rows and a table's rows on one line
     * each, like PSM 6, and unlike PSM 6 runs Tesseract's line finder, so boxed tables (grid lines) read too.
     */
    public static final int DEFAULT_PAGE_SEG_MODE = 4;

    public OcrSettings {
        Objects.requireNonNull(language, "language");
        if (!language.matches("[A-Za-z0-9_+\\-]+")) {
            throw new IllegalArgumentException("language must look like eng or eng+deu, got '" + language + "'");
        }
        if (pageSegMode < 3 || pageSegMode > 13) {
            throw new IllegalArgumentException("pageSegMode must be 3..13 (recognition modes), got " + pageSegMode);
        }
        if (!(junkConfidence >= 0.0 && junkConfidence < 1.0)) {
            throw new IllegalArgumentException("junkConfidence must be 0..1 (exclusive), got " + junkConfidence);
        }
        variables = Map.copyOf(variables);
    }

    /** English, PSM 4, junk below 0.30 dropped, {@code preserve_interword_spaces=1}. */
    public static OcrSettings defaults() {
        return new OcrSettings(null, "eng", DEFAULT_PAGE_SEG_MODE, 0.30, Map.of("preserve_interword_spaces", "1"));
    }

    public OcrSettings withPageSegMode(int psm) {
        return new OcrSettings(tessdata, language, psm, junkConfidence, variables);
    }

    public OcrSettings withJunkConfidence(double confidence) {
        return new OcrSettings(tessdata, language, pageSegMode, confidence, variables);
    }

    public OcrSettings withTessdata(Path folder) {
        return new OcrSettings(folder, language, pageSegMode, junkConfidence, variables);
    }

    public OcrSettings withVariable(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(variables);
        more.put(name, value);
        return new OcrSettings(tessdata, language, pageSegMode, junkConfidence, more);
    }
}
