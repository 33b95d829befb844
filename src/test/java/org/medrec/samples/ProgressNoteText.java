package org.medrec.samples;

import java.util.List;

/** The SOAP progress-note wording, shared by the photographed note and the born-digital PDF note. */
final class ProgressNoteText {

    record Section(String heading, List<String> lines) {
    }

    static List<Section> sections() {
        return List.of(
                new Section("Chief Complaint", List.of(
                        "Follow-up of hypertension and type 2 diabetes; morning headaches for 2 weeks.")),
                new Section("Subjective", List.of(
                        "Reports good adherence to lisinopril and metformin. Home BP readings 130s/80s.",
                        "Headaches are mild, frontal, resolve with acetaminophen. No vision change, chest pain,",
                        "shortness of breath or focal weakness. Walking 30 minutes, 4 days a week.")),
                new Section("Vitals", List.of(
                        "BP 128/82   Pulse 72   Temp 98.4 F   Resp 16   SpO2 98% RA",
                        "Wt 182 lb   Ht 5 ft 6 in   BMI 29.4")),
                new Section("Objective", List.of(
                        "Alert, in no distress. Heart regular rate and rhythm, no murmur. Lungs clear bilaterally.",
                        "Feet: intact sensation to monofilament, pulses 2+ bilaterally. No edema.",
                        "Labs 03/04/2024: HbA1c 7.4%, LDL 96 mg/dL, creatinine 0.9 mg/dL, eGFR > 60.")),
                new Section("Assessment", List.of(
                        "1. I10 Essential (primary) hypertension - at goal.",
                        "2. E11.9 Type 2 diabetes mellitus without complications - A1c above goal of 7.0%.",
                        "3. E78.5 Hyperlipidemia, unspecified - on statin.",
                        "4. R51.9 Headache, unspecified - likely tension type.")),
                new Section("Plan", List.of(
                        "Continue lisinopril 20 mg daily and atorvastatin 40 mg at bedtime.",
                        "Increase metformin ER to 1000 mg twice daily. Repeat HbA1c in 3 months.",
                        "Headache diary; return sooner for worsening or new neurologic symptoms.",
                        "Diabetic eye exam referral. Follow-up visit in 3 months.")));
    }

    private ProgressNoteText() {
    }
}
