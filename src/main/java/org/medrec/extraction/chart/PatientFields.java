package org.medrec.extraction.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medrec.extraction.validation.Names;
import org.medrec.extraction.validation.Normalized;

/**
 * The patient's identity, address, phone and insurance, and the visit's date, provider, NPI and
 * reason, from a document's label-value pairs. A field printed on several pages (the identity in
 * every page's header) is read where it was read best, and the pages must agree: when they do not,
 * a person decides. Not thread-safe (one per document).
 */
final class PatientFields {

    private static final Pattern CITY_STATE_ZIP = Pattern.compile(
            "^(.*?)[,\\s]+([A-Za-z]{2})[.,]?\\s+(\\d{5}(?:-\\d{4})?)$");
    private static final Pattern UNIT = Pattern.compile(
            "(?i)^(apt|apartment|ste|suite|unit|#|bldg|building|fl|floor|rm|room|lot|trlr|po box|p\\.o\\. box)\\b.*|^#.*");

    private final ChartValues values;
    private final RecordDraft draft;
    private final LabelValues reader;
    private final List<ChartLine> lines;

    private final Checklists checklists;

    PatientFields(ChartValues values, RecordDraft draft, LabelValues reader, List<ChartLine> lines, Checklists checklists) {
        this.values = values;
        this.draft = draft;
        this.reader = reader;
        this.lines = lines;
        this.checklists = checklists;
    }

    /** Adds the fields the labels give (the MRN is the extractor's: it needs the clinic). */
    void add(List<LabelValue> found, boolean encounter) {
        Map<String, List<LabelValue>> byKey = new LinkedHashMap<>();
        for (LabelValue v : found) {
            byKey.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(v);
        }
        boolean split = byKey.containsKey("patient.family") && byKey.containsKey("patient.given");
        byKey.forEach((key, all) -> {
            switch (key) {
                case "patient.name" -> {
                    if (!split) {
                        name(best(all, "patient", null), Names.Order.GIVEN_FIRST);
                    }
                }
                case "patient.name_family_first" -> {
                    if (!split) {
                        name(best(all, "patient", null), Names.Order.FAMILY_FIRST);
                    }
                }
                case "patient.sex" -> sex(all);
                case "patient.family" -> scalar("patient.family", all, "family");
                case "patient.given" -> scalar("patient.given[0]", all, "given");
                case "patient.middle" -> middle(best(all, "patient", null));
                case "patient.address" -> address(best(all, "patient", null));
                case "patient.city_state_zip" -> cityStateZip(Cell.of(best(all, "patient", null).value()));
                case "patient.city" -> scalar("patient.address.city", all, "city");
                case "patient.state" -> scalar("patient.address.state", all, "state");
                case "patient.postal_code" -> scalar("patient.address.postal_code", all, "postal_code");
                case "patient.birth_date" -> scalar("patient.birth_date", all, "birth_date");
                case "patient.phone" -> scalar("patient.phone", all, "phone");
                case "insurance.payer" -> scalar("patient.insurance[0].payer", all, "payer");
                case "insurance.member_id" -> scalar("patient.insurance[0].member_id", all, "member_id");
                case "insurance.group" -> scalar("patient.insurance[0].group", all, "group");
                default -> {
                    if (encounter && key.startsWith("encounter.")) {
                        String field = key.substring("encounter.".length());
                        scalar("encounters[0]." + field, all, field);
                    }
                }
            }
        });
        sameNameEverywhere(byKey);
        addressComplete(byKey);
    }

    /**
     * An address whose street was read but whose city, state and ZIP were not (a line medrec could
     * not place, a label it does not know): they are asked for, next to the street, rather than left out.
     */
    private void addressComplete(Map<String, List<LabelValue>> byKey) {
        List<String> read = draft.fields().stream().map(org.medrec.record.FieldValue::path).toList();
        if (!read.contains("patient.address.line[0]") || read.contains("patient.address.city")
                || read.contains("patient.address.postal_code")) {
            return;
        }
        LabelValue street = best(byKey.getOrDefault("patient.address", List.of()), "patient", null);
        if (street == null || street.value().isEmpty()) {
            return;
        }
        for (String part : List.of("city", "state", "postal_code")) {
            draft.addMissing("patient.address." + part, street.value(), "the street of the address was read but not its city,"
                    + " state and ZIP (printed on a line or under a label medrec could not place): enter them");
        }
    }

    /**
     * Every copy of the patient's name the document prints (a header on each page, the name in one
     * field and in two) must spell the family name alike, accents included: OCR drops an accent on
     * one copy and not on another ({@code Muler} beside {@code Müller}), and no copy may be loaded
     * over a different spelling. When they differ, the name is for a person to check.
     */
    private void sameNameEverywhere(Map<String, List<LabelValue>> byKey) {
        java.util.Set<String> families = new java.util.TreeSet<>();
        byKey.getOrDefault("patient.name", List.of()).forEach(v -> family(v, Names.Order.GIVEN_FIRST, families));
        byKey.getOrDefault("patient.name_family_first", List.of()).forEach(v -> family(v, Names.Order.FAMILY_FIRST, families));
        byKey.getOrDefault("patient.family", List.of()).stream().filter(v -> !v.value().isEmpty())
                .forEach(v -> families.add(v.value().text().strip().toLowerCase(java.util.Locale.ROOT)));
        if (families.size() > 1) {
            draft.doubt(path -> path.equals("patient.family") || path.startsWith("patient.given["),
                    "the document prints the patient's name more than once and the copies differ ('"
                    + String.join("', '", families) + "'): an accent or a letter may be lost in one of them");
        }
    }

    private static void family(LabelValue v, Names.Order order, java.util.Set<String> families) {
        if (!v.value().isEmpty()) {
            Names.PersonName name = Names.parse(v.value().text(), order);
            if (name.family() != null) {
                families.add(name.family().strip().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    /** The occurrence read best (highest confidence of those that validate as the list's field). */
    private LabelValue best(List<LabelValue> all, String list, String field) {
        LabelValue best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (LabelValue v : all) {
            double score = v.value().isEmpty() ? 0 : v.value().confidence();
            if (field != null && !v.value().isEmpty() && !values.read(list, field, v.value().text()).isOk()) {
                score -= 1;
            }
            if (score > bestScore) {
                best = v;
                bestScore = score;
            }
        }
        return best;
    }

    private void scalar(String path, List<LabelValue> all, String field) {
        String list = path.startsWith("encounters") ? "encounters" : "patient";
        LabelValue chosen = best(all, list, field);
        Normalized n = values.read(list, field, chosen.value().text());
        String doubt = disagreement(all, list, field, n);
        if (chosen.value().isEmpty()) {
            if (required(field)) {
                draft.addMissing(path, chosen.label().span(), "the form prints '" + chosen.label().span().text()
                        + "' but no value was read next to or under it");
            }
            return;
        }
        draft.add(path, Cell.of(chosen.value()), n, doubt);
    }

    private static boolean required(String field) {
        return switch (field) {
            case "birth_date", "family", "given", "date", "npi", "mrn" -> true;
            default -> false;
        };
    }

    /**
     * The pages disagree on the value, or one of them could not be read (a field written by hand on
     * one page and printed on another must still be checked): a person decides.
     */
    private String disagreement(List<LabelValue> all, String list, String field, Normalized chosen) {
        for (LabelValue v : all) {
            if (v.value().isEmpty()) {
                continue;
            }
            Normalized other = values.read(list, field, v.value().text());
            if (all.size() > 1 && (other.status() == Normalized.Status.INVALID
                    || v.value().confidence() < draft.policy().validated())) {
                return "page " + v.page() + " of the document also prints this field, and it could not be read there"
                        + " ('" + v.value().text() + "'): perhaps written by hand";
            }
            if (other.isOk() && chosen.isOk() && !Objects.equals(other.value(), chosen.value())) {
                return "page " + v.page() + " of the document prints a different value ('" + v.value().text() + "')";
            }
        }
        return null;
    }

    private static final Pattern SEX_OPTION = Pattern.compile("(?i)^(m|f|x|u|male|female|other|unknown)[.,]?$");

    /** A sex printed as options to tick ({@code [ ] M [x] F [ ] X}) is read from the marks, not the letters. */
    private void sex(List<LabelValue> all) {
        LabelValue v = best(all, "patient", "sex");
        long options = v.region().words().stream().filter(w -> SEX_OPTION.matcher(w.text()).matches()).count();
        if (options >= 2) {
            Span ticked = checklists.ticked(v.region(), w -> SEX_OPTION.matcher(w).matches());
            if (ticked != null) {
                draft.add("patient.sex", Cell.of(ticked), values.read("patient", "sex", ticked.text()));
                return;
            }
            draft.addMissing("patient.sex", v.region().isEmpty() ? v.label().span() : v.region(),
                    "the form prints the choices to tick ('" + v.region().text() + "'): read which one is marked");
            return;
        }
        scalar("patient.sex", all, "sex");
    }

    private void name(LabelValue v, Names.Order order) {
        if (v.value().isEmpty()) {
            draft.addMissing("patient.family", v.label().span(), "the patient's name was not read");
            return;
        }
        Cell cell = Cell.of(v.value());
        Names.PersonName name = Names.parse(cell.text(), order);
        Normalized r = name.result();
        if (name.family() == null) {
            draft.add("patient.family", cell, Normalized.ambiguous(cell.text(), r.problem() == null
                    ? "the name could not be split into family and given names" : r.problem()));
            draft.addMissing("patient.given[0]", v.value(), "the name could not be split into family and given names");
            return;
        }
        String doubt = r.needsReview() ? r.problem() : null;
        draft.add("patient.family", cell, Normalized.ok(name.family()), doubt);
        for (int i = 0; i < name.given().size(); i++) {
            draft.add("patient.given[" + i + "]", cell, i == 0 ? Names.firstGiven(name.given().get(i))
                    : Normalized.ok(name.given().get(i)), doubt);
        }
        if (name.suffix() != null) {
            draft.add("patient.suffix", cell, Normalized.ok(name.suffix()), doubt);
        }
    }

    private void middle(LabelValue v) {
        if (!v.value().isEmpty()) {
            String text = v.value().text().replaceAll("\\.$", "");
            draft.add("patient.given[1]", Cell.of(v.value()), text.matches("[\\p{L}'-]+") ? Normalized.ok(text)
                    : Normalized.ambiguous(text, "a middle name or initial is one word, and '" + text + "' is not: the label"
                    + " may have taken in the words beside it"));
        }
    }

    private void address(LabelValue v) {
        if (v.value().isEmpty()) {
            return;
        }
        Cell street = Cell.of(v.value());
        Span next = reader.continuation(lines, v.value());
        String text = street.text();
        Matcher all = CITY_STATE_ZIP.matcher(text);
        if (next == null && all.matches() && all.group(1).contains(",")) {
            // one line: street, city, state ZIP
            int cut = all.group(1).lastIndexOf(',');
            lines(street, all.group(1).substring(0, cut));
            cityStateZip(street, all.group(1).substring(cut + 1).strip(), all.group(2), all.group(3));
            return;
        }
        lines(street, text);
        if (next != null) {
            cityStateZip(Cell.of(next));
        }
    }

    private void lines(Cell cell, String text) {
        String[] parts = text.split(",\\s*");
        List<String> lines = new ArrayList<>();
        for (String p : parts) {
            if (!lines.isEmpty() && !UNIT.matcher(p.strip()).matches()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + ", " + p.strip());
            } else {
                lines.add(p.strip());
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            draft.add("patient.address.line[" + i + "]", cell, Normalized.ok(lines.get(i)),
                    lines.get(i).contains(",") ? "the address line has a comma medrec cannot place" : null);
        }
    }

    private void cityStateZip(Cell cell) {
        Matcher m = CITY_STATE_ZIP.matcher(cell.text().strip());
        if (!m.matches()) {
            draft.add("patient.address.city", cell, Normalized.ambiguous(cell.text(), "city, state and ZIP could not be told apart"));
            return;
        }
        cityStateZip(cell, m.group(1).replaceAll(",$", "").strip(), m.group(2), m.group(3));
    }

    private void cityStateZip(Cell cell, String city, String state, String zip) {
        draft.add("patient.address.city", cell, Normalized.ok(city));
        draft.add("patient.address.state", cell, values.read("patient", "state", state));
        draft.add("patient.address.postal_code", cell, values.read("patient", "postal_code", zip));
    }
}
