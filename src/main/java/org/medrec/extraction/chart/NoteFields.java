package org.medrec.extraction.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medrec.extraction.validation.Icd10;
import org.medrec.extraction.validation.Normalized;
import org.medrec.extraction.validation.Vitals;

/**
 * The coded and listed parts of a note's free text: the problem history (conditions), allergies,
 * vitals in prose ({@code BP 128/82 HR 72}, "blood pressure 128/82, pulse 72"), the assessment's
 * diagnoses with their ICD-10 codes, and prescriptions. What cannot be split with confidence goes
 * to review as printed. Not thread-safe (one per document).
 */
final class NoteFields {

    static final Pattern ICD10 = Pattern.compile("\\b([A-TV-Z][0-9][0-9AB](?:\\.[0-9A-Z]{1,4})?)\\b");
    private static final Pattern NONE = Pattern.compile(
            "(?i)^(none|nkda|nka|no known .*allergies.*|nkda .*|denies.*|negative|non-?contributory|n/?a|unremarkable"
                    + "|no (significant|pertinent) .*|no active problems)[.]?$");
    private static final Pattern NUMBERED = Pattern.compile("(?:^|\\s)(\\d{1,2})[.)]\\s+");
    private static final Pattern PARENS = Pattern.compile("^(.*?)\\s*\\(([^()]*)\\)\\s*[.;,]?$");
    private static final String NUM = "([0-9OoIlSB|]{1,3}(?:[.,][0-9OoIl]{1,2})?)";
    private static final Pattern BP = Pattern.compile("(?i)\\b(?:BP|blood pressure|B/P)\\s*:?\\s*([0-9OoIl|]{2,3}\\s*/\\s*[0-9OoIl|]{2,3})");
    private static final Pattern PULSE = Pattern.compile("(?i)\\b(?:HR|pulse|heart rate)\\s*:?\\s*" + NUM + "(?=\\b|\\s|,|$)");
    private static final Pattern RESP = Pattern.compile("(?i)\\b(?:RR|resp(?:irations?)?|respiratory rate)\\s*:?\\s*" + NUM);
    private static final Pattern TEMP = Pattern.compile("(?i)\\b(?:temp(?:erature)?)\\s*:?\\s*" + NUM + "\\s*(?:°|deg)?\\s*F?");
    private static final Pattern WEIGHT = Pattern.compile("(?i)\\b(?:wt|weight)\\s*:?\\s*([0-9OoIl.]{2,6})\\s*(lbs?|pounds|kg)?");
    private static final Pattern HEIGHT = Pattern.compile("(?i)\\b(?:ht|height)\\s*:?\\s*([0-9]{1,3}\\s*(?:'|’|ft)\\s*[0-9]{0,2}\\s*(?:\"|”|'')?"
            + "|[0-9]{2,3}(?:\\.[0-9])?\\s*(?:in|inches|\"|cm)?)");
    private static final Pattern SPO2 = Pattern.compile("(?i)\\b(?:SpO2|Sp02|SPO2|O2 sat|oxygen saturation|sat)\\s*:?\\s*([0-9OoIlG]{2,3})\\s*%");

    private final RecordDraft draft;
    private final ChartValues values;

    NoteFields(RecordDraft draft, ChartValues values) {
        this.draft = draft;
        this.values = values;
    }

    void add(List<NoteSections.Section> sections) {
        int conditions = 0, allergies = 0, diagnoses = 0, medications = 0;
        boolean vitals = false;
        for (NoteSections.Section s : sections) {
            if (s.lines().isEmpty()) {
                continue;
            }
            switch (s.kind()) {
                case "history" -> conditions = conditions(s, conditions);
                case "allergies" -> allergies = allergies(s, allergies);
                case "assessment" -> diagnoses = diagnoses(s, diagnoses);
                case "medications" -> medications = medications(s, medications);
                case "vitals" -> {
                    if (!vitals) {
                        vitals(s);
                        vitals = true;
                    }
                }
                default -> {
                }
            }
        }
    }

    private static boolean none(String text) {
        return NONE.matcher(text.strip()).matches();
    }

    private int conditions(NoteSections.Section s, int next) {
        String text = s.text();
        if (none(text)) {
            return next;
        }
        for (String item : text.split(";")) {
            String part = item.strip().replaceAll("[.]$", "");
            if (part.isEmpty()) {
                continue;
            }
            Matcher m = PARENS.matcher(part);
            String display = part;
            String code = null;
            if (m.matches() && ICD10.matcher(m.group(2).strip()).matches()) {
                display = m.group(1).strip();
                code = m.group(2).strip();
            }
            String path = "conditions[" + next++ + "]";
            String doubt = text.contains(";") || !part.contains(",") ? null : "the history could not be split into conditions with confidence";
            draft.add(path + ".display", s.cell(), Normalized.ok(display), doubt);
            if (code != null) {
                draft.add(path + ".code", s.cell(), Icd10.normalize(code), doubt);
            }
        }
        return next;
    }

    private int allergies(NoteSections.Section s, int next) {
        String text = s.text().replaceAll("[.]$", "");
        if (none(text) || REACTION_COLUMN.matcher(text).find()) {
            return next;   // nothing, or a list with "Reaction:" columns, which its table reads
        }
        for (String item : text.split("[;,](?![^()]*\\))|\\.\\s+")) {
            String part = item.strip();
            if (part.isEmpty() || none(part)) {
                continue;
            }
            Matcher m = PARENS.matcher(part);
            String substance = part;
            String reaction = null;
            if (m.matches()) {
                substance = m.group(1).strip();
                reaction = m.group(2).strip();
            } else if (part.contains(" - ")) {
                substance = part.substring(0, part.indexOf(" - ")).strip();
                reaction = part.substring(part.indexOf(" - ") + 3).strip();
            }
            String path = "allergies[" + next++ + "]";
            draft.add(path + ".substance", s.cell(), Normalized.ok(substance));
            if (reaction != null) {
                draft.add(path + ".reaction", s.cell(), Normalized.ok(capitalized(reaction)));
            }
        }
        return next;
    }

    private static final Pattern REACTION_COLUMN = Pattern.compile("(?i)\\breaction\\s*:|\\ballerg(y|en)\\s*:|\\breaction\\b.*\\breaction\\b");

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private int diagnoses(NoteSections.Section s, int next) {
        List<String> items = new ArrayList<>();
        String text = s.text();
        if (text.strip().matches("^\\d{1,2}[.)]\\s.*")) {
            for (String item : text.strip().split("(?:^|\\s)\\d{1,2}[.)]\\s+")) {
                items.add(item);
            }
        } else {
            for (Span line : s.lines()) {
                for (String part : line.text().split(";")) {
                    boolean startsWithCode = ICD10.matcher(part.strip()).lookingAt();
                    if (items.isEmpty() || startsWithCode || part != line.text().split(";")[0]) {
                        items.add(part);
                    } else {
                        items.set(items.size() - 1, items.get(items.size() - 1) + " " + part);
                    }
                }
            }
        }
        for (String item : items) {
            List<String> codes = new ArrayList<>();
            Matcher code = ICD10.matcher(item);
            while (code.find()) {
                codes.add(code.group(1));
            }
            if (codes.isEmpty()) {
                continue;
            }
            String display = ICD10.matcher(item).replaceAll(" ").replaceAll("\\(\\s*\\)", " ")
                    .replaceAll("^[\\s\\-\u2013:,.;]+|[\\s\\-\u2013:,.;]+$", "").replaceAll("\\s+", " ").strip();
            String doubt = codes.size() > 1 ? "the diagnosis line holds several codes: check how it was split" : null;
            for (String c : codes) {
                String path = "encounters[0].diagnoses[" + next++ + "]";
                draft.add(path + ".code", s.cell(), Icd10.normalize(c), doubt);
                if (display.matches(".*\\p{L}{3,}.*")) {
                    draft.add(path + ".display", s.cell(), Normalized.ok(display), doubt);
                }
            }
        }
        return next;
    }

    private int medications(NoteSections.Section s, int next) {
        for (Span line : s.lines()) {
            for (String part : line.text().split(";")) {
                String text = part.strip().replaceAll("^[-•*]\\s*", "").replaceAll("[.]$", "");
                if (text.isEmpty() || none(text)) {
                    continue;
                }
                MedicationLine m = MedicationLine.parse(text);
                String path = "medications[" + next++ + "]";
                Cell cell = Cell.of(line);
                draft.add(path + ".name", cell, Normalized.ok(m.name()), m.doubt());
                addOrAsk(path + ".dose", cell, m.dose() == null ? Normalized.empty() : Normalized.ok(m.dose()), m.doubt());
                addOrAsk(path + ".route", cell, m.route(), m.doubt());
                addOrAsk(path + ".frequency", cell, m.frequency(), m.doubt());
            }
        }
        return next;
    }

    /** A part that was not found is asked for when the line could not be split with confidence. */
    private void addOrAsk(String path, Cell cell, Normalized n, String doubt) {
        if (n.status() == Normalized.Status.EMPTY) {
            if (doubt != null) {
                draft.addMissing(path, cell.parts().get(0), doubt);
            }
            return;
        }
        draft.add(path, cell, n, doubt);
    }

    private void vitals(NoteSections.Section s) {
        String text = s.text();
        Cell cell = s.cell();
        Matcher bp = BP.matcher(text);
        if (bp.find()) {
            Vitals.BloodPressure p = Vitals.bloodPressure(bp.group(1));
            if (p.systolic() != null) {
                String doubt = p.result().needsReview() || p.result().corrected() ? "check the blood pressure" : null;
                draft.add("encounters[0].vitals.bp_systolic", cell, Normalized.ok(String.valueOf(p.systolic())), doubt);
                draft.add("encounters[0].vitals.bp_diastolic", cell, Normalized.ok(String.valueOf(p.diastolic())), doubt);
            } else {
                draft.add("encounters[0].vitals.bp_systolic", cell, p.result());
            }
        }
        vital(PULSE, text, cell, "pulse", Vitals::pulse);
        vital(RESP, text, cell, "resp_rate", Vitals::respiratoryRate);
        vital(TEMP, text, cell, "temp_f", Vitals::temperatureF);
        vital(WEIGHT, text, cell, "weight_lb", raw -> Vitals.weightLb(raw));
        vital(HEIGHT, text, cell, "height_in", Vitals::heightIn);
        vital(SPO2, text, cell, "spo2", Vitals::spo2);
    }

    private void vital(Pattern p, String text, Cell cell, String kind, java.util.function.Function<String, Normalized> read) {
        Matcher m = p.matcher(text);
        if (m.find()) {
            String raw = m.groupCount() >= 2 && m.group(2) != null ? m.group(1) + " " + m.group(2) : m.group(1);
            draft.add("encounters[0].vitals." + kind, cell, read.apply(raw.replace(',', '.')));
        }
    }
}
