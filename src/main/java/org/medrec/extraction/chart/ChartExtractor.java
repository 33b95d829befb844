package org.medrec.extraction.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.extraction.validation.ClinicalDates;
import org.medrec.extraction.validation.Normalized;
import org.medrec.record.ReviewPolicy;

/**
 * Reads a chart document into a patient record: classifies it, finds its clinic, reads its
 * label-value pairs, tables and free-text sections per the forms configuration, and validates
 * every value. It never guesses: what it cannot read with confidence is marked for review, and a
 * document it cannot classify goes to review as a whole. Thread-safe (immutable).
 */
public final class ChartExtractor {

    /** What reading a document yields besides its values: its MRN and a doubt about the whole of it (or null). */
    private record Reading(String mrn, String doubt) {
    }

    public static final String UNKNOWN_CLINIC = "urn:medrec:clinic:unrecognised";
    /** A line that opens with words and a colon ("Discontinued:", "Continued on page 2:") is a note, not a table row. */
    private static final java.util.regex.Pattern OPENS_WITH_LABEL = java.util.regex.Pattern.compile(
            "^\\p{L}[\\p{L}']*(\\s+[\\p{L}\\d']+){0,3}:(\\s|$)");
    private static final int LETTERHEAD_LINES = 6;

    private final FormCatalog catalog;
    private final ReviewPolicy policy;
    private final ChartClassifier classifier;
    private final Map<String, LabelValues> labelsByType;

    public ChartExtractor(FormCatalog catalog, ReviewPolicy policy) {
        this.catalog = catalog;
        this.policy = policy;
        this.classifier = new ChartClassifier(catalog);
        Map<String, LabelValues> byType = new java.util.HashMap<>();
        catalog.forms().forEach(f -> byType.put(f.docType(), new LabelValues(catalog, catalog.labels(f), f.tables())));
        this.labelsByType = Map.copyOf(byType);
    }

    public ChartExtraction extract(ChartDocument document, long fileId, String path, LocalDate reference) {
        Classification c = classifier.classify(document);
        if (!c.medical()) {
            return new ChartExtraction.NotMedical(c.reason());
        }
        if (!c.classified()) {
            return new ChartExtraction.NotUnderstood(null, 0, system(clinic(document, true)), c.reason());
        }
        return read(c.form(), c.confidence(), document, fileId, path, reference);
    }

    /**
     * Reads the document as one of type {@code docType}, without classifying it: a person told its
     * type (keying a document medrec could not classify). Every value is validated as in
     * {@link #extract}; a type that is read only by a person gives {@code NotUnderstood}.
     *
     * @throws IllegalArgumentException when no form of {@code jobs/forms} has that type
     */
    public ChartExtraction extractAs(String docType, ChartDocument document, long fileId, String path, LocalDate reference) {
        FormSpec form = catalog.forms().stream().filter(f -> f.docType().equals(docType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no form of type " + docType));
        return read(form, 1.0, document, fileId, path, reference);
    }

    private ChartExtraction read(FormSpec form, double confidence, ChartDocument document, long fileId, String path,
                                 LocalDate reference) {
        ClinicSpec clinic = clinic(document, form.layout() != null);
        if (form.reviewWhole() != null) {
            return new ChartExtraction.NotUnderstood(form.docType(), confidence, system(clinic), form.reviewWhole());
        }
        LabelValues labels = labelsByType.get(form.docType());
        ClinicalDates dates = clinic != null && clinic.dateOrder() == ClinicalDates.Order.DAY_FIRST
                ? ClinicalDates.dayFirst() : ClinicalDates.monthFirst();
        ChartValues values = new ChartValues(dates, reference);
        RecordDraft draft = new RecordDraft(fileId, path, document.method(), policy);
        Checklists checklists = new Checklists(document.marks(), draft);
        Reading reading;
        if (form.layout() != null) {
            List<ChartLine> first = document.lines().stream().filter(l -> l.page() == document.lines().get(0).page()).toList();
            FormBoxes.Placement placement = FormBoxes.place(first, form.layout());
            if (placement == null) {
                return new ChartExtraction.NotUnderstood(form.docType(), confidence, system(clinic),
                        "the boxes of this " + form.docType()
                        + " form could not be placed on the page (too few of its printed captions were read):"
                        + " a person enters its values");
            }
            reading = readBoxes(document, first, placement, form, labels, clinic, values, draft, checklists);
        } else {
            reading = readLabelsAndTables(document, form, labels, clinic, values, draft, checklists);
        }
        draft.checkDatesAgainstBirth();
        List<FieldValue> fields = draft.fields();
        ExtractedRecord record = new ExtractedRecord(clinic == null ? UNKNOWN_CLINIC : clinic.identifierSystem(),
                reading.mrn(), form.docType(), fields);
        return new ChartExtraction.Extracted(form.docType(), record, confidence, reading.doubt());
    }

    /** A fixed-layout form (a claim) placed on its first page: each box's words are its value. */
    private Reading readBoxes(ChartDocument document, List<ChartLine> first, FormBoxes.Placement placement, FormSpec form,
                              LabelValues labels, ClinicSpec clinic, ChartValues values, RecordDraft draft,
                              Checklists checklists) {
        List<ChartLine> page = FormBoxes.remarked(first, form.layout(), placement);
        List<LabelValue> found = FormBoxes.fields(page, form.layout(), placement);
        new PatientFields(values, draft, labels, page, checklists).add(found, true);
        String mrn = mrn(found, clinic, draft);
        FormBoxes.atEdges(page, form.layout(), placement).forEach((span, why) -> draft.doubtValues(
                f -> overlaps(f.source().box(), span.sourceBox()), why));
        FormBoxes.addLists(page, form.layout(), placement, values, draft);
        String doubt = first.size() < document.lines().size() ? "the file holds more pages than the one " + form.docType()
                + " form medrec read: a person checks what the other pages hold" : null;
        return new Reading(mrn, doubt);
    }

    private static boolean overlaps(int[] a, int[] b) {
        return a != null && b != null && a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    }

    /** A form read by its labels, tables, dose grids, checklists and note sections. */
    private Reading readLabelsAndTables(ChartDocument document, FormSpec form, LabelValues labels, ClinicSpec clinic,
                                        ChartValues values, RecordDraft draft, Checklists checklists) {
        List<LabelValue> found = labels.read(document);
        new PatientFields(values, draft, labels, document.lines(), checklists).add(found, form.docType().equals("note"));
        String mrn = mrn(found, clinic, draft);
        Predicate<ChartLine> stop = line -> line.cells().stream().anyMatch(cell -> heading(cell, form))
                || footer(line)
                || OPENS_WITH_LABEL.matcher(line.text()).lookingAt()
                || form.tables().stream().anyMatch(t -> !RuledTables.header(line, t).isEmpty())
                || form.sections().values().stream().anyMatch(h -> Phrases.startsWith(line.all(), h) > 0)
                || labels.finder().find(line).stream().anyMatch(hit -> hit.from() == 0);
        int rows = 0;
        for (TableSpec table : form.tables()) {
            List<RuledTables.Row> read = RuledTables.read(document.lines(), table, stop);
            TableFields.add(table, read, values, draft);
            rows += read.size();
        }
        if (form.doseGrid() != null && rows == 0) {
            rows += DoseGrids.read(document.lines(), form.doseGrid(), values, draft);
        }
        String doubt = form.expectsRows() && rows == 0
                ? "no line of the " + form.docType() + " table could be read (an unknown layout, a grid or handwriting):"
                + " its entries must be entered by a person" : null;
        form.checklists().forEach((list, headings) -> checklists.add(document.lines(), list, "display", headings,
                line -> heading(line.all(), form) || footer(line)));
        if (!form.sections().isEmpty()) {
            Predicate<ChartLine> ends = line -> footer(line) || !labels.finder().find(line).isEmpty() || clinicLine(line);
            new NoteFields(draft, values).add(NoteSections.read(document.lines(), form.sections(), ends));
        }
        return new Reading(mrn, doubt);
    }

    /**
     * The clinic whose letterhead heads the first page (or any page's header); on a fixed-layout
     * form, whose name stands anywhere on it (a claim's billing provider box).
     */
    private static String system(ClinicSpec clinic) {
        return clinic == null ? null : clinic.identifierSystem();
    }

    private ClinicSpec clinic(ChartDocument document, boolean anywhere) {
        List<ChartLine> lines = document.lines();
        for (int pass = 0; pass < 2; pass++) {
            int page = -1, onPage = 0;
            for (ChartLine line : lines) {
                onPage = line.page() == page ? onPage + 1 : 0;
                page = line.page();
                if ((onPage >= LETTERHEAD_LINES && !anywhere) || (pass == 0 && page != lines.get(0).page())) {
                    continue;
                }
                String text = Phrases.folded(line.all());
                for (ClinicSpec clinic : catalog.clinics()) {
                    if (clinic.letterhead().stream().anyMatch(l -> Phrases.contains(text, l))) {
                        return clinic;
                    }
                }
            }
        }
        return null;
    }

    /** The span starts with a heading of the form or a common one. */
    private boolean heading(Span span, FormSpec form) {
        return Phrases.startsWith(span, catalog.headings()) > 0 || Phrases.startsWith(span, form.headings()) > 0;
    }

    /** A page footer or form number. */
    private boolean footer(ChartLine line) {
        return catalog.footers().stream().anyMatch(f -> f.matcher(line.text()).find());
    }

    /** A line of a clinic's letterhead (repeated at the top of each page). */
    private boolean clinicLine(ChartLine line) {
        String text = Phrases.folded(line.all());
        return catalog.clinics().stream().anyMatch(c -> c.letterhead().stream().anyMatch(l -> Phrases.contains(text, l)));
    }

    /** The MRN as the clinic writes it; a value that does not fit the clinic's format goes to review. */
    private static String mrn(List<LabelValue> found, ClinicSpec clinic, RecordDraft draft) {
        LabelValue best = null;
        String bestText = null;
        List<String> seen = new ArrayList<>();
        for (LabelValue v : found) {
            if (!v.key().equals("mrn") || v.value().isEmpty()) {
                continue;
            }
            String text = v.value().text().replaceAll("\\s+", "");
            boolean fits = clinic != null && clinic.mrn().matcher(text).matches();
            seen.add(text);
            if (best == null || (fits && !(clinic.mrn().matcher(bestText).matches()))
                    || (fits == (clinic != null && clinic.mrn().matcher(bestText).matches())
                    && v.value().confidence() > best.value().confidence())) {
                best = v;
                bestText = text;
            }
        }
        if (best == null) {
            return null;
        }
        String doubt = null;
        if (clinic == null) {
            doubt = "the clinic is not one medrec knows (jobs/forms/clinics.yml): the MRN cannot be filed under its system";
        } else if (!clinic.mrn().matcher(bestText).matches()) {
            doubt = "'" + bestText + "' does not have the format of " + clinic.name() + "'s medical record numbers";
        }
        for (String other : seen) {
            if (!other.equals(bestText) && clinic != null && clinic.mrn().matcher(other).matches()) {
                doubt = "the pages print different medical record numbers ('" + bestText + "', '" + other + "')";
            }
        }
        draft.add("mrn", Cell.of(best.value()), Normalized.ok(bestText), doubt);
        return bestText;
    }
}
