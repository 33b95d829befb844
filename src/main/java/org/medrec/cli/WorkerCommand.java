package org.medrec.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.medrec.job.PartitionWorker;
import org.medrec.job.RemoteProfiles;
import org.medrec.job.RemoteSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code medrec worker --broker URL}: reads chart partitions of runs started with {@code migrate --workers remote}. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Reads chart pages for migrations started elsewhere with `medrec migrate --workers remote`:"
                + " takes partitions of their chart stage from the broker, one at a time, reads them with this"
                + " host's OCR threads (medrec.ocr.threads) and writes the results into the store. Runs until"
                + " SIGTERM or SIGINT, then finishes the chunk it is writing and exits 0 (the partition it had ends"
                + " STOPPED; the next `medrec migrate` of the folder resumes it).",
                "",
                "It needs: the same store as the manager (MEDREC_DB_URL, MEDREC_DB_USER, MEDREC_DB_PASSWORD), the"
                + " input folder mounted at the same absolute path as on the manager (a file it cannot see fails its"
                + " partition; nothing is quarantined for it), and the broker. It never takes the migration lock.",
                "",
                "Exit codes: 0 stopped by a signal; 1 the broker could not be reached within"
                + " medrec.remote.connect-timeout (30 s), at start or after losing it, or the store is unreachable;"
                + " 2 wrong usage."})
class WorkerCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(WorkerCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--broker", required = true, paramLabel = "URL",
            description = "the broker of the manager: tcp://MANAGER-HOST:61616 (the port of its medrec.remote.listen),"
                    + " or the broker the manager was given with --broker")
    String broker;

    @Mixin
    LogFileOption logFile;

    @Override
    public Integer call() throws Exception {
        if (!RemoteSettings.isTcpUrl(broker)) {
            throw new ParameterException(spec.commandLine(), "--broker must be tcp://HOST:PORT, e.g."
                    + " tcp://medrec-manager:61616; got '" + broker + "'");
        }
        logFile.apply();
        try (ConfigurableApplicationContext context = Store.open(List.of(RemoteProfiles.WORKER),
                "--medrec.remote.broker=" + broker)) {
            PartitionWorker worker = context.getBean(PartitionWorker.class);
            try (StopSignals signals = new StopSignals("the worker", worker::requestStop)) {
                try {
                    worker.awaitBroker();
                } catch (PartitionWorker.BrokerUnreachableException e) {
                    spec.commandLine().getErr().println("medrec: error: " + e.getMessage());
                    return ExitCode.FAILED;
                }
                if (signals.stopping()) {
                    return ExitCode.OK;
                }
                worker.start();
                while (!signals.stopping() && worker.listening()) {
                    Thread.sleep(500);
                }
                boolean lost = !signals.stopping();
                worker.close();   // waits for the partition being read: asked to stop, it ends after its chunk
                if (lost) {
                    spec.commandLine().getErr().println("medrec: error: lost the broker at " + broker + " for longer"
                            + " than medrec.remote.connect-timeout; start the worker again once the manager runs");
                    return ExitCode.FAILED;
                }
                log.info("worker stopped");
                return ExitCode.OK;
            }
        }
    }
}
