package org.medrec.ocr;

import java.awt.Rectangle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A read page as one line of text (Base64 of a binary form) for the pipe between an OCR
 * process and medrec: everything but the prepared image, which stays in the worker.
 */
final class PageTextCodec {

    private PageTextCodec() {
    }

    static String encode(PageText page) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(page.number());
            out.writeUTF(page.source().name());
            out.writeLong(page.times().decodeMillis());
            out.writeLong(page.times().prepareMillis());
            out.writeLong(page.times().recognizeMillis());
            writeOcr(out, page.ocr());
            out.writeBoolean(page.prepared() != null);
            if (page.prepared() != null) {
                writePrepared(out, page.prepared());
            }
            writeGlyphHeights(out, page.ocr());
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a byte array does not fail
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static PageText decode(String line) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(line)))) {
            int number = in.readInt();
            PageText.Source source = PageText.Source.valueOf(in.readUTF());
            PageText.Times times = new PageText.Times(in.readLong(), in.readLong(), in.readLong());
            OcrPage ocr = readOcr(in);
            PreparedPage prepared = in.readBoolean() ? readPrepared(in) : null;
            ocr = readGlyphHeights(in, ocr);
            return new PageText(number, source, ocr, prepared, times);
        } catch (IOException e) {
            throw new IllegalArgumentException("a malformed page from the OCR process", e);
        }
    }

    private static void writeOcr(DataOutputStream out, OcrPage ocr) throws IOException {
        out.writeInt(ocr.width());
        out.writeInt(ocr.height());
        out.writeInt(ocr.dpi());
        writeWords(out, ocr.words());
        out.writeInt(ocr.lines().size());
        for (OcrLine line : ocr.lines()) {
            out.writeInt(line.index());
            writeText(out, line.text());
            out.writeDouble(line.confidence());
            writeBox(out, line.box());
            writeWords(out, line.words());
        }
        writeCheckboxes(out, ocr.checkboxes());
    }

    private static OcrPage readOcr(DataInputStream in) throws IOException {
        int width = in.readInt();
        int height = in.readInt();
        int dpi = in.readInt();
        List<OcrWord> words = readWords(in);
        int lineCount = in.readInt();
        List<OcrLine> lines = new ArrayList<>(lineCount);
        for (int i = 0; i < lineCount; i++) {
            lines.add(new OcrLine(in.readInt(), readText(in), in.readDouble(), readBox(in), readWords(in)));
        }
        return new OcrPage(width, height, dpi, words, lines, readCheckboxes(in));
    }

    /** The glyph heights of the lines' words, last: a page written without them reads with none. */
    private static void writeGlyphHeights(DataOutputStream out, OcrPage ocr) throws IOException {
        List<OcrWord> words = ocr.lines().stream().flatMap(l -> l.words().stream()).toList();
        out.writeInt(words.size());
        for (OcrWord w : words) {
            out.writeInt(w.glyphHeight());
        }
    }

    private static OcrPage readGlyphHeights(DataInputStream in, OcrPage ocr) throws IOException {
        if (in.available() < 4) {
            return ocr;
        }
        int count = in.readInt();
        int[] heights = new int[count];
        for (int i = 0; i < count; i++) {
            heights[i] = in.readInt();
        }
        int[] next = {0};
        List<OcrLine> lines = ocr.lines().stream().map(l -> new OcrLine(l.index(), l.text(), l.confidence(), l.box(),
                l.words().stream().map(w -> next[0] < count ? new OcrWord(w.text(), w.confidence(), w.box(), w.lineIndex(),
                        heights[next[0]++]) : w).toList())).toList();
        return new OcrPage(ocr.width(), ocr.height(), ocr.dpi(), lines.stream().flatMap(l -> l.words().stream()).toList(),
                lines, ocr.checkboxes());
    }

    private static void writeWords(DataOutputStream out, List<OcrWord> words) throws IOException {
        out.writeInt(words.size());
        for (OcrWord word : words) {
            writeText(out, word.text());
            out.writeDouble(word.confidence());
            writeBox(out, word.box());
            out.writeInt(word.lineIndex());
        }
    }

    private static List<OcrWord> readWords(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<OcrWord> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            words.add(new OcrWord(readText(in), in.readDouble(), readBox(in), in.readInt()));
        }
        return words;
    }

    private static void writeCheckboxes(DataOutputStream out, List<Checkbox> checkboxes) throws IOException {
        out.writeInt(checkboxes.size());
        for (Checkbox box : checkboxes) {
            writeBox(out, box.box());
            out.writeBoolean(box.checked());
            out.writeDouble(box.confidence());
        }
    }

    private static List<Checkbox> readCheckboxes(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<Checkbox> checkboxes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            checkboxes.add(new Checkbox(readBox(in), in.readBoolean(), in.readDouble()));
        }
        return checkboxes;
    }

    private static void writePrepared(DataOutputStream out, PreparedPage p) throws IOException {
        out.writeInt(p.dpi());
        out.writeDouble(p.scale());
        out.writeInt(p.sourceWidth());
        out.writeInt(p.sourceHeight());
        out.writeInt(p.orientation().rotation());
        out.writeDouble(p.orientation().confidence());
        out.writeUTF(p.orientation().method().name());
        out.writeDouble(p.skewDegrees());
        out.writeBoolean(p.deskewed());
        out.writeInt(p.specksRemoved());
        out.writeInt(p.leaderDots());
        writeCheckboxes(out, p.checkboxes());
        out.writeBoolean(p.binarized());
        out.writeDouble(p.inkRatio());
        out.writeBoolean(p.blank());
        PreparedPage.Timings t = p.timings();
        for (long millis : new long[] {t.analysisMillis(), t.orientationMillis(), t.formMarksMillis(), t.deskewMillis(),
                t.despeckleMillis(), t.upscaleMillis(), t.binarizeMillis()}) {
            out.writeLong(millis);
        }
    }

    private static PreparedPage readPrepared(DataInputStream in) throws IOException {
        int dpi = in.readInt();
        double scale = in.readDouble();
        int sourceWidth = in.readInt();
        int sourceHeight = in.readInt();
        Orientation orientation = new Orientation(in.readInt(), in.readDouble(), Orientation.Method.valueOf(in.readUTF()));
        double skew = in.readDouble();
        boolean deskewed = in.readBoolean();
        int specks = in.readInt();
        int leaderDots = in.readInt();
        List<Checkbox> checkboxes = readCheckboxes(in);
        boolean binarized = in.readBoolean();
        double inkRatio = in.readDouble();
        boolean blank = in.readBoolean();
        PreparedPage.Timings timings = new PreparedPage.Timings(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                in.readLong(), in.readLong(), in.readLong());
        return new PreparedPage(null, dpi, scale, sourceWidth, sourceHeight, orientation, skew, deskewed, specks,
                leaderDots, checkboxes, binarized, inkRatio, blank, timings);
    }

    private static void writeBox(DataOutputStream out, Rectangle box) throws IOException {
        out.writeInt(box.x);
        out.writeInt(box.y);
        out.writeInt(box.width);
        out.writeInt(box.height);
    }

    private static Rectangle readBox(DataInputStream in) throws IOException {
        return new Rectangle(in.readInt(), in.readInt(), in.readInt(), in.readInt());
    }

    /** Text of any length (writeUTF stops at 64 KB; a text-layer line of a generated PDF can be longer). */
    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }
}
