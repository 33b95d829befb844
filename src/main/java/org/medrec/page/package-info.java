/**
 * Source files (PDF, TIFF, PNG, JPEG) into page images, one page at a time: {@link org.medrec.page.PageSource}
 * gives {@link org.medrec.page.SourcePage}s in 8-bit grayscale with square pixels and their resolution.
 *
 * <ul>
 *   <li>PDF (PDFBox 3): a page with a real text layer (at least 20 visible letters and digits, and not just a
 *       stamp over a full-page scan) keeps its words with boxes in pixels of the page rendered at 300 dpi,
 *       /Rotate included; a scanned page is rendered at the native resolution of its scan image (clamped to
 *       150..400 dpi), so a 200-dpi scan is not blown up to 300 dpi. An invisible OCR layer over a scan (text
 *       render mode 3) does not count as a text layer: the page is OCRed again.</li>
 *   <li>TIFF, PNG, JPEG (JDK ImageIO): resolution from TIFF XResolution/YResolution/ResolutionUnit, PNG pHYs,
 *       JPEG JFIF; missing or implausible metadata gives an estimate for a US letter page, flagged
 *       {@code dpiEstimated}. Anisotropic scans (fax 204 x 98 dpi) are stretched along the short axis.</li>
 *   <li>A page above the pixel limit is refused with {@link org.medrec.page.PageTooLargeException}, which names
 *       the file, the page and the size.</li>
 * </ul>
 *
 * <p>One page goes by five names on its way through medrec, each the type of one stage:
 * <ol>
 *   <li>{@link org.medrec.page.SourcePage} (page): the page decoded from its file, gray pixels at a known resolution,
 *       with its text layer when it has one;</li>
 *   <li>{@link org.medrec.ocr.PreparedPage} (ocr): that image oriented, deskewed and cleaned for Tesseract, with the
 *       mapping of its boxes back to the source page;</li>
 *   <li>{@link org.medrec.ocr.OcrPage} (ocr): what Tesseract read on the prepared image: words, lines, confidences,
 *       boxes;</li>
 *   <li>{@link org.medrec.ocr.PageText} (ocr): what was read of the page, by text layer or OCR, with its checkboxes:
 *       what the store keeps ({@code page}) and extraction reads;</li>
 *   <li>{@link org.medrec.extraction.chart.ChartLine} (extraction): a line of words of a whole document, as the
 *       forms are matched against it.</li>
 * </ol>
 */
package org.medrec.page;
