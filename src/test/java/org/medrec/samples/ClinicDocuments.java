package org.medrec.samples;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.medrec.samples.SampleData.Patient;
import org.medrec.samples.SampleData.Provider;

/** Clinic documents other than forms: progress note, account ledger, appointment history; and a receipt. */
final class ClinicDocuments {

    static BufferedImage progressNote(Patient p, double dpi) {
        PageCanvas c = PageCanvas.letter(dpi);
        c.letterhead(SampleData.CEDAR_BEND, "OFFICE VISIT - PROGRESS NOTE");
        c.field("Patient Name:", p.fullName(), 54, c.y, 330);
        c.field("MRN:", p.mrn(), 350, c.y, 558);
        c.y += 24;
        c.field("DOB:", p.dob().format(SampleData.US_DATE), 54, c.y, 200);
        c.field("Sex:", p.sex(), 220, c.y, 330);
        c.field("Visit:", SampleData.SERVICE_DATE.format(SampleData.US_DATE), 350, c.y, 558);
        c.y += 20;
        for (ProgressNoteText.Section section : ProgressNoteText.sections()) {
            c.section(section.heading());
            c.font(PageCanvas.SERIF, Font.PLAIN, 10.5);
            for (String line : section.lines()) {
                c.paragraph(line, 8, 14.5);
            }
        }
        c.y += 14;
        c.field("Provider:", SampleData.MARSH.signature(), 54, c.y, 330);
        c.field("NPI:", SampleData.MARSH.npi(), 350, c.y, 558);
        c.y += 20;
        c.font(PageCanvas.SERIF, Font.ITALIC, 10);
        c.text("Electronically signed 03/18/2024 16:05", 54, c.y);
        c.footer("CBIM progress note", "Page 1 of 1");
        return c.finish();
    }

    /** A ledger with charges, payments and a running balance computed with exact decimal arithmetic. */
    static BufferedImage ledger(Patient p, double dpi) {
        PageCanvas c = PageCanvas.letter(dpi);
        c.letterhead(SampleData.MAPLE_HOLLOW, "PATIENT ACCOUNT LEDGER");
        c.field("Patient Name:", p.fullName(), 54, c.y, 330);
        c.field("MRN:", p.mrn(), 350, c.y, 558);
        c.y += 24;
        c.field("DOB:", p.dob().format(SampleData.US_DATE), 54, c.y, 200);
        c.field("Account:", "A-" + p.mrn().substring(3), 220, c.y, 340);
        c.field("Statement:", SampleData.SERVICE_DATE.format(SampleData.US_DATE), 350, c.y, 558);
        c.y += 24;
        String[][] entries = {
                {"01/08/2024", "99214", "Office visit, est. patient, level 4", "185.00", ""},
                {"01/08/2024", "36415", "Venipuncture", "18.00", ""},
                {"01/08/2024", "83036", "Hemoglobin A1c", "42.00", ""},
                {"01/08/2024", "80053", "Comprehensive metabolic panel", "56.00", ""},
                {"01/22/2024", "", "Insurance payment - Blue Heron", "", "214.60"},
                {"01/22/2024", "", "Contractual adjustment", "", "38.40"},
                {"01/29/2024", "", "Patient payment - check 1042", "", "30.00"},
                {"02/12/2024", "99213", "Office visit, est. patient, level 3", "128.00", ""},
                {"02/12/2024", "90686", "Influenza vaccine, quadrivalent, PF", "28.00", ""},
                {"02/12/2024", "90471", "Immunization administration", "25.00", ""},
                {"03/04/2024", "", "Insurance payment - Blue Heron", "", "121.30"},
                {"03/04/2024", "", "Contractual adjustment", "", "24.70"},
                {"03/18/2024", "99213", "Office visit, est. patient, level 3", "128.00", ""},
                {"03/18/2024", "93000", "Electrocardiogram, 12-lead w/ interp.", "64.00", ""},
                {"03/18/2024", "", "Patient payment - copay (card)", "", "25.00"}};
        BigDecimal balance = BigDecimal.ZERO.setScale(2);
        List<String[]> rows = new ArrayList<>();
        for (String[] e : entries) {
            BigDecimal charge = e[3].isEmpty() ? BigDecimal.ZERO : new BigDecimal(e[3]);
            BigDecimal payment = e[4].isEmpty() ? BigDecimal.ZERO : new BigDecimal(e[4]);
            balance = balance.add(charge).subtract(payment);
            rows.add(new String[] {e[0], e[1], e[2], e[3], e[4], balance.toPlainString()});
        }
        c.table(new String[] {"Date", "CPT", "Description", "Charge", "Payment", "Balance"},
                new double[] {72, 46, 206, 60, 60, 60}, new boolean[] {false, false, false, true, true, true},
                rows, 21, 10.5);
        c.font(PageCanvas.SANS, Font.BOLD, 12);
        c.rightAligned("Balance due: $" + balance.toPlainString(), 558, c.y);
        c.y += 26;
        c.font(PageCanvas.SANS, Font.PLAIN, 10.5);
        c.paragraph("Payments and adjustments reduce the balance. Questions about this statement: "
                + "billing office (503) 555-0144, Monday to Friday 8:30 to 4:30.", 0, 14);
        c.footer("Statement MH-LED", "Page 1 of 1");
        return c.finish();
    }

    /** Page {@code page} (1 or 2) of an appointment history; the rows come from a seeded generator. */
    static BufferedImage appointments(Patient p, int page, double dpi) {
        List<String[]> all = appointmentRows(44);
        List<String[]> rows = all.subList((page - 1) * 22, page * 22);
        PageCanvas c = PageCanvas.letter(dpi);
        c.letterhead(SampleData.MAPLE_HOLLOW, page == 1 ? "APPOINTMENT HISTORY" : "APPOINTMENT HISTORY (continued)");
        c.field("Patient Name:", p.fullName(), 54, c.y, 330);
        c.field("MRN:", p.mrn(), 350, c.y, 558);
        c.y += 24;
        c.field("DOB:", p.dob().format(SampleData.US_DATE), 54, c.y, 200);
        c.field("Printed:", SampleData.SERVICE_DATE.format(SampleData.US_DATE), 350, c.y, 558);
        c.y += 22;
        c.table(new String[] {"Date", "Time", "Provider", "Status"}, new double[] {96, 76, 212, 120}, null, rows,
                21, 11);
        c.font(PageCanvas.SANS, Font.PLAIN, 10.5);
        if (page == 2) {
            c.paragraph("End of appointment history: 44 appointments listed.", 0, 14);
        }
        c.footer("MH scheduling report", "Page " + page + " of 2");
        return c.finish();
    }

    /**
     * {@code count} appointments ending with today's completed visit (03/18/2024) and one future booking;
     * earlier ones go back in time with seeded gaps, on weekdays only.
     */
    static List<String[]> appointmentRows(int count) {
        Random random = new Random(20240318L);
        Provider[] providers = {SampleData.MARSH, SampleData.IBANEZ, SampleData.NWOSU, SampleData.ROUSSEAU};
        String[] statuses = {"Completed", "Completed", "Completed", "Completed", "Completed", "Completed",
                "Cancelled", "No-show", "Rescheduled"};
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"06/17/2024", "9:30 AM", SampleData.MARSH.signature(), "Scheduled"});
        rows.add(new String[] {SampleData.SERVICE_DATE.format(SampleData.US_DATE), "10:15 AM",
                SampleData.MARSH.signature(), "Completed"});
        LocalDate date = SampleData.SERVICE_DATE;
        while (rows.size() < count) {
            date = date.minusDays(12 + random.nextInt(22));
            while (date.getDayOfWeek().getValue() > 5) {
                date = date.minusDays(1);
            }
            int slot = random.nextInt(33);
            int hour = 8 + slot / 4;
            String time = String.format("%d:%02d %s", hour > 12 ? hour - 12 : hour, (slot % 4) * 15,
                    hour >= 12 ? "PM" : "AM");
            Provider provider = providers[random.nextInt(providers.length)];
            String status = statuses[random.nextInt(statuses.length)];
            rows.add(new String[] {date.format(SampleData.US_DATE), time, provider.signature(), status});
        }
        java.util.Collections.reverse(rows);
        return rows;
    }

    /** A thermal-paper grocery receipt, 3.125 in wide: clearly not a medical record. */
    static BufferedImage groceryReceipt(double dpi) {
        PageCanvas c = new PageCanvas(3.125, 5.6, dpi, dpi);
        c.font(PageCanvas.MONO, Font.BOLD, 13);
        c.centered("CORNER BASKET MARKET", 30);
        c.font(PageCanvas.MONO, Font.PLAIN, 9.5);
        c.centered("Store #0142", 44);
        c.centered("2291 Sycamore Gulch Rd", 56);
        c.centered("Fernwick, OR 97997", 68);
        c.centered("(503) 555-0108", 80);
        c.text("03/16/2024 10:47 AM  REG 3  TRN 5521", 12, 100);
        c.text("-----------------------------------", 12, 112);
        String[][] items = {
                {"BANANAS 2.14 LB @ 0.59", "2.14", "0.59"},
                {"MILK 2% GAL", "1", "3.79"},
                {"EGGS LARGE DOZ", "1", "2.99"},
                {"SOURDOUGH LOAF", "1", "4.49"},
                {"CHEDDAR BLOCK 8OZ", "2", "3.29"},
                {"APPLES HCRISP 3.02 LB @ 1.99", "3.02", "1.99"},
                {"COFFEE GROUND 12OZ", "1", "8.99"},
                {"PAPER TOWELS 6PK", "1", "7.49"}};
        double y = 126;
        BigDecimal subtotal = BigDecimal.ZERO;
        for (String[] item : items) {
            BigDecimal amount = new BigDecimal(item[1]).multiply(new BigDecimal(item[2]))
                    .setScale(2, RoundingMode.HALF_UP);
            subtotal = subtotal.add(amount);
            String label = item[1].equals("2") ? item[0] + " x2" : item[0];
            c.text(label, 12, y);
            c.rightAligned(amount.toPlainString(), 213, y);
            y += 13;
        }
        c.text("-----------------------------------", 12, y);
        y += 14;
        BigDecimal tax = BigDecimal.ZERO.setScale(2);
        BigDecimal total = subtotal.add(tax);
        BigDecimal cash = new BigDecimal("50.00");
        String[][] totals = {{"SUBTOTAL", subtotal.toPlainString()}, {"TAX (NONE IN OR)", tax.toPlainString()},
                {"TOTAL", total.toPlainString()}, {"CASH", cash.toPlainString()},
                {"CHANGE", cash.subtract(total).toPlainString()}};
        for (String[] t : totals) {
            c.font(PageCanvas.MONO, t[0].equals("TOTAL") ? Font.BOLD : Font.PLAIN, 9.5);
            c.text(t[0], 12, y);
            c.rightAligned(t[1], 213, y);
            y += 13;
        }
        c.font(PageCanvas.MONO, Font.PLAIN, 9.5);
        c.centered("ITEMS SOLD: 9", y + 10);
        c.centered("THANK YOU FOR SHOPPING!", y + 26);
        c.centered("Returns within 30 days with receipt", y + 39);
        return c.finish();
    }

    private ClinicDocuments() {
    }
}
