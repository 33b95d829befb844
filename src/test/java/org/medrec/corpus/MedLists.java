package org.medrec.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medrec.corpus.Layout.Cell;

/** Medication and allergy lists, with a problem list on some: tables in a clinic's column order and wording. */
final class MedLists {

    private static final List<String> TITLES = List.of("Medication List", "Current Medications and Allergies",
            "Medication and Allergy List", "Medication Record", "Medication Reconciliation", "Active Medication List");

    static Document medlist(People people, People.Clinic clinic, Style style) {
        People.Patient p = people.patient(clinic);
        Identity id = new Identity(p, style);
        Map<String, Object> record = id.record;
        List<Clinical.Drug> drugs = style.some(Clinical.DRUGS, 3 + style.random.nextInt(6));
        List<String[]> allergies = style.some(Clinical.ALLERGIES, style.random.nextInt(4));
        boolean problems = style.chance(0.5);
        List<Clinical.Diagnosis> dx = problems ? style.some(Clinical.DIAGNOSES, 1 + style.random.nextInt(4))
                : List.of();
        boolean spelled = style.chance(0.35);
        Sheet sheet = new Sheet(style.dpi);
        Layout l = new Layout(sheet, style, Set.of());
        l.letterhead(clinic, style.pick(TITLES));
        l.fields(id.fields);

        l.section(style.pick(List.of("Active Medications", "Current Medications", "Medications")));
        List<String> cols = Layout.shuffledTail(List.of("drug", "dose", "route", "freq"), style.random);
        boolean since = style.chance(0.5);
        List<Cell[]> rows = new ArrayList<>();
        for (int i = 0; i < drugs.size(); i++) {
            Clinical.Drug d = drugs.get(i);
            Truth.list(record, "medications").add(Truth.entry("name", d.name(), "dose", d.dose(), "route", d.route(),
                    "frequency", d.frequency()));
            String at = "medications[" + i + "].";
            Cell[] row = new Cell[cols.size() + (since ? 1 : 0)];
            for (int c = 0; c < cols.size(); c++) {
                row[c] = switch (cols.get(c)) {
                    case "drug" -> new Cell(d.name(), at + "name");
                    case "dose" -> new Cell(d.dose(), at + "dose");
                    case "route" -> new Cell(spelled ? Clinical.spelled(d.route()) : d.route(), at + "route");
                    default -> new Cell(spelled ? Clinical.spelled(d.frequency()) : d.frequency(), at + "frequency");
                };
            }
            if (since) {
                row[cols.size()] = new Cell(String.format("%02d/20%02d", 1 + style.random.nextInt(12),
                        15 + style.random.nextInt(9)), null);
            }
            rows.add(row);
        }
        List<String> headers = new ArrayList<>(cols.stream().map(c -> style.label("col." + c)).toList());
        List<Double> widths = new ArrayList<>(cols.stream().map(c -> switch (c) {
            case "drug" -> 170.0;
            case "freq" -> 130.0;
            case "route" -> spelled ? 100.0 : 60.0;
            default -> 80.0;
        }).toList());
        if (since) {
            headers.add(style.pick(List.of("Started", "Since", "Start Date")));
            widths.add(70.0);
        }
        l.table(headers, widths.stream().mapToDouble(Double::doubleValue).toArray(), rows, null);

        l.section(style.pick(List.of("Allergies", "Allergy List", "Allergies and Intolerances")));
        if (allergies.isEmpty()) {
            l.paragraph(style.pick(List.of("NKDA", "No known drug allergies.", "No Known Allergies")), 0);
        } else {
            List<Cell[]> arows = new ArrayList<>();
            for (int i = 0; i < allergies.size(); i++) {
                String[] a = allergies.get(i);
                Truth.list(record, "allergies").add(Truth.entry("substance", a[0], "reaction", a[1]));
                arows.add(new Cell[] {new Cell(a[0], "allergies[" + i + "].substance"),
                        new Cell(a[1], "allergies[" + i + "].reaction"),
                        new Cell(style.pick(List.of("Mild", "Moderate", "Severe")), null)});
            }
            l.table(List.of(style.label("col.allergen"), style.label("col.reaction"), "Severity"),
                    new double[] {170, 200, 100}, arows, null);
        }
        if (problems) {
            l.section(style.pick(List.of("Problem List", "Active Problems")));
            List<Cell[]> prows = new ArrayList<>();
            for (int i = 0; i < dx.size(); i++) {
                Clinical.Diagnosis d = dx.get(i);
                Truth.list(record, "conditions").add(Truth.entry("code", d.code(), "display", d.display()));
                prows.add(new Cell[] {new Cell(d.code(), "conditions[" + i + "].code"),
                        new Cell(d.display(), "conditions[" + i + "].display")});
            }
            l.table(List.of(style.label("col.code"), style.label("col.problem")), new double[] {80, 400}, prows, null);
        }
        sheet.y += 10;
        sheet.font(style.face, false, style.size);
        sheet.text("Reconciled by: " + people.provider().printed(0), Layout.LEFT, sheet.y);
        l.footer("MED-" + style.random.nextInt(100), 1, 1);
        return new Document("medlist", "gen-meds" + (spelled ? "-spelled" : ""), clinic, List.of(sheet), record,
                List.of(), false, style.renderInfo());
    }

    private MedLists() {
    }
}
