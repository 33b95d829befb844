package org.medrec.record;

/**
 * When a value read from a page may be loaded without a person: its words were read with at least
 * this confidence (a validated value: dates, codes, numbers; free text: names, descriptions, which
 * no validator can check, needs more), it validated, and nothing was repaired. Immutable.
 */
public record ReviewPolicy(double validated, double text) {

    public ReviewPolicy {
        for (double t : new double[] {validated, text}) {
            if (!(t > 0 && t <= 1)) {
                throw new IllegalArgumentException("a confidence threshold is in (0, 1], not " + t);
            }
        }
    }
}
