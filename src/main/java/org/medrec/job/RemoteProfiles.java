package org.medrec.job;

/** The Spring profiles of workers on several machines; the CLI turns them on. */
public final class RemoteProfiles {

    /** {@code medrec migrate --workers remote}: the chart stage is handed out to workers. */
    public static final String MANAGER = "remote-manager";

    /** {@code medrec worker}: reads the partitions it is handed. */
    public static final String WORKER = "remote-worker";

    private RemoteProfiles() {
    }
}
