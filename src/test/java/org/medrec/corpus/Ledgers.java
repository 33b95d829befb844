package org.medrec.corpus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medrec.corpus.Layout.Cell;
import org.medrec.corpus.Layout.Field;

/** Account ledgers: a line per charge with what was paid on it and the running balance, then totals. */
final class Ledgers {

    private static final List<String> TITLES = List.of("Patient Account Ledger", "Account History", "Statement of Account",
            "Billing History", "Patient Ledger", "Charges and Payments", "Account Activity");

    static Document ledger(People people, People.Clinic clinic, Style style) {
        People.Patient p = people.patient(clinic);
        Identity id = new Identity(p, style);
        Map<String, Object> record = id.record;
        Sheet sheet = new Sheet(style.dpi);
        Layout l = new Layout(sheet, style, Set.of());
        l.letterhead(clinic, style.pick(TITLES));
        List<Field> fields = new ArrayList<>(id.fields);
        fields.add(new Field("visit_date", null, style.date(LocalDate.of(2024, 5, 1 + style.random.nextInt(28)))));
        l.fields(fields);
        List<String> cols = Layout.shuffledTail(List.of("date", "cpt", "desc"), style.random);
        cols = new ArrayList<>(cols);
        cols.addAll(List.of("charge", "payment", "balance"));
        boolean blankZero = style.chance(0.4);
        int n = 5 + style.random.nextInt(9);
        LocalDate date = LocalDate.of(2018, 1, 1).plusDays(style.random.nextInt(1500));
        BigDecimal balance = BigDecimal.ZERO.setScale(2);
        BigDecimal charged = balance, paid = balance;
        List<Cell[]> rows = new ArrayList<>();
        Set<String> lines = new HashSet<>();
        for (int i = 0; i < n; i++) {
            date = date.plusDays(style.random.nextInt(3) == 0 ? 0 : 7 + style.random.nextInt(80));
            Clinical.Procedure proc = people.pick(Clinical.PROCEDURES);
            while (!lines.add(date + proc.cpt())) {
                date = date.plusDays(1);
            }
            BigDecimal charge = new BigDecimal(proc.fee());
            BigDecimal payment = switch (style.random.nextInt(4)) {
                case 0 -> BigDecimal.ZERO.setScale(2);
                case 1 -> charge;
                default -> charge.multiply(new BigDecimal("0." + (50 + style.random.nextInt(40))))
                        .setScale(2, java.math.RoundingMode.HALF_UP);
            };
            balance = balance.add(charge).subtract(payment);
            charged = charged.add(charge);
            paid = paid.add(payment);
            Truth.list(record, "charges").add(Truth.entry("date", date.toString(), "cpt", proc.cpt(),
                    "description", proc.description(), "charge", charge.toPlainString(),
                    "payment", payment.toPlainString(), "balance", balance.toPlainString()));
            String at = "charges[" + i + "].";
            Cell[] row = new Cell[cols.size()];
            for (int c = 0; c < cols.size(); c++) {
                row[c] = switch (cols.get(c)) {
                    case "date" -> new Cell(style.date(date), at + "date");
                    case "cpt" -> new Cell(proc.cpt(), at + "cpt");
                    case "desc" -> new Cell(proc.description(), at + "description");
                    case "charge" -> new Cell(charge.toPlainString(), at + "charge");
                    case "payment" -> new Cell(blankZero && payment.signum() == 0 ? "" : payment.toPlainString(),
                            at + "payment");
                    default -> new Cell(balance.toPlainString(), at + "balance");
                };
            }
            rows.add(row);
        }
        Cell[] totals = new Cell[cols.size()];
        totals[0] = new Cell("Totals", null);
        totals[3] = new Cell(charged.toPlainString(), null);
        totals[4] = new Cell(paid.toPlainString(), null);
        totals[5] = new Cell(balance.toPlainString(), null);
        rows.add(totals);
        double[] widths = cols.stream().mapToDouble(c -> switch (c) {
            case "date" -> 80;
            case "cpt" -> 56;
            case "desc" -> 230;
            default -> 66;
        }).toArray();
        boolean[] right = new boolean[cols.size()];
        right[3] = right[4] = right[5] = true;
        l.table(cols.stream().map(c -> style.label("col." + c)).toList(), widths, rows, right);
        sheet.font(style.face, true, style.size + 1);
        sheet.right("Balance due: $" + balance.toPlainString(), Layout.RIGHT, sheet.y);
        sheet.y += 24;
        l.paragraph("Questions about this statement: call the billing office at " + clinic.phone("44") + ".", 0);
        l.footer("LEDGER " + clinic.slug().toUpperCase(), 1, 1);
        return new Document("ledger", "gen-ledger" + (blankZero ? "-blank-zero" : ""), clinic, List.of(sheet), record,
                List.of(), false, style.renderInfo());
    }

    private Ledgers() {
    }
}
