package org.medrec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --log-file PATH}: the command's log lines are appended to PATH (created with its folders)
 * instead of stderr; warnings and errors still reach stderr too, so that cron mails only trouble.
 * Logs carry ids, counts, timings and reasons, never patient values.
 */
final class LogFileOption {

    /** The system property the logging configuration ({@code logback-spring.xml}) reads. */
    static final String PROPERTY = "medrec.log-file";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--log-file", paramLabel = "PATH",
            description = "append the log to PATH instead of stderr (warnings and errors go to stderr too)")
    Path logFile;

    /** Points the logging at the file; call before the application starts. Wrong usage exits 2. */
    void apply() {
        if (logFile == null) {
            return;
        }
        if (Files.isDirectory(logFile)) {
            throw new ParameterException(mixee.commandLine(), "--log-file " + logFile + " is a folder, not a file");
        }
        System.setProperty(PROPERTY, logFile.toAbsolutePath().toString());
    }

    /** Whether the log goes to a file (set by {@link #apply()}). */
    static boolean active() {
        String file = System.getProperty(PROPERTY);
        return file != null && !file.isBlank();
    }
}
