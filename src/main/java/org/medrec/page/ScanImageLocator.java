package org.medrec.page;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Finds the largest image drawn on a PDF page and the resolution it is drawn at (image pixels per inch of
 * page), which for a scan is the scan resolution. Uses the transformation matrix in force when the image is
 * drawn, so it also works when the image does not fill the page. Not thread-safe: one per page.
 */
final class ScanImageLocator extends PDFStreamEngine {

    /**
     * The largest image: its share of the page area and its resolution along x and y; the image and where it is
     * drawn (the transformation of its unit square); {@code alone} when it is the only thing the page's content
     * paints (no other image, text, path, shading or clipping).
     */
    record ScanImage(double pageCoverage, double dpiX, double dpiY, PDImageXObject image, Matrix drawn, boolean alone) {
    }

    /** Operators that paint or clip something besides an image XObject. */
    private static final java.util.Set<String> OTHER_MARKS = java.util.Set.of(
            OperatorName.SHOW_TEXT, OperatorName.SHOW_TEXT_ADJUSTED, OperatorName.SHOW_TEXT_LINE,
            OperatorName.SHOW_TEXT_LINE_AND_SPACE, OperatorName.STROKE_PATH, OperatorName.CLOSE_AND_STROKE,
            OperatorName.FILL_NON_ZERO, OperatorName.LEGACY_FILL_NON_ZERO, OperatorName.FILL_EVEN_ODD,
            OperatorName.FILL_NON_ZERO_AND_STROKE, OperatorName.FILL_EVEN_ODD_AND_STROKE,
            OperatorName.CLOSE_FILL_NON_ZERO_AND_STROKE, OperatorName.CLOSE_FILL_EVEN_ODD_AND_STROKE,
            OperatorName.SHADING_FILL, OperatorName.BEGIN_INLINE_IMAGE, OperatorName.CLIP_NON_ZERO,
            OperatorName.CLIP_EVEN_ODD);

    private double bestArea;
    private double bestDpiX;
    private double bestDpiY;
    private PDImageXObject bestImage;
    private Matrix bestDrawn;
    private int marks;

    ScanImageLocator() {
        addOperator(new Concatenate(this));
        addOperator(new DrawObject(this));
        addOperator(new SetGraphicsStateParameters(this));
        addOperator(new Save(this));
        addOperator(new Restore(this));
        addOperator(new SetMatrix(this));
    }

    /** The largest image on the page, or null when the page draws no image XObject. */
    static ScanImage find(PDPage page) throws IOException {
        ScanImageLocator locator = new ScanImageLocator();
        locator.processPage(page);
        if (locator.bestArea <= 0) {
            return null;
        }
        PDRectangle box = page.getCropBox();
        double pageArea = (double) box.getWidth() * box.getHeight();
        return new ScanImage(Math.min(1.0, locator.bestArea / pageArea), locator.bestDpiX, locator.bestDpiY,
                locator.bestImage, locator.bestDrawn, locator.marks == 1);
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        if (OTHER_MARKS.contains(operator.getName())) {
            marks++;
        }
        if (OperatorName.DRAW_OBJECT.equals(operator.getName()) && !operands.isEmpty()
                && operands.get(0) instanceof COSName name) {
            marks++;   // a form XObject draws marks of its own: counted once, which makes the page not one image alone
            PDXObject xobject = getResources().getXObject(name);
            if (xobject instanceof PDImageXObject image) {
                Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
                // the unit square is mapped to the page: its sides are the drawn width and height in points
                double widthPt = Math.hypot(ctm.getValue(0, 0), ctm.getValue(0, 1));
                double heightPt = Math.hypot(ctm.getValue(1, 0), ctm.getValue(1, 1));
                double area = widthPt * heightPt;
                if (area > bestArea && widthPt > 0 && heightPt > 0) {
                    bestArea = area;
                    // an image drawn turned by 90 degrees has its pixel rows along the page's y axis
                    boolean turned = Math.abs(ctm.getValue(0, 1)) > Math.abs(ctm.getValue(0, 0));
                    double dpiAlongImageX = image.getWidth() / (widthPt / 72.0);
                    double dpiAlongImageY = image.getHeight() / (heightPt / 72.0);
                    bestDpiX = turned ? dpiAlongImageY : dpiAlongImageX;
                    bestDpiY = turned ? dpiAlongImageX : dpiAlongImageY;
                    bestImage = image;
                    bestDrawn = ctm.clone();
                }
                return;
            }
        }
        super.processOperator(operator, operands);
    }
}
