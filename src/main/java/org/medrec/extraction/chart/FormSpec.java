package org.medrec.extraction.chart;

import java.util.List;
import java.util.Map;

/**
 * One document type of {@code jobs/forms}: the titles and words that identify it, its tables and
 * the headings of its free-text sections. Immutable.
 *
 * @param sections heading spellings per section kind ({@code reason}, {@code history},
 *                 {@code allergies}, {@code vitals}, {@code assessment}, {@code medications},
 *                 {@code other} for headings that only end the section before them)
 * @param headings other headings of the form: they end the table above them
 * @param expectsRows whether its tables are what it is for: none read means it was not understood
 */
record FormSpec(String docType, List<String> titles, List<String> keywords, List<TableSpec> tables,
                Map<String, List<String>> sections, List<String> headings, boolean expectsRows) {

    FormSpec {
        headings = List.copyOf(headings);
        titles = List.copyOf(titles);
        keywords = List.copyOf(keywords);
        tables = List.copyOf(tables);
        sections = Map.copyOf(sections);
    }
}
