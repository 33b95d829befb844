package org.medrec.extraction.validation;

import java.util.Objects;

/**
 * What a validator made of one raw value (an OCR reading or a spreadsheet cell).
 *
 * <ul>
 *   <li>{@link Status#OK}: {@code value} is the record-model normal form and may be loaded;
 *       {@code problem} is {@code null}.</li>
 *   <li>{@link Status#AMBIGUOUS}: the input can be read in more than one way. {@code value} is the
 *       reading a reviewer is most likely to confirm, or {@code null} when no reading is preferred;
 *       {@code problem} names the readings. Never load it unreviewed.</li>
 *   <li>{@link Status#INVALID}: the input is not a valid value; {@code value} is {@code null} and
 *       {@code problem} says why, in words a medical-records technician can act on.</li>
 *   <li>{@link Status#EMPTY}: nothing was written (null or blank). Whether absence is allowed is
 *       the caller's decision, so this is neither OK nor a problem.</li>
 * </ul>
 *
 * {@code corrected} is true when the value differs from what was written by more than formatting:
 * OCR confusions were repaired (a letter O inside a run of digits read as 0, and so on). A review
 * policy may choose to show such values to a person even when they validate.
 *
 * <p>{@code problem} is written for the reviewer and may quote the value: show it in the review
 * queue, never write it to a log. This class is immutable and thread-safe.
 */
public record Normalized(String value, Status status, String problem, boolean corrected) {

    /** How far a value can be trusted. */
    public enum Status { OK, AMBIGUOUS, INVALID, EMPTY }

    public Normalized {
        Objects.requireNonNull(status, "status");
        switch (status) {
            case OK -> {
                Objects.requireNonNull(value, "an OK result has a value");
                if (problem != null) {
                    throw new IllegalArgumentException("an OK result has no problem");
                }
            }
            case AMBIGUOUS -> Objects.requireNonNull(problem, "an ambiguous result names its readings");
            case INVALID -> {
                Objects.requireNonNull(problem, "an invalid result says why");
                if (value != null) {
                    throw new IllegalArgumentException("an invalid result has no value");
                }
            }
            case EMPTY -> {
                if (value != null || problem != null || corrected) {
                    throw new IllegalArgumentException("an empty result carries nothing");
                }
            }
        }
    }

    public static Normalized ok(String value) {
        return new Normalized(value, Status.OK, null, false);
    }

    /** An OK value that was repaired from OCR confusions. */
    public static Normalized corrected(String value) {
        return new Normalized(value, Status.OK, null, true);
    }

    static Normalized ok(String value, boolean corrected) {
        return new Normalized(value, Status.OK, null, corrected);
    }

    public static Normalized ambiguous(String proposal, String problem) {
        return new Normalized(proposal, Status.AMBIGUOUS, problem, false);
    }

    static Normalized ambiguous(String proposal, String problem, boolean corrected) {
        return new Normalized(proposal, Status.AMBIGUOUS, problem, corrected);
    }

    public static Normalized invalid(String problem) {
        return new Normalized(null, Status.INVALID, problem, false);
    }

    public static Normalized empty() {
        return new Normalized(null, Status.EMPTY, null, false);
    }

    public boolean isOk() {
        return status == Status.OK;
    }

    /** AMBIGUOUS or INVALID: a person must look at it before anything is loaded. */
    public boolean needsReview() {
        return status == Status.AMBIGUOUS || status == Status.INVALID;
    }

    /** The same verdict with {@code corrected} set, for results computed from repaired text. */
    Normalized markCorrected(boolean wasCorrected) {
        if (!wasCorrected || corrected || status == Status.INVALID || status == Status.EMPTY) {
            return this;
        }
        return new Normalized(value, status, problem, true);
    }
}
