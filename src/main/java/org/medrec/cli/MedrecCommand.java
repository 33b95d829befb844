package org.medrec.cli;

import picocli.CommandLine.Command;

/** {@code medrec}: the one entry point for migration teams and cron scripts. */
@Command(name = "medrec", mixinStandardHelpOptions = true, version = "medrec 0.1.0",
        description = "Migrates scanned paper charts and legacy spreadsheets into a PostgreSQL record store.",
        subcommands = {MigrateCommand.class, WorkerCommand.class, ReviewCommand.class, ExportCommand.class, ReportCommand.class,
                ServeCommand.class, UsersCommand.class, CheckConfigCommand.class},
        footer = {"", "Exit codes: 0 done, 1 failed, 2 wrong usage, 3 another migration is running.",
                "Store: MEDREC_DB_URL/_USER/_PASSWORD, or the embedded PostgreSQL under MEDREC_HOME (default ./.medrec)."})
class MedrecCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
