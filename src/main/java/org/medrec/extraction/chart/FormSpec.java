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
 * @param labels   label spellings only this form prints (a claim form's box captions), added to the
 *                 common ones when a document of this type is read
 * @param checklists headings of lists printed as boxes to tick, per record-model list ({@code conditions})
 * @param reviewWhole why every document of this type goes to review as a whole (a type medrec
 *                 recognises but does not read), or null
 * @param doseGrid how the form prints doses as a grid (an immunization card), or null
 * @param layout   where a fixed-layout form's boxes stand (a claim form), or null
 * @param titleWords words titles of this type are made of ("Shot Record", "Clinic Visit"): a title
 *                 medrec has not been told, standing alone near the top, counts a little when it holds one
 */
public record FormSpec(String docType, List<String> titles, List<String> keywords, List<TableSpec> tables,
                Map<String, List<String>> sections, List<String> headings, boolean expectsRows,
                Map<String, List<String>> labels, String reviewWhole, Map<String, List<String>> checklists,
                DoseGridSpec doseGrid, FormLayout layout, List<String> titleWords) {

    public FormSpec {
        if (docType == null || docType.isBlank()) {
            throw new IllegalArgumentException("doc-type is missing");
        }
        checklists = checklists == null ? Map.of() : Map.copyOf(checklists);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        headings = headings == null ? List.of() : List.copyOf(headings);
        titles = titles == null ? List.of() : List.copyOf(titles);
        titleWords = titleWords == null ? List.of() : List.copyOf(titleWords);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        tables = tables == null ? List.of() : List.copyOf(tables);
        sections = sections == null ? Map.of() : Map.copyOf(sections);
    }
}
