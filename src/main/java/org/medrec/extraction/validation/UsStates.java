package org.medrec.extraction.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * US states, DC, the territories (PR, GU, VI, AS, MP), the freely associated states (FM, MH, PW)
 * and the military "states" (AA, AE, AP), normal form the two-letter USPS code.
 *
 * <p>Read: the code in any case, with or without periods ({@code or}, {@code N.Y.}), the full
 * name ({@code Oregon}, {@code DISTRICT OF COLUMBIA}, {@code Washington, D.C.}) and the traditional
 * abbreviations ({@code Ore.}, {@code Calif.}, {@code Penna.}, {@code W. Va.}). A two-character
 * code with a digit OCR may have read for a letter ({@code 0H}) is repaired when exactly one code
 * fits (marked corrected) and AMBIGUOUS when several do ({@code 1A}: IA or LA). Stateless and
 * thread-safe.
 */
public final class UsStates {

    private static final Map<String, String> NAMES;
    private static final Map<String, String> BY_KEY;

    static {
        Table t = new Table();
        t.state("AL", "Alabama", "Ala");
        t.state("AK", "Alaska");
        t.state("AZ", "Arizona", "Ariz");
        t.state("AR", "Arkansas", "Ark");
        t.state("CA", "California", "Calif", "Cal");
        t.state("CO", "Colorado", "Colo");
        t.state("CT", "Connecticut", "Conn");
        t.state("DE", "Delaware", "Del");
        t.state("DC", "District of Columbia", "Washington DC", "Washington D.C.", "Wash DC", "Wash. D.C.");
        t.state("FL", "Florida", "Fla");
        t.state("GA", "Georgia");
        t.state("HI", "Hawaii");
        t.state("ID", "Idaho");
        t.state("IL", "Illinois", "Ill");
        t.state("IN", "Indiana", "Ind");
        t.state("IA", "Iowa");
        t.state("KS", "Kansas", "Kans", "Kan");
        t.state("KY", "Kentucky");
        t.state("LA", "Louisiana");
        t.state("ME", "Maine");
        t.state("MD", "Maryland");
        t.state("MA", "Massachusetts", "Mass");
        t.state("MI", "Michigan", "Mich");
        t.state("MN", "Minnesota", "Minn");
        t.state("MS", "Mississippi", "Miss");
        t.state("MO", "Missouri");
        t.state("MT", "Montana", "Mont");
        t.state("NE", "Nebraska", "Nebr", "Neb");
        t.state("NV", "Nevada", "Nev");
        t.state("NH", "New Hampshire");
        t.state("NJ", "New Jersey");
        t.state("NM", "New Mexico", "N. Mex");
        t.state("NY", "New York");
        t.state("NC", "North Carolina", "N. Car");
        t.state("ND", "North Dakota", "N. Dak");
        t.state("OH", "Ohio");
        t.state("OK", "Oklahoma", "Okla");
        t.state("OR", "Oregon", "Ore", "Oreg");
        t.state("PA", "Pennsylvania", "Penn", "Penna");
        t.state("RI", "Rhode Island");
        t.state("SC", "South Carolina", "S. Car");
        t.state("SD", "South Dakota", "S. Dak");
        t.state("TN", "Tennessee", "Tenn");
        t.state("TX", "Texas", "Tex");
        t.state("UT", "Utah");
        t.state("VT", "Vermont");
        t.state("VA", "Virginia");
        t.state("WA", "Washington", "Wash");
        t.state("WV", "West Virginia", "W. Va", "W. Virginia");
        t.state("WI", "Wisconsin", "Wis", "Wisc");
        t.state("WY", "Wyoming", "Wyo");
        t.state("PR", "Puerto Rico");
        t.state("GU", "Guam");
        t.state("VI", "U.S. Virgin Islands", "Virgin Islands", "US Virgin Islands", "USVI");
        t.state("AS", "American Samoa");
        t.state("MP", "Northern Mariana Islands", "Commonwealth of the Northern Mariana Islands", "CNMI");
        t.state("FM", "Federated States of Micronesia", "Micronesia");
        t.state("MH", "Marshall Islands");
        t.state("PW", "Palau");
        t.state("AA", "Armed Forces Americas");
        t.state("AE", "Armed Forces Europe");
        t.state("AP", "Armed Forces Pacific");
        NAMES = Collections.unmodifiableMap(t.names);
        BY_KEY = Map.copyOf(t.byKey);
    }

    private UsStates() {
    }

    public static Normalized normalize(String raw) {
        if (Text.isBlank(raw)) {
            return Normalized.empty();
        }
        String key = Text.key(raw);
        String code = BY_KEY.get(key);
        if (code != null) {
            return Normalized.ok(code);
        }
        String compact = Text.squeeze(raw).replace(".", "").replace(" ", "");
        if (compact.length() == 2) {
            Set<String> readings = ocrReadings(compact);
            if (readings.size() == 1) {
                return Normalized.corrected(readings.iterator().next());
            }
            if (readings.size() > 1) {
                return Normalized.ambiguous(null, Text.quote(raw) + " may be " + String.join(" or ", readings), true);
            }
        }
        return Normalized.invalid(Text.quote(raw) + " is not a US state, territory or military state code");
    }

    /** The name of a two-letter code ({@code OR} is Oregon), if it is one. */
    public static Optional<String> name(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(NAMES.get(code.toUpperCase(Locale.ROOT)));
    }

    /** Every code medrec knows, in a stable order. */
    public static List<String> codes() {
        return List.copyOf(NAMES.keySet());
    }

    private static Set<String> ocrReadings(String two) {
        List<String> options = new ArrayList<>(List.of(""));
        for (char c : two.toCharArray()) {
            String letters = switch (c) {
                case '0' -> "ODQ";
                case '1', 'l', '|' -> "IL";
                case '5' -> "S";
                case '8' -> "B";
                case '2' -> "Z";
                case '6' -> "G";
                default -> Character.isLetter(c) ? String.valueOf(Character.toUpperCase(c)) : "";
            };
            List<String> next = new ArrayList<>();
            for (String prefix : options) {
                for (char l : letters.toCharArray()) {
                    next.add(prefix + l);
                }
            }
            options = next;
        }
        Set<String> readings = new LinkedHashSet<>();
        boolean changed = two.chars().anyMatch(c -> Character.isDigit(c) || c == '|' || c == 'l');
        for (String option : options) {
            if (option.length() == 2 && NAMES.containsKey(option) && changed) {
                readings.add(option);
            }
        }
        return readings;
    }

    private static final class Table {
        final Map<String, String> names = new LinkedHashMap<>();
        final Map<String, String> byKey = new HashMap<>();

        void state(String code, String name, String... abbreviations) {
            names.put(code, name);
            byKey.put(Text.key(code), code);
            byKey.put(Text.key(name), code);
            for (String a : abbreviations) {
                byKey.put(Text.key(a), code);
            }
        }
    }
}
