/**
 * A chart document (one file's {@link org.medrec.ocr.PageText}s as {@link org.medrec.extraction.chart.ChartLine}s, top to
 * bottom, page by page) classified by the forms of {@code jobs/forms} and read into an
 * {@link org.medrec.record.ExtractedRecord} whose doubtful values carry their reasons
 * ({@link org.medrec.extraction.chart.ChartExtractor}). Plain Java, no Spring, no OCR.
 */
package org.medrec.extraction.chart;
