/**
 * Preprocessing and OCR of page images with Tesseract 5.3 through tess4j 5.5.0.
 *
 * <ul>
 *   <li>{@link org.medrec.ocr.OcrEngine}: one Tesseract instance (not thread-safe), words and lines with
 *       confidences (0..1) and boxes from the result iterator; {@link org.medrec.ocr.OcrEngines} gives each
 *       worker thread its own and closes them all.</li>
 *   <li>{@link org.medrec.ocr.Preprocessor}: blank-page detection, orientation (OSD), form marks (dot leaders
 *       and checkboxes painted out, the checkboxes kept with their state as {@link org.medrec.ocr.Checkbox}es),
 *       deskew, optional despeckle and binarisation; the source image is never modified and every step is
 *       recorded in {@link org.medrec.ocr.PreparedPage}, which maps boxes back to the source page.</li>
 *   <li>{@link org.medrec.ocr.PageReader}: the whole path for one page: text layer, or preprocessing and OCR,
 *       or blank.</li>
 * </ul>
 *
 * <p>Measured on this machine (Tesseract 5.3.0, one thread, {@code OMP_THREAD_LIMIT=1}): PSM 4 kept 41 of 41
 * label-value and table rows of the sample scans on one line (PSM 6: 41, PSM 3: 31, PSM 11: 1) and read 0.914
 * of the dev corpus truth values (PSM 6: 0.661, as it does not remove the grid lines of boxed tables). OCR takes
 * 0.8 to 1.1 s for a letter page at 200 to 300 dpi; OSD 0.3 to 0.4 s more, which is why it runs only for a page
 * that reads poorly ({@link org.medrec.ocr.PreprocessSettings.OrientationCheck#WHEN_UNREADABLE}).
 */
package org.medrec.ocr;
