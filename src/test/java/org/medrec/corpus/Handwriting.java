package org.medrec.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which values a person filled in by hand: on about a third of the documents, one to three of them. */
final class Handwriting {

    static Set<String> pick(Style style, List<String> candidates) {
        if (!style.chance(0.35)) {
            return Set.of();
        }
        return new LinkedHashSet<>(some(style, candidates, 1 + style.random.nextInt(Math.min(3, candidates.size()))));
    }

    /** {@code n} distinct items in a random order. */
    static <T> List<T> some(Style style, List<T> items, int n) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, style.random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    private Handwriting() {
    }
}
