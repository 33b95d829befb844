package org.medrec.corpus;

import java.util.List;
import java.util.Map;

/**
 * The ways clinics spell a field's label and a table's column captions: the spellings in medrec's
 * jobs/forms and others it has never been told about (abbreviations, other wordings), so the corpus
 * measures pages medrec has not seen.
 */
final class Labels {

    private static final Map<String, List<String>> SYNONYMS = Map.ofEntries(
            Map.entry("name", List.of("Patient Name", "Patient", "Pt. Name", "Name", "Patient's Name", "Name of Patient",
                    "Pt Name", "Client Name")),
            Map.entry("name_lf", List.of("Name (Last, First)", "Patient Name (Last, First)", "Last, First",
                    "Patient (Last, First MI)", "Name (Last, First, MI)")),
            Map.entry("family", List.of("Last Name", "Family Name", "Surname", "Patient Last Name", "Last")),
            Map.entry("given", List.of("First Name", "First", "Given Name", "Patient First Name")),
            Map.entry("middle", List.of("M.I.", "MI", "Middle Initial", "Middle")),
            Map.entry("dob", List.of("DOB", "D.O.B.", "Date of Birth", "Birth Date", "Birthdate", "Born",
                    "Birth date", "Date of birth (mm/dd/yyyy)", "DOB (MM/DD/YYYY)")),
            Map.entry("sex", List.of("Sex", "Gender", "Sex (M/F)", "Sex at Birth", "Legal Sex")),
            Map.entry("mrn", List.of("MRN", "Med Rec #", "Medical Record #", "Medical Record No.", "Chart #",
                    "Chart No.", "Patient ID", "Pt ID", "Record #", "MR #", "Acct #", "Patient No.", "Chart Number")),
            Map.entry("address", List.of("Address", "Home Address", "Mailing Address", "Street Address", "Street",
                    "Residence", "Address Line 1")),
            Map.entry("city", List.of("City", "Town", "City/Town")),
            Map.entry("csz", List.of("City/State/ZIP", "City, State, ZIP", "City State Zip", "City, ST Zip")),
            Map.entry("mobile", List.of("Cell", "Mobile", "Cell Phone", "Mobile Phone")),
            Map.entry("contact", List.of("Emergency Contact Name", "Contact", "Name")),
            Map.entry("relationship", List.of("Relationship", "Relation", "Rel. to Patient")),
            Map.entry("contact_phone", List.of("Contact Phone", "Phone", "Emergency Phone")),
            Map.entry("allergies", List.of("Allergies", "Drug Allergies", "Known Allergies", "Allergies/Reactions")),
            Map.entry("state", List.of("State", "ST", "St.")),
            Map.entry("zip", List.of("ZIP", "Zip Code", "ZIP Code", "Postal Code", "Zip")),
            Map.entry("phone", List.of("Phone", "Home Phone", "Phone #", "Telephone", "Tel.", "Primary Phone",
                    "Contact Phone", "Home Tel.", "Best Phone", "Phone Number")),
            Map.entry("payer", List.of("Insurance", "Insurance Carrier", "Insurance Company", "Primary Insurance",
                    "Carrier", "Health Plan", "Payer", "Ins. Plan", "Insurance Provider")),
            Map.entry("member_id", List.of("Member ID", "Policy No.", "Policy #", "Subscriber ID", "ID #", "Member #",
                    "Insured ID", "Policy Number", "Member No.", "Subscriber No.", "Ins. ID")),
            Map.entry("group", List.of("Group", "Group #", "Group No.", "Group Number", "Grp #", "Group ID", "Grp No")),
            Map.entry("visit_date", List.of("Visit Date", "Date of Service", "DOS", "Date of Visit", "Encounter Date",
                    "Service Date", "Date Seen")),
            Map.entry("provider", List.of("Provider", "Physician", "Rendering Provider", "Attending", "Seen by",
                    "Clinician", "Treating Provider", "Doctor")),
            Map.entry("npi", List.of("NPI", "NPI #", "Provider NPI", "NPI No.")),
            Map.entry("reason", List.of("Chief Complaint", "CC", "Reason for Visit", "Presenting Complaint",
                    "Reason for visit")),
            // table captions
            Map.entry("col.vaccine", List.of("Vaccine", "Vaccine Name", "Immunization", "Vaccine Type", "Vaccine/Product")),
            Map.entry("col.cvx", List.of("CVX", "CVX Code", "Code")),
            Map.entry("col.given", List.of("Date Given", "Date", "Date Administered", "Given", "Admin Date")),
            Map.entry("col.lot", List.of("Lot #", "Lot", "Lot No.", "Lot Number")),
            Map.entry("col.mfr", List.of("Manufacturer", "Mfr", "Mfg")),
            Map.entry("col.site", List.of("Site", "Site/Route", "Route")),
            Map.entry("col.drug", List.of("Medication", "Drug", "Drug Name", "Medication Name", "Medicine", "Rx")),
            Map.entry("col.dose", List.of("Dose", "Strength", "Dosage")),
            Map.entry("col.route", List.of("Route")),
            Map.entry("col.freq", List.of("Frequency", "Freq", "How Often", "Sig", "Directions")),
            Map.entry("col.allergen", List.of("Allergen", "Allergy", "Substance", "Allergic to", "Agent")),
            Map.entry("col.reaction", List.of("Reaction", "Reactions", "Response")),
            Map.entry("col.code", List.of("ICD-10", "ICD10", "ICD-10 Code", "Code", "Dx Code")),
            Map.entry("col.problem", List.of("Problem", "Description", "Diagnosis", "Condition")),
            Map.entry("col.date", List.of("Date", "DOS", "Service Date", "Date of Service", "Svc Date")),
            Map.entry("col.cpt", List.of("CPT", "Code", "CPT Code", "Proc", "Proc Code", "CPT/HCPCS")),
            Map.entry("col.desc", List.of("Description", "Service", "Procedure Description", "Desc")),
            Map.entry("col.charge", List.of("Charge", "Charges", "Amount", "Fee", "Billed")),
            Map.entry("col.payment", List.of("Payment", "Paid", "Payments", "Pmt", "Credit", "Receipts")),
            Map.entry("col.balance", List.of("Balance", "Bal", "Running Balance", "Acct Balance")),
            Map.entry("col.appt_date", List.of("Date", "Appt Date", "Appointment Date")),
            Map.entry("col.time", List.of("Time", "Appt Time", "Start")),
            Map.entry("col.with", List.of("Provider", "Physician", "Doctor", "With", "Clinician")),
            Map.entry("col.type", List.of("Type", "Visit Type", "Appt Type", "Reason")),
            Map.entry("col.status", List.of("Status", "Result", "Outcome", "Disposition")));

    static List<String> synonyms(String key) {
        List<String> s = SYNONYMS.get(key);
        if (s == null) {
            throw new IllegalArgumentException("no label spellings for " + key);
        }
        return s;
    }

    private Labels() {
    }
}
