package org.medrec.matching;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medrec.config.StrictYaml;

/**
 * Given names and their short forms ({@code jobs/matching/nicknames.yml}): William and Bill are
 * the same first name to the possible-duplicate comparison, in both directions. Names are folded
 * ({@link Strings#fold}). Immutable and thread-safe.
 */
public final class Nicknames {

    /** {@code nicknames.yml} as written: each full name with its short forms. */
    record File(Map<String, List<String>> nicknames) {
    }

    private final Map<String, Set<String>> same = new HashMap<>();

    public Nicknames(Map<String, List<String>> shortForms) {
        shortForms.forEach((full, shorts) -> shorts.forEach(s -> {
            same.computeIfAbsent(Strings.fold(full), k -> new HashSet<>()).add(Strings.fold(s));
            same.computeIfAbsent(Strings.fold(s), k -> new HashSet<>()).add(Strings.fold(full));
        }));
    }

    public static Nicknames load(Path file) {
        Map<String, List<String>> names = StrictYaml.read(file, File.class).nicknames();
        return new Nicknames(names == null ? Map.of() : names);
    }

    /** Whether two folded given names are a name and one of its short forms. */
    boolean same(String a, String b) {
        return same.getOrDefault(a, Set.of()).contains(b);
    }
}
