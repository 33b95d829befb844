package org.medrec.ocr;

import static net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE;
import static net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel.RIL_SYMBOL;
import static net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel.RIL_WORD;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI1;

/**
 * One Tesseract instance (libtesseract through tess4j's direct JNA mapping {@link TessAPI1}): OCR of a
 * grayscale page into words, lines, confidences and boxes, and orientation detection (OSD).
 *
 * <p>The model is loaded once, when the engine is opened (about 0.3 s), not per page as tess4j's
 * {@code Tesseract.getWords} does; words and lines come from one recognition pass through the result
 * iterator, with confidences as numbers (no TSV parsing, so no locale pitfall).
 *
 * <p><b>Not thread-safe.</b> Tesseract's {@code TessBaseAPI} must not be used by two threads at once (it
 * killed the JVM when tried): keep one engine per worker thread ({@link OcrEngines}). Concurrent use is
 * detected and refused with an {@link IllegalStateException} rather than left to crash. The engine holds
 * native memory (about 40 MB after a page, 60 MB once OSD has run): {@link #close()} it.
 */
public final class OcrEngine implements AutoCloseable {

    private static final int OSD_ONLY = ITessAPI.TessPageSegMode.PSM_OSD_ONLY;

    private final OcrSettings settings;
    private final java.time.Duration pageTimeLimit;
    private final Path tessdata;
    private final AtomicBoolean busy = new AtomicBoolean();
    private TessBaseAPI handle;
    private TessBaseAPI osdHandle;
    private ByteBuffer pixels;
    private boolean closed;

    private OcrEngine(OcrSettings settings, java.time.Duration pageTimeLimit, Path tessdata, TessBaseAPI handle) {
        this.settings = settings;
        this.pageTimeLimit = pageTimeLimit;
        this.tessdata = tessdata;
        this.handle = handle;
    }

    /** Starts Tesseract with the given settings, without a time limit. */
    public static OcrEngine open(OcrSettings settings) {
        return open(settings, null);
    }

    /**
     * Starts Tesseract with the given settings; a recognition pass that runs past {@code pageTimeLimit}
     * (null: no limit) is abandoned with an {@link OcrTimeLimitException}.
     */
    public static OcrEngine open(OcrSettings settings, java.time.Duration pageTimeLimit) {
        if (pageTimeLimit != null && (pageTimeLimit.isNegative() || pageTimeLimit.isZero()
                || pageTimeLimit.toMillis() > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("pageTimeLimit must be positive and under 24 days, got " + pageTimeLimit);
        }
        Path tessdata = Tessdata.locate(settings.tessdata(), settings.language());
        TessBaseAPI handle = TessAPI1.TessBaseAPICreate();
        if (TessAPI1.TessBaseAPIInit3(handle, tessdata.toString(), settings.language()) != 0) {
            TessAPI1.TessBaseAPIDelete(handle);
            throw new OcrUnavailableException("Tesseract could not load language " + settings.language() + " from " + tessdata, null);
        }
        for (Map.Entry<String, String> variable : settings.variables().entrySet()) {
            if (TessAPI1.TessBaseAPISetVariable(handle, variable.getKey(), variable.getValue()) != ITessAPI.TRUE) {
                TessAPI1.TessBaseAPIEnd(handle);
                TessAPI1.TessBaseAPIDelete(handle);
                throw new OcrException("Tesseract has no variable " + variable.getKey());
            }
        }
        return new OcrEngine(settings, pageTimeLimit, tessdata, handle);
    }

    /** Starts Tesseract with {@link OcrSettings#defaults()}. */
    public static OcrEngine open() {
        return open(OcrSettings.defaults());
    }

    public OcrSettings settings() {
        return settings;
    }

    /** Recognises a page with the configured page segmentation mode. */
    public OcrPage recognize(BufferedImage gray, int dpi) {
        return recognize(gray, dpi, settings.pageSegMode());
    }

    /**
     * Recognises a grayscale page.
     *
     * @param gray        a TYPE_BYTE_GRAY image
     * @param dpi         its resolution, passed to Tesseract (it guesses wrong without it)
     * @param pageSegMode Tesseract page segmentation mode, 3..13
     */
    public OcrPage recognize(BufferedImage gray, int dpi, int pageSegMode) {
        if (pageSegMode < 3 || pageSegMode > 13) {
            throw new IllegalArgumentException("pageSegMode must be 3..13, got " + pageSegMode);
        }
        enter();
        try {
            setImage(handle, gray, dpi, pageSegMode);
            if (pageTimeLimit == null) {
                if (TessAPI1.TessBaseAPIRecognize(handle, null) != 0) {
                    throw new OcrException("Tesseract failed to recognise a " + gray.getWidth() + "x" + gray.getHeight()
                            + " page");
                }
            } else {
                recognizeBefore(pageTimeLimit, gray);
            }
            return readResults(gray.getWidth(), gray.getHeight(), dpi);
        } finally {
            TessAPI1.TessBaseAPIClear(handle);
            leave();
        }
    }

    /** Recognition with Tesseract's own deadline (its progress monitor), checked between words. */
    private void recognizeBefore(java.time.Duration limit, BufferedImage gray) {
        Pointer monitor = TessMonitor.TessMonitorCreate();
        try {
            long start = System.nanoTime();
            TessMonitor.TessMonitorSetDeadlineMSecs(monitor, (int) limit.toMillis());
            int failed = TessMonitor.TessBaseAPIRecognize(handle.getPointer(), monitor);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (failed != 0 && millis >= limit.toMillis()) {
                throw new OcrTimeLimitException(limit, millis);
            }
            if (failed != 0) {
                throw new OcrException("Tesseract failed to recognise a " + gray.getWidth() + "x" + gray.getHeight()
                        + " page");
            }
        } finally {
            TessMonitor.TessMonitorDelete(monitor);
        }
    }

    /**
     * Tesseract's orientation detection (osd.traineddata, loaded on first use).
     *
     * @return empty when Tesseract finds too little text to decide (a blank or nearly blank page)
     */
    public Optional<Osd> detectOrientation(BufferedImage gray, int dpi) {
        enter();
        try {
            if (osdHandle == null) {
                TessBaseAPI osd = TessAPI1.TessBaseAPICreate();
                if (TessAPI1.TessBaseAPIInit3(osd, tessdata.toString(), "osd") != 0) {
                    TessAPI1.TessBaseAPIDelete(osd);
                    throw new OcrException("Tesseract could not load osd.traineddata from " + tessdata
                            + "; install tesseract-ocr-osd");
                }
                osdHandle = osd;
            }
            setImage(osdHandle, gray, dpi, OSD_ONLY);
            IntBuffer degrees = IntBuffer.allocate(1);
            FloatBuffer confidence = FloatBuffer.allocate(1);
            PointerByReference script = new PointerByReference();
            FloatBuffer scriptConfidence = FloatBuffer.allocate(1);
            int ok = TessAPI1.TessBaseAPIDetectOrientationScript(osdHandle, degrees, confidence, script,
                    scriptConfidence);
            if (ok != ITessAPI.TRUE) {
                return Optional.empty();
            }
            // Tesseract reports the orientation of the text (counter-clockwise); turning it back is clockwise
            int rotation = (360 - Math.floorMod(degrees.get(0), 360)) % 360;
            Pointer name = script.getValue();
            return Optional.of(new Osd(rotation, confidence.get(0), name == null ? "" : name.getString(0)));
        } finally {
            if (osdHandle != null) {
                TessAPI1.TessBaseAPIClear(osdHandle);
            }
            leave();
        }
    }

    private void setImage(TessBaseAPI api, BufferedImage gray, int dpi, int pageSegMode) {
        if (gray.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("OCR needs a TYPE_BYTE_GRAY image, got type " + gray.getType());
        }
        if (dpi < 30 || dpi > 2400) {
            throw new IllegalArgumentException("dpi must be 30..2400, got " + dpi);
        }
        int width = gray.getWidth();
        int height = gray.getHeight();
        byte[] data = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        if (data.length < width * height || gray.getRaster().getSampleModelTranslateX() != 0
                || gray.getRaster().getSampleModelTranslateY() != 0) {
            throw new IllegalArgumentException("OCR needs a whole image, not a sub-image view");
        }
        int size = width * height;
        if (pixels == null || pixels.capacity() < size) {
            pixels = ByteBuffer.allocateDirect(size);
        }
        pixels.clear();
        pixels.put(data, 0, size).flip();
        TessAPI1.TessBaseAPISetPageSegMode(api, pageSegMode);
        // Tesseract copies the pixels into its own image here, so the buffer can be reused for the next page
        TessAPI1.TessBaseAPISetImage(api, pixels, width, height, 1, width);
        TessAPI1.TessBaseAPISetSourceResolution(api, dpi);
    }

    private OcrPage readResults(int width, int height, int dpi) {
        TessResultIterator ri = TessAPI1.TessBaseAPIGetIterator(handle);
        if (ri == null) {
            return OcrPage.empty(width, height, dpi);
        }
        List<OcrWord> words = new ArrayList<>();
        List<OcrLine> lines = new ArrayList<>();
        try {
            TessPageIterator pi = TessAPI1.TessResultIteratorGetPageIterator(ri);
            TessAPI1.TessPageIteratorBegin(pi);
            LineBuilder line = null;
            Pending word = null;
            do {   // glyph by glyph: a word is read at its first glyph, its glyphs measured as they come
                boolean wordStarts = word == null || TessAPI1.TessPageIteratorIsAtBeginningOf(pi, RIL_WORD) == ITessAPI.TRUE;
                if (wordStarts) {
                    if (word != null) {
                        word.addTo(line);
                    }
                    if (line == null || TessAPI1.TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE) == ITessAPI.TRUE) {
                        if (line != null) {
                            line.addTo(lines, words);
                        }
                        line = new LineBuilder(box(pi, RIL_TEXTLINE),
                                TessAPI1.TessResultIteratorConfidence(ri, RIL_TEXTLINE) / 100.0);
                    }
                    word = readWord(ri, pi, dpi);
                }
                word.measure(ri, pi);
            } while (TessAPI1.TessPageIteratorNext(pi, RIL_SYMBOL) == ITessAPI.TRUE);
            if (word != null) {
                word.addTo(line);
            }
            if (line != null) {
                line.addTo(lines, words);
            }
        } finally {
            TessAPI1.TessResultIteratorDelete(ri);
        }
        return new OcrPage(width, height, dpi, words, lines);
    }

    /** The word the iterator stands at (kept: false for no text or a speck read as a word). */
    private Pending readWord(TessResultIterator ri, TessPageIterator pi, int dpi) {
        Pointer text = TessAPI1.TessResultIteratorGetUTF8Text(ri, RIL_WORD);
        if (text == null) {
            return new Pending(null, 0, null);
        }
        String word = text.getString(0, "UTF-8").strip();
        TessAPI1.TessDeleteText(text);
        double confidence = clamp(TessAPI1.TessResultIteratorConfidence(ri, RIL_WORD) / 100.0);
        Rectangle wordBox = box(pi, RIL_WORD);
        boolean kept = !word.isEmpty() && !isJunk(word, confidence, wordBox, dpi);
        return new Pending(kept ? word : null, confidence, wordBox);
    }

    /** A word being read, and the heights of its tall glyphs (capitals, digits, letters with ascenders). */
    private static final class Pending {
        private static final java.util.regex.Pattern TALL = java.util.regex.Pattern.compile("[A-Z0-9bdfhklt]");
        private final String text;
        private final double confidence;
        private final Rectangle box;
        private final List<Integer> tall = new ArrayList<>();

        Pending(String text, double confidence, Rectangle box) {
            this.text = text;
            this.confidence = confidence;
            this.box = box;
        }

        void measure(TessResultIterator ri, TessPageIterator pi) {
            if (text == null) {
                return;
            }
            Pointer glyph = TessAPI1.TessResultIteratorGetUTF8Text(ri, RIL_SYMBOL);
            if (glyph == null) {
                return;
            }
            String g = glyph.getString(0, "UTF-8");
            TessAPI1.TessDeleteText(glyph);
            if (TALL.matcher(g).matches()) {
                tall.add(box(pi, RIL_SYMBOL).height);
            }
        }

        /**
         * The median height of the tall glyphs; of two, the smaller (a speck joined to one of them makes it
         * taller); 0 for one or none (a single glyph tells its size no better than the box).
         */
        int glyphHeight() {
            int[] h = tall.stream().mapToInt(Integer::intValue).sorted().toArray();
            return h.length < 2 ? 0 : h.length == 2 ? h[0] : h[h.length / 2];
        }

        void addTo(LineBuilder line) {
            if (text != null) {
                line.add(text, confidence, box, glyphHeight());
            }
        }
    }

    /** A speck read as a word: low confidence and either tiny (under ~1/25 in) or without a letter or digit. */
    private boolean isJunk(String word, double confidence, Rectangle box, int dpi) {
        if (confidence >= settings.junkConfidence()) {
            return false;
        }
        boolean tiny = Math.max(box.width, box.height) < dpi / 25.0;
        boolean noAlnum = word.codePoints().noneMatch(Character::isLetterOrDigit);
        return tiny || noAlnum;
    }

    private static Rectangle box(TessPageIterator pi, int level) {
        IntBuffer left = IntBuffer.allocate(1);
        IntBuffer top = IntBuffer.allocate(1);
        IntBuffer right = IntBuffer.allocate(1);
        IntBuffer bottom = IntBuffer.allocate(1);
        if (TessAPI1.TessPageIteratorBoundingBox(pi, level, left, top, right, bottom) != ITessAPI.TRUE) {
            return new Rectangle();
        }
        return new Rectangle(left.get(0), top.get(0), right.get(0) - left.get(0), bottom.get(0) - top.get(0));
    }

    private static double clamp(double confidence) {
        return Double.isNaN(confidence) ? 0.0 : Math.max(0.0, Math.min(1.0, confidence));
    }

    /** Collects one line's kept words; a line left without words is dropped. */
    private static final class LineBuilder {
        private final Rectangle box;
        private final double confidence;
        private final List<String> texts = new ArrayList<>();
        private final List<Double> confidences = new ArrayList<>();
        private final List<Rectangle> boxes = new ArrayList<>();
        private final List<Integer> glyphHeights = new ArrayList<>();

        LineBuilder(Rectangle box, double confidence) {
            this.box = box;
            this.confidence = clamp(confidence);
        }

        void add(String text, double wordConfidence, Rectangle wordBox, int glyphHeight) {
            texts.add(text);
            confidences.add(wordConfidence);
            boxes.add(wordBox);
            glyphHeights.add(glyphHeight);
        }

        void addTo(List<OcrLine> lines, List<OcrWord> pageWords) {
            if (texts.isEmpty()) {
                return;
            }
            int index = lines.size();
            List<OcrWord> words = new ArrayList<>(texts.size());
            StringBuilder text = new StringBuilder();
            // a normal word gap is under ~1.2 word heights; a wider gap (between a form's label and value
            // columns, or table cells) is written as several spaces, one per half word height
            double wordHeight = boxes.stream().mapToInt(r -> r.height).sorted().toArray()[boxes.size() / 2];
            for (int i = 0; i < texts.size(); i++) {
                if (i > 0) {
                    int gap = boxes.get(i).x - (boxes.get(i - 1).x + boxes.get(i - 1).width);
                    int spaces = gap < 1.2 * wordHeight ? 1 : (int) Math.max(2, Math.round(gap / (0.5 * wordHeight)));
                    text.append(" ".repeat(spaces));
                }
                text.append(texts.get(i));
                words.add(new OcrWord(texts.get(i), confidences.get(i), boxes.get(i), index, glyphHeights.get(i)));
            }
            pageWords.addAll(words);
            lines.add(new OcrLine(index, text.toString(), confidence, box, words));
        }
    }

    private void enter() {
        if (!busy.compareAndSet(false, true)) {
            throw new IllegalStateException("OcrEngine is not thread-safe and is in use by another thread");
        }
        if (closed) {
            busy.set(false);
            throw new IllegalStateException("OcrEngine is closed");
        }
    }

    private void leave() {
        busy.set(false);
    }

    /** Ends Tesseract and frees its native memory. Idempotent. */
    @Override
    public void close() {
        if (!busy.compareAndSet(false, true)) {
            throw new IllegalStateException("OcrEngine cannot be closed while it is recognising a page");
        }
        try {
            if (closed) {
                return;
            }
            closed = true;
            end(handle);
            handle = null;
            if (osdHandle != null) {
                end(osdHandle);
                osdHandle = null;
            }
            pixels = null;
        } finally {
            busy.set(false);
        }
    }

    private static void end(TessBaseAPI api) {
        TessAPI1.TessBaseAPIEnd(api);
        TessAPI1.TessBaseAPIDelete(api);
    }
}
