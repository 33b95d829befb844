package org.medrec.extraction.chart;

import java.util.Set;
import java.util.regex.Pattern;
import org.medrec.extraction.validation.Normalized;

/**
 * Checks a provider's name as printed ({@code Kim, Sarah J MD}, {@code Sarah J. Kim, MD},
 * {@code Dr. Sarah Kim}): names and initials with a known credential at the end, or {@code Dr.}
 * at the start, and nothing else: no stray mark, no credential OCR misread ({@code pO},
 * {@code MD.}). A name that passes is kept as printed; one that does not goes to review.
 * Stateless.
 */
final class ProviderNames {

    private static final Set<String> CREDENTIALS = Set.of("MD", "DO", "NP", "PA-C", "PA", "FNP-C", "FNP", "FNP-BC", "RN",
            "DNP", "ARNP", "APRN", "CNM", "DPM", "OD", "PhD", "MBBS", "DC", "CRNP", "PMHNP", "NP-C", "DDS", "DMD");
    private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}'\\-]*\\p{Ll}[\\p{L}'\\-]*|\\p{Lu}[\\p{Lu}'\\-]+");
    private static final Pattern INITIAL = Pattern.compile("\\p{Lu}\\.?");

    private ProviderNames() {
    }

    static Normalized check(String raw) {
        String text = raw.strip().replaceAll("\\s+", " ");
        String[] words = text.split(" ");
        int from = 0, to = words.length;
        boolean doctor = words[0].equals("Dr.") || words[0].equals("DR.");
        if (doctor) {
            from = 1;
        } else if (CREDENTIALS.contains(words[to - 1])) {
            to--;
        } else {
            return Normalized.invalid("'" + text + "' does not end with a credential medrec knows (MD, DO, NP, PA-C, ...)");
        }
        if (to - from < 2) {
            return Normalized.invalid("'" + text + "' is not a provider's full name");
        }
        int commas = 0;
        for (int i = from; i < to; i++) {
            String w = words[i];
            boolean comma = w.endsWith(",");
            String bare = comma ? w.substring(0, w.length() - 1) : w;
            commas += comma ? 1 : 0;
            if (comma && !(i == from || i == to - 1)) {
                return Normalized.invalid("'" + text + "' has a comma where a provider's name has none");
            }
            if (!NAME.matcher(bare).matches() && !INITIAL.matcher(bare).matches()) {
                return Normalized.invalid("'" + w + "' in '" + text + "' is not part of a name");
            }
        }
        return commas > 2 ? Normalized.invalid("'" + text + "' has too many commas for a name") : Normalized.ok(text);
    }
}
