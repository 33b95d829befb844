package org.medrec.matching;

/** How the values of one field of two patients compare. */
public enum Agreement {
    /** The same value (after normalisation: case, accents, punctuation, phone digits). */
    EXACT,
    /** Nearly the same: a typo, a nickname, a day and month swapped, a surname partly changed. */
    CLOSE,
    /** Different values. */
    DISAGREE,
    /** One side (or both) has no value: no evidence either way. */
    MISSING
}
