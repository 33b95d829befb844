package org.medrec.matching;

import java.util.EnumMap;
import java.util.Map;

/**
 * Fellegi-Sunter weights: for each field and agreement level, log2(m/u), where m is how often two
 * records of the same person agree that way and u how often two records of different people do.
 * A missing value weighs 0. Immutable and thread-safe.
 *
 * <p>The standard probabilities are estimates for one clinic's register, not fitted: m from the
 * kinds of error a registration desk makes (typos, nicknames, a day and month swapped, a changed
 * surname), u from how often unrelated patients share a value (a birth date about 1 in 1000 pairs
 * within the blocks compared, a family name 1 in 200, a sex 1 in 2).
 */
public final class MatchWeights {

    /** m and u of one field: {exact, close, disagree}. */
    private record Probabilities(double[] m, double[] u) {
    }

    private final Map<MatchField, double[]> weights = new EnumMap<>(MatchField.class);

    private MatchWeights(Map<MatchField, Probabilities> probabilities) {
        probabilities.forEach((field, p) -> {
            double[] w = new double[3];
            for (int i = 0; i < 3; i++) {
                w[i] = Math.log(p.m()[i] / p.u()[i]) / Math.log(2);
            }
            weights.put(field, w);
        });
    }

    public static MatchWeights standard() {
        Map<MatchField, Probabilities> p = new EnumMap<>(MatchField.class);
        p.put(MatchField.FAMILY, new Probabilities(new double[] {0.90, 0.07, 0.03}, new double[] {0.005, 0.01, 0.985}));
        p.put(MatchField.GIVEN, new Probabilities(new double[] {0.88, 0.10, 0.02}, new double[] {0.01, 0.02, 0.97}));
        p.put(MatchField.BIRTH_DATE, new Probabilities(new double[] {0.95, 0.04, 0.01}, new double[] {0.001, 0.002, 0.997}));
        p.put(MatchField.SEX, new Probabilities(new double[] {0.97, 0.0, 0.03}, new double[] {0.5, 1.0, 0.5}));
        p.put(MatchField.ADDRESS, new Probabilities(new double[] {0.70, 0.15, 0.15}, new double[] {0.001, 0.05, 0.949}));
        p.put(MatchField.PHONE, new Probabilities(new double[] {0.80, 0.05, 0.15}, new double[] {0.001, 0.002, 0.997}));
        return new MatchWeights(p);
    }

    /** The weight of one field's agreement (0 for a missing value). */
    public double weight(MatchField field, Agreement agreement) {
        double[] w = weights.get(field);
        return switch (agreement) {
            case EXACT -> w[0];
            case CLOSE -> Double.isFinite(w[1]) ? w[1] : w[2];
            case DISAGREE -> w[2];
            case MISSING -> 0;
        };
    }
}
