package org.medrec.corpus;

import java.util.List;

/** Clinical reference data the pages print: vaccines, medications, diagnoses, procedures, visit kinds. */
final class Clinical {

    /**
     * A vaccine: its CVX code, the CDC short name (the truth of a card that prints only the product), the names
     * a list prints, and a product with its card row caption.
     */
    record Vaccine(String cvx, String shortName, List<String> listNames, String product, String row) {
    }

    record Drug(String name, String dose, String route, String frequency) {
    }

    record Diagnosis(String code, String display) {
    }

    record Procedure(String cpt, String description, String fee) {
    }

    static final List<Vaccine> VACCINES = List.of(
            new Vaccine("115", "Tdap", List.of("Tdap", "Tdap (Boostrix)"), "Boostrix", "Tdap / Td"),
            new Vaccine("03", "MMR", List.of("MMR", "MMR (measles, mumps, rubella)"), "M-M-R II", "MMR"),
            new Vaccine("21", "varicella", List.of("Varicella", "Varicella (Varivax)"), "Varivax", "Varicella"),
            new Vaccine("33", "pneumococcal polysaccharide PPV23", List.of("Pneumococcal polysaccharide PPSV23",
                    "Pneumovax 23"), "Pneumovax 23", "Pneumococcal"),
            new Vaccine("133", "Pneumococcal conjugate PCV 13", List.of("Pneumococcal conjugate PCV13", "Prevnar 13"),
                    "Prevnar 13", "Pneumococcal"),
            new Vaccine("187", "zoster recombinant", List.of("Zoster recombinant", "Shingrix (zoster recombinant)"),
                    "Shingrix", "Zoster (Shingles)"),
            new Vaccine("52", "Hep A, adult", List.of("Hepatitis A, adult", "Hep A, adult"), "Havrix adult",
                    "Hepatitis A"),
            new Vaccine("43", "Hep B, adult", List.of("Hepatitis B, adult", "Hep B, adult"), "Engerix-B adult",
                    "Hepatitis B"),
            new Vaccine("165", "HPV9", List.of("HPV9", "HPV, 9-valent (Gardasil 9)"), "Gardasil 9", "HPV"),
            new Vaccine("150", "Influenza, injectable, quadrivalent, preservative free",
                    List.of("Influenza, quadrivalent, preservative free", "Influenza, injectable, quadrivalent, PF"),
                    "Fluarix Quad", "Influenza"),
            new Vaccine("141", "Influenza, seasonal, injectable", List.of("Influenza, seasonal, injectable"),
                    "Fluzone", "Influenza"));

    /** Route and frequency in the short forms the truth keeps; pages may spell them out ({@link #spelled}). */
    static final List<Drug> DRUGS = List.of(
            new Drug("Lisinopril", "20 mg", "PO", "daily"), new Drug("Metformin", "500 mg", "PO", "BID"),
            new Drug("Atorvastatin", "40 mg", "PO", "QHS"), new Drug("Amlodipine", "5 mg", "PO", "daily"),
            new Drug("Levothyroxine", "75 mcg", "PO", "daily"), new Drug("Omeprazole", "20 mg", "PO", "daily"),
            new Drug("Albuterol HFA", "90 mcg", "INH", "PRN"), new Drug("Sertraline", "50 mg", "PO", "daily"),
            new Drug("Hydrochlorothiazide", "25 mg", "PO", "daily"), new Drug("Gabapentin", "300 mg", "PO", "TID"),
            new Drug("Losartan", "50 mg", "PO", "daily"), new Drug("Montelukast", "10 mg", "PO", "QHS"),
            new Drug("Insulin glargine", "20 units", "SC", "QHS"), new Drug("Furosemide", "40 mg", "PO", "BID"),
            new Drug("Escitalopram", "10 mg", "PO", "daily"), new Drug("Meloxicam", "15 mg", "PO", "daily"));

    static final List<String[]> ALLERGIES = List.of(new String[] {"Penicillin", "Hives"},
            new String[] {"Sulfa drugs", "Rash"}, new String[] {"Shellfish", "Lip swelling"},
            new String[] {"Latex", "Itching"}, new String[] {"Codeine", "Nausea"},
            new String[] {"Peanuts", "Anaphylaxis"}, new String[] {"Lisinopril", "Cough"},
            new String[] {"Amoxicillin", "Rash"});

    static final List<Diagnosis> DIAGNOSES = List.of(
            new Diagnosis("I10", "Essential (primary) hypertension"),
            new Diagnosis("E11.9", "Type 2 diabetes mellitus without complications"),
            new Diagnosis("E78.5", "Hyperlipidemia, unspecified"),
            new Diagnosis("J06.9", "Acute upper respiratory infection, unspecified"),
            new Diagnosis("M54.50", "Low back pain, unspecified"),
            new Diagnosis("K21.9", "Gastro-esophageal reflux disease without esophagitis"),
            new Diagnosis("F41.1", "Generalized anxiety disorder"),
            new Diagnosis("J45.909", "Unspecified asthma, uncomplicated"),
            new Diagnosis("E03.9", "Hypothyroidism, unspecified"),
            new Diagnosis("Z00.00", "Encounter for general adult medical examination without abnormal findings"),
            new Diagnosis("R51.9", "Headache, unspecified"),
            new Diagnosis("N39.0", "Urinary tract infection, site not specified"),
            new Diagnosis("E66.9", "Obesity, unspecified"),
            new Diagnosis("J30.9", "Allergic rhinitis, unspecified"),
            new Diagnosis("R73.03", "Prediabetes"));

    static final List<Procedure> PROCEDURES = List.of(
            new Procedure("99213", "Office visit, est. patient, low complexity", "128.00"),
            new Procedure("99214", "Office visit, est. patient, moderate complexity", "185.00"),
            new Procedure("99203", "Office visit, new patient, low complexity", "157.00"),
            new Procedure("99395", "Preventive visit, est., age 18-39", "210.00"),
            new Procedure("36415", "Routine venipuncture", "18.00"),
            new Procedure("83036", "Hemoglobin A1c", "42.00"),
            new Procedure("80053", "Comprehensive metabolic panel", "56.00"),
            new Procedure("85025", "Complete blood count with differential", "34.00"),
            new Procedure("90471", "Immunization administration", "25.00"),
            new Procedure("93000", "Electrocardiogram, 12-lead", "64.00"),
            new Procedure("81002", "Urinalysis, non-automated", "12.00"),
            new Procedure("J1885", "Injection, ketorolac, 15 mg", "22.50"),
            new Procedure("G0008", "Admin of influenza vaccine", "24.00"));

    /** Visit kinds of an appointment book. */
    static final List<String> VISIT_TYPES = List.of("Follow-up", "New patient", "Annual physical", "Sick visit",
            "Med check", "Telehealth", "Immunization", "Lab only");

    /** Spelled-out routes and frequencies a page may print instead of the short form. */
    static String spelled(String shortForm) {
        return switch (shortForm) {
            case "PO" -> "by mouth";
            case "SC" -> "subcutaneous";
            case "INH" -> "inhaled";
            case "daily" -> "once daily";
            case "BID" -> "twice daily";
            case "TID" -> "three times daily";
            case "QHS" -> "at bedtime";
            case "PRN" -> "as needed";
            default -> shortForm;
        };
    }

    private Clinical() {
    }
}
