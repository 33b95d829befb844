package org.medrec.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code medrec check-config}: validates {@code jobs/} (forms, clinics, mappings, nicknames) without
 * a store. Exit 0 and a line saying what was read, or exit 1 with the file, the line and the key.
 */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = {"Checks the chart forms, clinics, spreadsheet mappings and nicknames under jobs/ (MEDREC_FORMS,"
                + " MEDREC_MAPPINGS, MEDREC_NICKNAMES) without a store: a misspelt or unknown key is an error naming"
                + " the file, the line and the key. `medrec migrate` runs the same check before it starts."})
class CheckConfigCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(JobsCheck.run().summary());
        return ExitCode.OK;
    }
}
