package org.medrec.extraction.chart;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.medrec.extraction.ExtractedRecord;
import org.medrec.extraction.FieldValue;
import org.medrec.extraction.validation.ClinicalDates;
import org.medrec.extraction.validation.Cvx;
import org.medrec.extraction.validation.Money;
import org.medrec.extraction.validation.Normalized;

/**
 * Reads a chart document into a patient record: classifies it, finds its clinic, reads its
 * label-value pairs, tables and free-text sections per the forms configuration, and validates
 * every value. It never guesses: what it cannot read with confidence is marked for review, and a
 * document it cannot classify goes to review as a whole. Thread-safe (immutable).
 */
public final class ChartExtractor {

    static final String UNKNOWN_CLINIC = "urn:medrec:clinic:unrecognised";
    /** A line that opens with words and a colon ("Discontinued:", "Continued on page 2:") is a note, not a table row. */
    private static final java.util.regex.Pattern OPENS_WITH_LABEL = java.util.regex.Pattern.compile(
            "^\\p{L}[\\p{L}']*(\\s+[\\p{L}\\d']+){0,3}:(\\s|$)");
    private static final int LETTERHEAD_LINES = 6;

    private final FormCatalog catalog;
    private final ReviewPolicy policy;
    private final ChartClassifier classifier;
    private final Map<String, LabelValues> labelsByType = new java.util.HashMap<>();

    public ChartExtractor(FormCatalog catalog, ReviewPolicy policy) {
        this.catalog = catalog;
        this.policy = policy;
        this.classifier = new ChartClassifier(catalog);
        catalog.forms().forEach(f -> labelsByType.put(f.docType(), new LabelValues(catalog, catalog.labels(f))));
    }

    public ChartExtraction extract(ChartDocument document, long fileId, String path, LocalDate reference) {
        Classification c = classifier.classify(document);
        if (!c.medical()) {
            return new ChartExtraction(ChartExtraction.Outcome.NOT_MEDICAL, null, null, 0, c.reason(), null);
        }
        if (!c.classified()) {
            return new ChartExtraction(ChartExtraction.Outcome.NOT_UNDERSTOOD, null, null, 0, c.reason(), null);
        }
        FormSpec form = c.form();
        if (form.reviewWhole() != null) {
            return new ChartExtraction(ChartExtraction.Outcome.NOT_UNDERSTOOD, form.docType(), null, c.confidence(),
                    form.reviewWhole(), null);
        }
        LabelValues labels = labelsByType.get(form.docType());
        ClinicSpec clinic = clinic(document);
        ClinicalDates dates = clinic != null && clinic.dateOrder() == ClinicalDates.Order.DAY_FIRST
                ? ClinicalDates.dayFirst() : ClinicalDates.monthFirst();
        ChartValues values = new ChartValues(dates, reference);
        RecordDraft draft = new RecordDraft(fileId, path, document.method(), policy);
        List<LabelValue> found = labels.read(document);
        Checklists checklists = new Checklists(document.marks(), draft);
        new PatientFields(values, draft, labels, document.lines(), checklists).add(found, form.docType().equals("note"));
        String mrn = mrn(found, clinic, draft);
        Predicate<ChartLine> stop = line -> line.cells().stream().anyMatch(cell -> Phrases.startsWith(cell, catalog.headings()) > 0
                || Phrases.startsWith(cell, form.headings()) > 0)
                || catalog.footers().stream().anyMatch(f -> f.matcher(line.text()).find())
                || OPENS_WITH_LABEL.matcher(line.text()).lookingAt()
                || form.tables().stream().anyMatch(t -> !RuledTables.header(line, t).isEmpty())
                || form.sections().values().stream().anyMatch(h -> Phrases.startsWith(line.all(), h) > 0)
                || !labels.finder().find(line).isEmpty();
        int rows = 0;
        for (TableSpec table : form.tables()) {
            List<RuledTables.Row> read = RuledTables.read(document.lines(), table, stop);
            rows(table, read, values, draft);
            rows += read.size();
        }
        String doubt = form.expectsRows() && rows == 0
                ? "no line of the " + form.docType() + " table could be read (an unknown layout, a grid or handwriting):"
                + " its entries must be entered by a person" : null;
        form.checklists().forEach((list, headings) -> checklists.add(document.lines(), list, "display", headings,
                line -> Phrases.startsWith(line.all(), catalog.headings()) > 0 || Phrases.startsWith(line.all(), form.headings()) > 0
                        || catalog.footers().stream().anyMatch(f -> f.matcher(line.text()).find())));
        if (!form.sections().isEmpty()) {
            Predicate<ChartLine> ends = line -> catalog.footers().stream().anyMatch(f -> f.matcher(line.text()).find())
                    || !labels.finder().find(line).isEmpty()
                    || clinicLine(line);
            new NoteFields(draft, values).add(NoteSections.read(document.lines(), form.sections(), ends));
        }
        List<FieldValue> fields = draft.fields();
        ExtractedRecord record = new ExtractedRecord(clinic == null ? UNKNOWN_CLINIC : clinic.identifierSystem(), mrn,
                form.docType(), fields);
        return new ChartExtraction(ChartExtraction.Outcome.EXTRACTED, form.docType(), record, c.confidence(), c.reason(), doubt);
    }

    /** The clinic whose letterhead heads the first page (or any page's header). */
    private ClinicSpec clinic(ChartDocument document) {
        List<ChartLine> lines = document.lines();
        for (int pass = 0; pass < 2; pass++) {
            int page = -1, onPage = 0;
            for (ChartLine line : lines) {
                onPage = line.page() == page ? onPage + 1 : 0;
                page = line.page();
                if (onPage >= LETTERHEAD_LINES || (pass == 0 && page != lines.get(0).page())) {
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

    private static void rows(TableSpec table, List<RuledTables.Row> rows, ChartValues values, RecordDraft draft) {
        Map<Integer, String> unbalanced = table.list().equals("charges") ? unbalanced(table, rows, values) : Map.of();
        String tableDoubt = poorlyRead(table, rows, values);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Cell> cells = rows.get(i).cells();
            String prefix = table.list() + "[" + i + "].";
            if (cells.containsKey(RuledTables.UNREAD)) {
                Span line = cells.get(RuledTables.UNREAD).parts().get(0);
                for (String field : table.columns().keySet()) {
                    if (!field.startsWith("skip") && !field.equals("balance") && !field.equals("type")) {
                        draft.addMissing(prefix + field, line, "this line of the table could not be split into its columns"
                                + " ('" + line.text() + "'): enter its values");
                    }
                }
                continue;
            }
            for (String field : table.columns().keySet()) {
                boolean needed = table.required().contains(field) || tableDoubt != null;
                if (needed && !cells.containsKey(field) && !field.startsWith("skip") && !field.equals("balance")
                        && !field.equals("type")) {
                    draft.addMissing(prefix + field, rows.get(i).first().all(), tableDoubt != null ? tableDoubt
                            : "this line of the table has no " + field + " where its column stands");
                }
            }
            String badNeighbour = null;
            for (Map.Entry<String, Cell> e : cells.entrySet()) {
                if (!RuledTables.TEXT_FIELDS.contains(e.getKey()) && values.read(table.list(), e.getKey(), e.getValue().text())
                        .status() == Normalized.Status.INVALID) {
                    badNeighbour = "the " + e.getKey() + " beside it could not be read, so where this column ends is uncertain";
                }
            }
            for (Map.Entry<String, Cell> e : cells.entrySet()) {
                String field = e.getKey();
                if (field.equals("balance") || field.equals("type")) {
                    continue;   // not part of the record model's export; the balance checks the arithmetic
                }
                Normalized n = values.read(table.list(), field, e.getValue().text());
                String doubt = tableDoubt != null ? tableDoubt
                        : field.equals("charge") || field.equals("payment") ? unbalanced.get(i)
                        : RuledTables.TEXT_FIELDS.contains(field) ? badNeighbour : null;
                if (tableDoubt == null && field.equals("cvx") && n.isOk() && cells.containsKey("vaccine")) {
                    Normalized consistent = Cvx.consistent(cells.get("vaccine").text(), n.value());
                    doubt = consistent.isOk() ? null : consistent.problem();
                }
                draft.add(prefix + field, e.getValue(), n, doubt);
            }
        }
    }

    /** Share of a table's lines that may be misread before none of its lines is trusted. */
    static final double POOR_TABLE = 0.3;

    /**
     * Why no value of the table may be trusted, or null: when the lines of many of its rows could not
     * be told (no key, or a key that does not validate, such as a line not split into columns),
     * which line is which entry is itself in doubt.
     */
    private static String poorlyRead(TableSpec table, List<RuledTables.Row> rows, ChartValues values) {
        int bad = 0;
        for (RuledTables.Row row : rows) {
            Cell key = row.cells().get(table.key());
            bad += key == null || values.read(table.list(), table.key(), key.text()).status() == Normalized.Status.INVALID ? 1 : 0;
        }
        return rows.size() >= 3 && bad >= Math.max(2, POOR_TABLE * rows.size())
                ? bad + " of the " + rows.size() + " lines of this table were not read cleanly: which line is which is"
                + " uncertain, so every value of it is for a person to check" : null;
    }

    /**
     * Ledger lines whose running balance does not add up (the balance before plus the charge less
     * the payment), with the line above: the balance brought forward may be the misread one.
     */
    private static Map<Integer, String> unbalanced(TableSpec table, List<RuledTables.Row> rows, ChartValues values) {
        Map<Integer, String> doubts = new java.util.HashMap<>();
        BigDecimal balance = BigDecimal.ZERO;
        boolean known = true;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Cell> cells = rows.get(i).cells();
            Normalized charge = read(values, table, cells, "charge");
            Normalized payment = read(values, table, cells, "payment");
            Normalized printed = read(values, table, cells, "balance");
            if (!cells.containsKey("balance")) {
                return doubts;
            }
            if (charge.isOk() && payment.isOk() && printed.isOk() && known) {
                BigDecimal expected = balance.add(Money.amount(charge)).subtract(Money.amount(payment));
                if (expected.compareTo(Money.amount(printed)) != 0) {
                    String why = "the running balance does not add up (line " + (i + 1) + ": expected " + expected
                            + ", printed " + printed.value() + ")";
                    doubts.put(i, why);
                    if (i > 0) {
                        doubts.putIfAbsent(i - 1, why);
                    }
                }
            }
            known = printed.isOk();
            balance = printed.isOk() ? Money.amount(printed) : balance;
        }
        return doubts;
    }

    private static Normalized read(ChartValues values, TableSpec table, Map<String, Cell> cells, String field) {
        Cell cell = cells.get(field);
        return cell == null ? Normalized.empty() : values.read(table.list(), field, cell.text());
    }
}
