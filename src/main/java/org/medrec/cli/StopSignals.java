package org.medrec.cli;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT during a migration: the first asks for a graceful stop (the run finishes the
 * chunk it is writing, ends STOPPED and exits with the code of an unfinished run); a second one
 * does what the JVM does by default (shutdown at once; the next migrate still resumes the run).
 * {@link #close()} gives the signals back to the JVM. Uses {@code sun.misc.Signal} (jdk.unsupported):
 * the JVM's own handler would start shutdown hooks that close the store under the running job.
 */
final class StopSignals implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);

    private record Installed(Signal signal, SignalHandler previous) {
    }

    private final List<Installed> installed = new ArrayList<>();
    private volatile boolean stopping;

    StopSignals(Runnable requestStop) {
        this("the migration", requestStop);
    }

    /** {@code what} names what stops in the log line ("the migration", "the worker"). */
    StopSignals(String what, Runnable requestStop) {
        for (String name : List.of("TERM", "INT")) {
            Signal signal = new Signal(name);
            SignalHandler[] previous = new SignalHandler[1];
            try {
                previous[0] = Signal.handle(signal, s -> {
                    if (!stopping) {
                        stopping = true;
                        log.warn("SIG{} received: stopping {} after the current chunk (send it again to stop at once)",
                                s.getName(), what);
                        requestStop.run();
                    } else if (previous[0] != null && previous[0] != SignalHandler.SIG_IGN
                            && previous[0] != SignalHandler.SIG_DFL) {
                        previous[0].handle(s);
                    } else {
                        Runtime.getRuntime().halt(128 + s.getNumber());
                    }
                });
                installed.add(new Installed(signal, previous[0]));
            } catch (IllegalArgumentException e) {
                log.debug("SIG{} is not ours to handle ({}); it keeps its default", name, e.getMessage());
            }
        }
    }

    /** Whether a stop was asked for. */
    boolean stopping() {
        return stopping;
    }

    @Override
    public void close() {
        for (Installed i : installed) {
            Signal.handle(i.signal(), i.previous());
        }
    }
}
