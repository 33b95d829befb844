package org.medrec.samples;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;

import org.medrec.samples.SampleData.Patient;

/** Typed clinic forms: registration (intake), immunization record and a faxed medication/allergy list. */
final class ClinicForms {

    static BufferedImage intakeForm(Patient p, double dpi) {
        PageCanvas c = PageCanvas.letter(dpi);
        c.letterhead(SampleData.MAPLE_HOLLOW, "PATIENT REGISTRATION FORM");
        c.section("Patient Information");
        c.field("Patient Name:", p.fullName(), 54, c.y, 558);
        c.y += 26;
        c.field("DOB:", p.dob().format(SampleData.US_DATE), 54, c.y, 200);
        c.field("Sex:", p.sex(), 270, c.y, 330);
        c.field("MRN:", p.mrn(), 350, c.y, 558);
        c.y += 26;
        c.field("Address:", p.address(), 54, c.y, 558);
        c.y += 26;
        c.field("Phone:", p.phone(), 54, c.y, 250);
        c.field("Preferred Language:", "English", 320, c.y, 558);
        c.y += 26;
        c.field("Emergency Contact:", "Alex " + p.last() + " (spouse)  (503) 555-0118", 54, c.y, 558);
        c.y += 20;
        c.section("Insurance");
        c.field("Insurance:", p.insurance(), 54, c.y, 310);
        c.field("Member ID:", p.memberId(), 330, c.y, 558);
        c.y += 26;
        c.field("Group No:", "GRP-00417", 54, c.y, 230);
        c.field("Subscriber:", "Self", 250, c.y, 380);
        c.field("Copay:", "$25.00", 400, c.y, 558);
        c.y += 20;
        c.section("Medical History (check all that apply)");
        String[][] history = {
                {"X", "High blood pressure"}, {"X", "Diabetes"}, {" ", "Asthma / COPD"},
                {" ", "Heart disease"}, {"X", "High cholesterol"}, {" ", "Kidney disease"},
                {" ", "Cancer"}, {" ", "Depression / anxiety"}, {" ", "Thyroid disorder"}};
        for (int i = 0; i < history.length; i++) {
            double x = 54 + (i % 3) * 168;
            double baseline = c.y + (i / 3) * 22;
            c.rect(x, baseline - 10, 11, 11, 0.75);
            c.font(PageCanvas.MONO, Font.BOLD, 11);
            c.text(history[i][0], x + 2.2, baseline);
            c.font(PageCanvas.SANS, Font.PLAIN, 11);
            c.text(history[i][1], x + 17, baseline);
        }
        c.y += 3 * 22 + 6;
        c.field("Allergies:", "Penicillin (hives); sulfa drugs (rash)", 54, c.y, 558);
        c.y += 26;
        c.field("Current Medications:", "Lisinopril 20 mg daily; Metformin 1000 mg twice daily", 54, c.y, 558);
        c.y += 26;
        c.field("Primary Care Provider:", "Ellen Marsh-Test, MD", 54, c.y, 558);
        c.y += 20;
        c.section("Consent and Signature");
        c.font(PageCanvas.SERIF, Font.PLAIN, 10.5);
        c.paragraph("I authorize Maple Hollow Family Clinic to provide treatment and to release information "
                + "required to process claims to my insurance carrier. I assign insurance benefits to the clinic "
                + "and understand that I am responsible for any balance not covered by insurance.", 0, 14);
        c.y += 24;
        c.field("Signature:", "/s/ " + p.fullName(), 54, c.y, 330);
        c.field("Date:", SampleData.SERVICE_DATE.format(SampleData.US_DATE), 350, c.y, 558);
        c.footer("Form MH-REG-01 rev. 09/2023", "Page 1 of 1");
        return c.finish();
    }

    static BufferedImage immunizationRecord(Patient p, double dpi) {
        PageCanvas c = PageCanvas.letter(dpi);
        c.letterhead(SampleData.MAPLE_HOLLOW, "IMMUNIZATION RECORD");
        c.field("Patient Name:", p.fullName(), 54, c.y, 330);
        c.field("MRN:", p.mrn(), 350, c.y, 558);
        c.y += 26;
        c.field("DOB:", p.dob().format(SampleData.US_DATE), 54, c.y, 200);
        c.field("Sex:", p.sex(), 220, c.y, 330);
        c.field("Phone:", p.phone(), 350, c.y, 558);
        c.y += 30;
        List<String[]> rows = List.of(
                new String[] {"Hepatitis B, adult", "43", "05/12/2014", "TST4471A"},
                new String[] {"MMR", "03", "05/12/2014", "MMR2093K"},
                new String[] {"Tdap", "115", "09/03/2019", "TDP8812C"},
                new String[] {"Pneumococcal polysaccharide PPSV23", "33", "10/14/2022", "PPV3356R"},
                new String[] {"Zoster recombinant (2-dose series)", "187", "10/14/2022", "ZRC1042X"},
                new String[] {"Zoster recombinant (2-dose series)", "187", "01/20/2023", "ZRC1177X"},
                new String[] {"Influenza, quadrivalent, preservative free", "150", "10/02/2023", "FLU2324Q"},
                new String[] {"Hepatitis A, adult", "52", "03/18/2024", "HPA6620B"});
        c.table(new String[] {"Vaccine", "CVX", "Date", "Lot"}, new double[] {260, 50, 94, 100},
                new boolean[] {false, true, false, false}, rows, 22, 11);
        c.font(PageCanvas.SANS, Font.PLAIN, 10.5);
        c.paragraph("All vaccines administered IM, left deltoid, unless noted. VIS given and reviewed with patient "
                + "at each visit.", 0, 14);
        c.y += 14;
        c.field("Reviewed by:", SampleData.MARSH.signature(), 54, c.y, 330);
        c.field("NPI:", SampleData.MARSH.npi(), 350, c.y, 558);
        c.footer("Form MH-IMM-02", "Page 1 of 1");
        return c.finish();
    }

    /**
     * An immunization card printed as a grid: one row per vaccine, one column per dose, each box
     * holding the date given, the product and its lot (Cedar Bend's card).
     */
    static BufferedImage immunizationCard(Patient p, double dpi) {
        PageCanvas c = PageCanvas.letter(dpi);
        c.letterhead(SampleData.CEDAR_BEND, "Immunization Card");
        c.field("Name:", p.last() + ", " + p.first(), 54, c.y, 330);
        c.field("Date of Birth:", p.dob().format(SampleData.US_DATE), 350, c.y, 558);
        c.y += 22;
        c.field("MRN:", p.mrn(), 54, c.y, 250);
        c.y += 16;
        String[][][] doses = {
            {{"06/04/2012", "Engerix-B", "EW4473K"}, {"07/09/2012", "Engerix-B", "EW6634K"}, {"12/10/2012", "Engerix-B", "EW7763K"}},
            {{"09/03/2019", "Boostrix", "TD7763X"}},
            {{"10/04/2022", "Fluarix Quad", "FQ6647M"}, {"10/11/2023", "Fluarix Quad", "FQ7734N"}},
            {{"04/06/2021", "Moderna COVID-19", "MD3367W"}, {"05/04/2021", "Moderna COVID-19", "MD4476W"}},
            {}, {}};
        String[] vaccines = {"Hepatitis B", "Tdap / Td", "Influenza", "COVID-19", "MMR", "Zoster (Shingles)"};
        double x0 = 54, first = 118, dose = 96, header = 20, row = 48, top = c.y;
        c.font(PageCanvas.SANS, Font.BOLD, 10);
        c.text("VACCINE", x0 + 4, top + 14);
        for (int d = 0; d < 4; d++) {
            c.text("DOSE " + (d + 1), x0 + first + d * dose + (dose - c.width("DOSE " + (d + 1))) / 2, top + 14);
        }
        c.rect(x0, top, first + 4 * dose, header + vaccines.length * row, 1);
        c.line(x0, top + header, x0 + first + 4 * dose, top + header, 1);
        for (int d = 0; d <= 4; d++) {
            c.line(x0 + first + d * dose, top, x0 + first + d * dose, top + header + vaccines.length * row, 0.75);
        }
        for (int r = 0; r < vaccines.length; r++) {
            double y = top + header + r * row;
            c.line(x0, y + row, x0 + first + 4 * dose, y + row, 0.75);
            c.font(PageCanvas.SANS, Font.BOLD, 10.5);
            c.text(vaccines[r], x0 + 4, y + 22);
            for (int d = 0; d < 4; d++) {
                double x = x0 + first + d * dose + 4;
                c.font(PageCanvas.SANS, Font.PLAIN, 7);
                c.text("Date", x, y + 13);
                c.text("Lot", x, y + 41);
                if (d < doses[r].length) {
                    c.font(PageCanvas.SANS, Font.PLAIN, 10);
                    c.text(doses[r][d][0], x + 22, y + 13);
                    c.font(PageCanvas.SANS, Font.PLAIN, 8);
                    c.text(doses[r][d][1], x, y + 27);
                    c.font(PageCanvas.SANS, Font.PLAIN, 10);
                    c.text(doses[r][d][2], x + 22, y + 41);
                }
            }
        }
        c.y = top + header + vaccines.length * row + 30;
        c.field("Reviewed by:", SampleData.IBANEZ.signature(), 54, c.y, 330);
        c.footer("CBIM-IMM-04", "Page 1 of 1");
        return c.finish();
    }

    /** One page of the faxed medication and allergy list, at fax resolution (204 x 98 dpi, 1728 px wide). */
    static BufferedImage faxMedicationList(Patient p, int page) {
        PageCanvas c = new PageCanvas(1728 / 204.0, 11, 204, 98);
        c.font(PageCanvas.MONO, Font.PLAIN, 10);
        c.text("MAR-18-2024 14:22  FROM: CEDAR BEND INT MED (503) 555-0187  TO: 5035550143  P." + page + "/2",
                30, 22);
        c.letterhead(SampleData.CEDAR_BEND, "MEDICATION AND ALLERGY LIST");
        c.field("Patient Name:", p.fullName(), 54, c.y, 330);
        c.field("MRN:", p.mrn(), 350, c.y, 558);
        c.y += 26;
        c.field("DOB:", p.dob().format(SampleData.US_DATE), 54, c.y, 200);
        c.field("Sex:", p.sex(), 220, c.y, 330);
        c.field("Date:", SampleData.SERVICE_DATE.format(SampleData.US_DATE), 350, c.y, 558);
        c.y += 26;
        if (page == 1) {
            c.section("Active Medications");
            List<String[]> meds = List.of(
                    new String[] {"Lisinopril", "20 mg", "PO", "once daily", "06/2019"},
                    new String[] {"Metformin ER", "1000 mg", "PO", "twice daily with meals", "02/2020"},
                    new String[] {"Atorvastatin", "40 mg", "PO", "at bedtime", "02/2020"},
                    new String[] {"Aspirin (low dose)", "81 mg", "PO", "once daily", "11/2021"},
                    new String[] {"Omeprazole", "20 mg", "PO", "before breakfast", "08/2022"},
                    new String[] {"Albuterol HFA", "90 mcg/puff", "INH", "2 puffs q4h PRN", "01/2023"},
                    new String[] {"Vitamin D3", "2000 IU", "PO", "once daily", "03/2023"});
            c.table(new String[] {"Medication", "Dose", "Route", "Frequency", "Since"},
                    new double[] {150, 90, 50, 150, 64}, null, meds, 24, 11);
            c.font(PageCanvas.SANS, Font.PLAIN, 11);
            c.paragraph("Discontinued: Hydrochlorothiazide 25 mg (stopped 06/2019, low sodium).", 0, 16);
            c.paragraph("Continued on page 2: allergies and reconciliation.", 0, 16);
        } else {
            c.section("Allergies and Intolerances");
            List<String[]> allergies = List.of(
                    new String[] {"Penicillin", "Hives, itching", "Moderate", "1998"},
                    new String[] {"Sulfa drugs", "Rash", "Mild", "2006"},
                    new String[] {"Shellfish", "Lip swelling", "Severe", "2011"},
                    new String[] {"Latex", "No known reaction", "-", "-"});
            c.table(new String[] {"Allergen", "Reaction", "Severity", "Noted"}, new double[] {150, 174, 100, 80},
                    null, allergies, 24, 11);
            c.section("Reconciliation");
            c.font(PageCanvas.SANS, Font.PLAIN, 11);
            c.paragraph("Medication list reviewed with patient on 03/18/2024. No changes today.", 0, 16);
            c.y += 12;
            c.field("Reconciled by:", SampleData.ROUSSEAU.signature(), 54, c.y, 330);
            c.field("NPI:", SampleData.ROUSSEAU.npi(), 350, c.y, 558);
            c.y += 36;
            c.font(PageCanvas.SERIF, Font.ITALIC, 10);
            c.paragraph("CONFIDENTIALITY NOTICE: This facsimile contains protected health information intended "
                    + "only for the addressee. If you received it in error, call (503) 555-0186 and destroy it.",
                    0, 14);
        }
        c.footer("CBIM medication list", "Page " + page + " of 2");
        return c.finish();
    }

    private ClinicForms() {
    }
}
