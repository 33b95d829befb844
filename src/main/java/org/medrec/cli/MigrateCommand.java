package org.medrec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.medrec.job.MigrationService;
import org.medrec.report.RunSummary;
import org.springframework.context.ConfigurableApplicationContext;
import org.medrec.job.ProgressDisplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code medrec migrate --input DIR [--json]}. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Migrates every file below DIR (charts and spreadsheets); files already migrated"
                + " (same SHA-256) are skipped. A run that did not complete is resumed.")
class MigrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "DIR", description = "the folder to migrate")
    Path input;

    @Option(names = "--json", description = "print the summary as one JSON document")
    boolean json;

    @Mixin
    LogFileOption logFile;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(input)) {
            throw new ParameterException(spec.commandLine(), "--input " + input + " is not a folder");
        }
        logFile.apply();
        try (ConfigurableApplicationContext context = Store.open()) {
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
