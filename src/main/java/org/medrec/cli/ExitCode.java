package org.medrec.cli;

/** The exit codes of shared/specs/cli.md. */
public final class ExitCode {
    /** The command did its work (review items and quarantined files are normal outcomes). */
    public static final int OK = 0;
    /** It failed: the store is unreachable, a job failed, ...; the message says why. */
    public static final int FAILED = 1;
    /** Wrong usage. */
    public static final int USAGE = 2;
    /** Another migration is already running against this store. */
    public static final int MIGRATION_RUNNING = 3;

    private ExitCode() {
    }
}
