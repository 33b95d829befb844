package org.medrec.cli;

import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Parses the command line (before anything is started, so that wrong usage exits 2 at once) and
 * runs the command. Only results go to stdout; messages, logs and usage go to stderr.
 */
public final class Cli {

    private static final Logger log = LoggerFactory.getLogger(Cli.class);

    private Cli() {
    }

    public static int run(String... args) {
        StartupTimeline timeline = StartupTimeline.process();
        timeline.mark("main");
        try {
            return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
        } finally {
            timeline.mark("close");
            timeline.print();
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new MedrecCommand());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExitCodeExceptionMapper(e -> ExitCode.FAILED);
        cmd.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("medrec: " + ex.getMessage());
            c.getErr().println("Usage: " + c.getHelp().synopsis(0).trim());
            c.getErr().println("Try 'medrec " + qualifiedName(c) + " --help' for more.");
            return ExitCode.USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("medrec: error: " + CommandFailure.describe(ex));
            if (LogFileOption.active()) {   // the log file says why the command ended (stderr has it already)
                log.info("command failed: {}", CommandFailure.describe(ex));
            }
            log.debug("command failed", ex);
            return ExitCode.FAILED;
        });
        return cmd;
    }

    private static String qualifiedName(CommandLine c) {
        String name = c.getCommandSpec().qualifiedName(" ");
        return name.startsWith("medrec ") ? name.substring("medrec ".length()) : "";
    }
}
