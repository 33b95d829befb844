package org.medrec.intake;

import java.util.Objects;

/**
 * What intake did with one path of a run: a new file (accepted or quarantined) or one whose
 * content (same SHA-256) was migrated before. {@code path} is relative to the run's input folder.
 */
public record IntakeOutcome(String path, String sha256, long size, Disposition disposition, ProbeResult probe) {

    public enum Disposition { NEW, ALREADY_MIGRATED }

    public IntakeOutcome {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(disposition, "disposition");
        if (disposition == Disposition.NEW) {
            Objects.requireNonNull(probe, "a new file needs its probe result");
        }
        if (sha256 == null && (probe == null || probe.accepted())) {
            throw new IllegalArgumentException("only a quarantined file may lack a SHA-256");
        }
    }

    public boolean quarantined() {
        return disposition == Disposition.NEW && !probe.accepted();
    }
}
