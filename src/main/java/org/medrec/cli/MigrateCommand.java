package org.medrec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.medrec.job.MigrationService;
import org.medrec.job.RemoteProfiles;
import org.medrec.report.RunSummary;
import org.springframework.context.ConfigurableApplicationContext;
import org.medrec.job.ProgressDisplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code medrec migrate --input DIR [--json] [--workers local|remote [--broker URL]]}. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Migrates every file below DIR (charts and spreadsheets); files already migrated"
                + " (same SHA-256) are skipped. A run that did not complete is resumed.",
                "With --workers remote the charts are read by `medrec worker` processes on other hosts (same store,"
                + " same input path); see jobs/README.md, \"Workers on several machines\"."})
class MigrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "the folder to migrate")
    Path input;

    @Option(names = "--json", description = "print the summary as one JSON document")
    boolean json;

    /** Where the chart pages are read. */
    enum Workers { local, remote }

    @Option(names = "--workers", paramLabel = "local|remote", defaultValue = "local",
            description = "local (default): this process reads the charts; remote: intake and spreadsheets run here,"
                    + " the charts are handed out in partitions to `medrec worker` processes")
    Workers workers;

    @Option(names = "--broker", paramLabel = "URL",
            description = "with --workers remote: an ActiveMQ Artemis broker that is already running"
                    + " (tcp://HOST:PORT); default: this process runs one on medrec.remote.listen (tcp://127.0.0.1:61616,"
                    + " or MEDREC_REMOTE_LISTEN), which admits the store's own broker user only")
    String broker;

    @Mixin
    LogFileOption logFile;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(input)) {
            throw new ParameterException(spec.commandLine(), "--input " + input + " is not a folder");
        }
        if (broker != null && workers != Workers.remote) {
            throw new ParameterException(spec.commandLine(), "--broker goes with --workers remote");
        }
        logFile.apply();
        JobsCheck.run();   // a misspelt key in jobs/ stops the run before anything is read
        try (ConfigurableApplicationContext context = workers == Workers.remote
                ? Store.open(java.util.List.of(RemoteProfiles.MANAGER),
                        broker == null ? new String[0] : new String[] {"--medrec.remote.broker=" + broker})
                : Store.open(new EarlyChartReads(input))) {
            Store.warnIfPrivileged(context, spec.commandLine().getErr());
            RunSummary summary;
            MigrationService migration = context.getBean(MigrationService.class);
            try (StopSignals signals = new StopSignals(migration::requestStop)) {
                summary = migration.migrate(input, Terminal.stderrIsTerminal() ? terminalLine() : null);
            } catch (MigrationService.AlreadyRunningException e) {
                spec.commandLine().getErr().println("medrec: " + e.getMessage());
                return ExitCode.MIGRATION_RUNNING;
            } catch (MigrationService.StoreLostException e) {
                spec.commandLine().getErr().println("medrec: error: " + e.getMessage() + " ("
                        + CommandFailure.rootCause(e) + "); the run did not complete: the next `medrec migrate` of the"
                        + " same folder resumes it once the store is back");
                return ExitCode.FAILED;
            }
            spec.commandLine().getOut().print(json ? Json.write(summary.toJson()) + "\n" : summary.toText());
            spec.commandLine().getOut().flush();
            if (summary.status().equals("STOPPED")) {
                spec.commandLine().getErr().println("medrec: the migration run " + summary.runId() + " was stopped"
                        + " before it completed; the next `medrec migrate` of the same folder resumes it");
                return ExitCode.FAILED;
            }
            if (!summary.status().equals("COMPLETED")) {
                spec.commandLine().getErr().println("medrec: error: the migration run " + summary.runId() + " ended "
                        + summary.status() + "; `medrec report` shows why, and the next `medrec migrate` of the"
                        + " same folder resumes it");
                return ExitCode.FAILED;
            }
            return ExitCode.OK;
        }
    }

    /** The live progress line on stderr (a terminal). */
    private static ProgressDisplay terminalLine() {
        return new ProgressDisplay() {
            @Override
            public void show(String line) {
                Terminal.showLine(System.err, "medrec migrate: " + line);
            }

            @Override
            public void clear() {
                Terminal.clearLine(System.err);
            }
        };
    }
}
