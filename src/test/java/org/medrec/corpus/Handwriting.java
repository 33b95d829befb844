package org.medrec.corpus;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which values a person filled in by hand: on about a third of the documents, one to three of them. */
final class Handwriting {

    static Set<String> pick(Style style, List<String> candidates) {
        if (!style.chance(0.35)) {
            return Set.of();
        }
        int n = 1 + style.random.nextInt(Math.min(3, candidates.size()));
        return new LinkedHashSet<>(style.some(candidates, n));
    }

    private Handwriting() {
    }
}
