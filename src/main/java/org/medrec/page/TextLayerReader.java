package org.medrec.page;

import java.awt.Rectangle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads one PDF page's text layer as words with boxes in pixel coordinates of the page rendered at a given
 * resolution. PDFBox hands over text in runs ({@link #writeString(String, List)}); the runs are split into
 * words at whitespace. Counts visible and invisible (render mode 3, as in an OCR layer laid over a scan)
 * letters and digits. Not thread-safe: one per page.
 */
final class TextLayerReader extends PDFTextStripper {

    /** What one page's text layer holds. */
    record Result(List<TextWord> words, String text, int visibleChars, int invisibleChars) {
    }

    private final double scale;
    private final List<TextWord> words = new ArrayList<>();
    private int line;
    private int visibleChars;
    private int invisibleChars;

    private TextLayerReader(int dpi) {
        this.scale = dpi / 72.0;
        setSortByPosition(true);
    }

    static Result read(PDDocument document, int pageNumber, int dpi) throws IOException {
        TextLayerReader reader = new TextLayerReader(dpi);
        reader.setStartPage(pageNumber);
        reader.setEndPage(pageNumber);
        String text = reader.getText(document);
        return new Result(List.copyOf(reader.words), text, reader.visibleChars, reader.invisibleChars);
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        int alnum = (int) text.getUnicode().codePoints().filter(Character::isLetterOrDigit).count();
        if (getGraphicsState().getTextState().getRenderingMode() == RenderingMode.NEITHER) {
            invisibleChars += alnum;
        } else {
            visibleChars += alnum;
        }
        super.processTextPosition(text);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
        StringBuilder word = new StringBuilder();
        double left = Double.MAX_VALUE;
        double top = Double.MAX_VALUE;
        double right = -Double.MAX_VALUE;
        double bottom = -Double.MAX_VALUE;
        for (TextPosition p : positions) {
            String unicode = p.getUnicode();
            if (unicode.isBlank()) {
                addWord(word, left, top, right, bottom);
                word.setLength(0);
                left = top = Double.MAX_VALUE;
                right = bottom = -Double.MAX_VALUE;
                continue;
            }
            word.append(unicode);
            double[] box = glyphBox(p);
            left = Math.min(left, box[0]);
            top = Math.min(top, box[1]);
            right = Math.max(right, box[2]);
            bottom = Math.max(bottom, box[3]);
        }
        addWord(word, left, top, right, bottom);
        super.writeString(text, positions);
    }

    /**
     * A glyph's box in points on the displayed page (page rotation applied, origin top left): left, top,
     * right, bottom. The "DirAdj" coordinates are in the page's own upright frame for text that runs left to
     * right on the unrotated page (dir 0), whatever the page's /Rotate; that frame is then turned as the
     * renderer turns the page. Text running in another direction gets a rough square at its origin.
     */
    private static double[] glyphBox(TextPosition p) {
        double height = Math.max(p.getHeightDir(), p.getFontSizeInPt() * 0.7);
        if (p.getDir() != 0) {
            return new double[] {p.getX(), p.getY() - height, p.getX() + height, p.getY()};
        }
        double u0 = p.getXDirAdj();
        double u1 = u0 + p.getWidthDirAdj();
        double v0 = p.getYDirAdj() - height;
        double v1 = p.getYDirAdj() + height * 0.25;
        double w = p.getPageWidth();
        double h = p.getPageHeight();
        return switch (Math.floorMod(p.getRotation(), 360)) {
            case 90 -> new double[] {h - v1, u0, h - v0, u1};
            case 180 -> new double[] {w - u1, h - v1, w - u0, h - v0};
            case 270 -> new double[] {v0, w - u1, v1, w - u0};
            default -> new double[] {u0, v0, u1, v1};
        };
    }

    private void addWord(CharSequence word, double left, double top, double right, double bottom) {
        if (word.isEmpty()) {
            return;
        }
        int x = (int) Math.floor(left * scale);
        int y = (int) Math.floor(top * scale);
        int w = Math.max(1, (int) Math.ceil(right * scale) - x);
        int h = Math.max(1, (int) Math.ceil(bottom * scale) - y);
        words.add(new TextWord(word.toString(), new Rectangle(x, y, w, h), line));
    }

    @Override
    protected void writeLineSeparator() throws IOException {
        line++;
        super.writeLineSeparator();
    }
}
