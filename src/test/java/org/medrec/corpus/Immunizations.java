package org.medrec.corpus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medrec.corpus.Layout.Cell;

/**
 * Immunization records: a list (one row per dose, columns in a clinic's order and wording, CVX printed or not)
 * and a card printed as a grid (a row per vaccine, a box per dose holding date, product and lot).
 */
final class Immunizations {

    private static final List<String> TITLES = List.of("Immunization Record", "Immunization History",
            "Vaccination Record", "Vaccine Administration Record", "Immunizations", "Vaccination History");

    record Dose(Clinical.Vaccine vaccine, LocalDate date, String lot) {
    }

    static List<Dose> doses(People people, People.Patient p, Style style, int n) {
        List<Dose> doses = new ArrayList<>();
        LocalDate first = p.dob().plusYears(11).isAfter(LocalDate.of(2010, 1, 1)) ? p.dob().plusYears(11)
                : LocalDate.of(2010, 1, 1);
        for (int i = 0; i < n; i++) {
            Clinical.Vaccine v = people.pick(Clinical.VACCINES);
            LocalDate date = first.plusDays(style.random.nextInt(4300));
            if (date.isAfter(LocalDate.of(2024, 6, 1))) {
                date = LocalDate.of(2024, 6, 1).minusDays(style.random.nextInt(400));
            }
            String lot = (char) ('A' + style.random.nextInt(26)) + people.digits(3 + style.random.nextInt(3))
                    + (char) ('A' + style.random.nextInt(26));
            doses.add(new Dose(v, date, lot));
        }
        doses.sort(Comparator.comparing(Dose::date));
        return doses;
    }

    static Document list(People people, People.Clinic clinic, Style style) {
        People.Patient p = people.patient(clinic);
        Identity id = new Identity(p, style);
        List<Dose> doses = doses(people, p, style, 4 + style.random.nextInt(7));
        int last = doses.size() - 1;
        Set<String> hand = Handwriting.pick(style, List.of("immunizations[" + last + "].lot",
                "immunizations[" + last + "].date", "immunizations[" + (last - 1) + "].lot"));
        Sheet sheet = new Sheet(style.dpi);
        Layout l = new Layout(sheet, style, hand);
        l.letterhead(clinic, style.pick(TITLES));
        l.fields(id.fields);
        boolean cvx = style.chance(0.75);
        List<String> columns = new ArrayList<>(List.of("vaccine", "date", "lot"));
        if (cvx) {
            columns.add("cvx");
        }
        if (style.chance(0.5)) {
            columns.add("mfr");
        }
        if (style.chance(0.4)) {
            columns.add("site");
        }
        columns = style.chance(0.5) ? Layout.shuffledTail(columns, style.random) : withDateFirst(columns);
        List<Cell[]> rows = new ArrayList<>();
        for (int i = 0; i < doses.size(); i++) {
            Dose d = doses.get(i);
            String name = style.pick(d.vaccine().listNames());
            Truth.list(id.record, "immunizations").add(Truth.entry("vaccine", name, "cvx", d.vaccine().cvx(),
                    "date", d.date().toString(), "lot", d.lot()));
            String at = "immunizations[" + i + "].";
            Cell[] row = new Cell[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                row[c] = switch (columns.get(c)) {
                    case "vaccine" -> new Cell(name, at + "vaccine");
                    case "date" -> new Cell(style.date(d.date()), at + "date");
                    case "lot" -> new Cell(d.lot(), at + "lot");
                    case "cvx" -> new Cell(d.vaccine().cvx(), at + "cvx");
                    case "mfr" -> new Cell(style.pick(List.of("GSK", "Merck", "Sanofi", "Pfizer", "Seqirus")), null);
                    default -> new Cell(style.pick(List.of("L deltoid", "R deltoid", "IM LD", "IM RD")), null);
                };
            }
            rows.add(row);
        }
        double[] widths = columns.stream().mapToDouble(c -> switch (c) {
            case "vaccine" -> 200;
            case "date" -> 80;
            case "cvx", "site" -> 48;
            default -> 70;
        }).toArray();
        l.table(columns.stream().map(c -> style.label("col." + (c.equals("date") ? "given" : c))).toList(), widths,
                rows, null);
        l.paragraph("VIS provided and reviewed with the patient or guardian before each dose.", 0);
        l.footer("IMM-" + style.random.nextInt(100), 1, 1);
        return new Document("immunization", "gen-immun-list" + (cvx ? "" : "-no-cvx"), clinic, List.of(sheet),
                id.record, List.copyOf(hand), false, style.renderInfo());
    }

    private static List<String> withDateFirst(List<String> columns) {
        List<String> out = new ArrayList<>(columns);
        out.remove("date");
        out.add(0, "date");
        return out;
    }

    /** The card: a row per vaccine, four dose boxes; the truth lists the doses in date order (as medrec numbers them). */
    static Document grid(People people, People.Clinic clinic, Style style) {
        People.Patient p = people.patient(clinic);
        Identity id = new Identity(p, style);
        List<Dose> doses = fourPerRow(doses(people, p, style, 3 + style.random.nextInt(6)));
        List<String> rowsOf = new ArrayList<>();
        for (Dose d : doses) {
            if (!rowsOf.contains(d.vaccine().row())) {
                rowsOf.add(d.vaccine().row());
            }
        }
        for (String extra : List.of("MMR", "Hepatitis B", "Varicella")) {
            if (!rowsOf.contains(extra) && rowsOf.size() < 7) {
                rowsOf.add(extra);
            }
        }
        Set<String> hand = Set.of();
        Sheet sheet = new Sheet(style.dpi);
        Layout l = new Layout(sheet, style, hand);
        l.letterhead(clinic, style.pick(List.of("Immunization Card", "Vaccination Card", "Immunization Record")));
        l.fields(id.fields);
        double x0 = Layout.LEFT, first = 120, dose = 96, header = 20, row = 50, top = sheet.y;
        sheet.font(style.face, true, 9.5);
        sheet.text(style.pick(List.of("VACCINE", "Vaccine", "IMMUNIZATION")), x0 + 4, top + 14);
        String doseWord = style.pick(List.of("DOSE ", "Dose ", "Dose #"));
        for (int d = 0; d < 4; d++) {
            sheet.text(doseWord + (d + 1), x0 + first + d * dose + 6, top + 14);
        }
        sheet.rect(x0, top, first + 4 * dose, header + rowsOf.size() * row, 1);
        sheet.line(x0, top + header, x0 + first + 4 * dose, top + header, 1);
        for (int d = 0; d <= 4; d++) {
            sheet.line(x0 + first + d * dose, top, x0 + first + d * dose, top + header + rowsOf.size() * row, 0.75);
        }
        for (int r = 0; r < rowsOf.size(); r++) {
            double y = top + header + r * row;
            sheet.line(x0, y + row, x0 + first + 4 * dose, y + row, 0.75);
            sheet.font(style.face, true, 10);
            sheet.text(rowsOf.get(r), x0 + 4, y + 22);
            int col = 0;
            for (Dose d : doses) {
                if (!d.vaccine().row().equals(rowsOf.get(r)) || col >= 4) {
                    continue;
                }
                int index = doses.indexOf(d);
                double x = x0 + first + col * dose + 4;
                sheet.font(style.face, false, 7);
                sheet.text("Date", x, y + 13);
                sheet.text("Lot", x, y + 43);
                sheet.font(style.face, false, 9.5);
                sheet.value("immunizations[" + index + "].date", style.date(d.date()), x + 20, y + 13);
                sheet.font(style.face, false, 8);
                sheet.text(d.vaccine().product(), x, y + 28);
                sheet.font(style.face, false, 9.5);
                sheet.value("immunizations[" + index + "].lot", d.lot(), x + 20, y + 43);
                col++;
            }
        }
        for (Dose d : doses) {
            Truth.list(id.record, "immunizations").add(Truth.entry("vaccine", d.vaccine().shortName(),
                    "cvx", d.vaccine().cvx(), "date", d.date().toString(), "lot", d.lot()));
        }
        sheet.y = top + header + rowsOf.size() * row + 28;
        l.footer("IMM-CARD", 1, 1);
        return new Document("immunization", "gen-immun-grid", clinic, List.of(sheet), id.record, List.copyOf(hand),
                false, style.renderInfo());
    }

    /** A card has four dose boxes a row: later doses of that row are not on it (nor in the truth). */
    private static List<Dose> fourPerRow(List<Dose> doses) {
        Map<String, Integer> perRow = new HashMap<>();
        return doses.stream().filter(d -> perRow.merge(d.vaccine().row(), 1, Integer::sum) <= 4).toList();
    }

    private Immunizations() {
    }
}
