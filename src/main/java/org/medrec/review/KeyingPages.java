package org.medrec.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medrec.extraction.chart.ChartExtraction;
import org.medrec.extraction.chart.ChartExtractor;
import org.medrec.extraction.chart.FormCatalog;
import org.medrec.extraction.chart.FormSpec;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The keying page of a document or a spreadsheet row medrec could not read: every page of the
 * document with the words read on it (to pick into a field), and the data-entry form for the type
 * the technician picks, filled with what medrec reads on the stored page words when it reads the
 * document as that type (marked, and validated like everything typed); for a row, its cells under
 * their headers (the bad one marked), or, for a record that could not be split into its columns,
 * its raw text beside the form of what its sheet holds. Thread-safe.
 */
@Component
@ConditionalOnWebApplication
class KeyingPages {

    /** A word on a page image: its text, and its box as percentages of the page ({@code left top width height}). */
    record WordView(String text, String box) {
    }

    /** A page as the keying page shows it. */
    record PageView(int number, int width, int height, List<WordView> words) {
    }

    /** Flash attributes a refused save leaves for the page (see {@link KeyingController}). */
    static final String TYPED = "keyedValues";
    static final String PROBLEMS = "keyedProblems";
    static final String CLINIC = "keyedClinic";
    static final String NEW_CLINIC = "keyedNewClinic";
    static final String CELLS = "keyedCells";
    static final String CELL_PROBLEM = "keyedCellProblem";

    private final PageWords pageWords;
    private final Originals originals;
    private final ChartExtractor extractor;
    private final FormCatalog forms;
    private final Keying keying;
    private final ClinicDirectory clinics;
    private final RowCells rows;

    KeyingPages(PageWords pageWords, Originals originals, ChartExtractor extractor, FormCatalog forms, Keying keying,
                ClinicDirectory clinics, RowCells rows) {
        this.pageWords = pageWords;
        this.originals = originals;
        this.extractor = extractor;
        this.forms = forms;
        this.keying = keying;
        this.clinics = clinics;
        this.rows = rows;
    }

    /** Fills the model of the keying page for {@code item} (a document or row); {@code type}: the document type picked. */
    @SuppressWarnings("unchecked")
    String show(ItemDetails.Item item, String type, Model model) {
        Map<String, String> typed = (Map<String, String>) model.getAttribute(TYPED);
        Map<String, String> problems = (Map<String, String>) model.getAttribute(PROBLEMS);
        problems = problems == null ? Map.of() : problems;
        List<ClinicDirectory.Known> known = clinics.known();
        String clinic = (String) model.getAttribute(CLINIC);
        Map<String, KeyingForm.Filled> values = new LinkedHashMap<>();
        if (typed != null) {
            typed.forEach((path, value) -> values.put(path, KeyingForm.Filled.typed(value)));
        }
        KeyingForm.Layout layout = null;
        String docType = null;
        List<PageWords.Page> pages = List.of();
        if (item.kind().equals("document")) {
            pages = originals.check(item) == Originals.State.SAME ? pageWords.pages(item.sourceFileId()) : List.of();
            Optional<FormSpec> form = forms.forms().stream().filter(f -> f.docType().equals(type)).findFirst();
            if (form.isPresent()) {
                docType = type;
                layout = KeyingForm.layout(form.get());
                if (typed == null && !pages.isEmpty()) {
                    String system = prefill(item, form.get().docType(), pages, values);
                    clinic = clinic == null && system != null ? nameOf(system, known) : clinic;
                }
            }
        } else {
            Optional<RowCells.Row> row = rows.read(item);
            model.addAttribute("row", row.orElse(null));
            model.addAttribute("broken", row.map(RowCells.Row::isBroken).orElse(false));
            model.addAttribute("cells", model.getAttribute(CELLS) == null ? Map.of() : model.getAttribute(CELLS));
            if (row.isEmpty() || row.get().isBroken()) {
                layout = row.map(r -> KeyingForm.layout(r.source().paths())).orElseGet(KeyingForm::everything);
            }
        }
        if (clinic == null && item.identifierSystem() != null) {
            clinic = nameOf(item.identifierSystem(), known);
        }
        model.addAttribute("pages", pages.stream().map(KeyingPages::view).toList());
        model.addAttribute("docTypes", keying.docTypes());
        model.addAttribute("docType", docType);
        model.addAttribute("form", layout == null ? null : KeyingForm.form(layout, values, problems));
        model.addAttribute("prefilled", typed == null ? values.size() : 0);
        model.addAttribute("clinics", known);
        model.addAttribute("clinic", clinic);
        model.addAttribute("problems", problems);
        return "keying";
    }

    /** Reads the stored page words as a document of {@code docType}; fills what was read; returns the clinic read, or null. */
    private String prefill(ItemDetails.Item item, String docType, List<PageWords.Page> pages,
                           Map<String, KeyingForm.Filled> values) {
        ChartExtraction read = extractor.extractAs(docType, PageWords.document(pages), item.sourceFileId(), item.path(),
                LocalDate.now());
        return read.map(notMedical -> null, notUnderstood -> notUnderstood.identifierSystem(), extracted -> {
            values.putAll(KeyingForm.read(extracted.record().fields()));
            String system = extracted.record().identifierSystem();
            return system.equals(ChartExtractor.UNKNOWN_CLINIC) ? null : system;
        });
    }

    private static String nameOf(String system, List<ClinicDirectory.Known> known) {
        return known.stream().filter(k -> k.system().equals(system)).map(ClinicDirectory.Known::name).findFirst().orElse(system);
    }

    private static PageView view(PageWords.Page page) {
        List<WordView> words = new ArrayList<>();
        for (PageWords.Word w : page.words()) {
            if (!w.text().isBlank()) {
                words.add(new WordView(w.text(), page.percent(w)));
            }
        }
        return new PageView(page.number(), page.width(), page.height(), List.copyOf(words));
    }
}
