/**
 * Reading chart pages into records: {@code chart} classifies a document and extracts its fields (a page is seen here
 * as {@link org.medrec.extraction.chart.ChartLine}s of words), {@code validation} checks and normalises every value.
 */
package org.medrec.extraction;
