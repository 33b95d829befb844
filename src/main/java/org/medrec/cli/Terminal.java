package org.medrec.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether stderr is a terminal (where a live progress line belongs), and that line. On Linux the
 * answer is where {@code /proc/self/fd/2} points (a {@code /dev/pts/N} or {@code /dev/ttyN});
 * elsewhere {@link System#console()}. Thread-safe: the line is written under the stream's lock.
 */
final class Terminal {

    /** Erases the current line of the terminal. */
    static final String CLEAR_LINE = "\r\033[K";

    private static final boolean STDERR_IS_TERMINAL = detect();

    private Terminal() {
    }

    static boolean stderrIsTerminal() {
        return STDERR_IS_TERMINAL;
    }

    private static boolean detect() {
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.isSymbolicLink(fd)) {
            try {
                return isTerminalDevice(Files.readSymbolicLink(fd).toString());
            } catch (IOException e) {
                return false;   // a link that cannot be read is not known to be a terminal: no live line
            }
        }
        return System.console() != null;
    }

    static boolean isTerminalDevice(String device) {
        return device.startsWith("/dev/pts/") || device.matches("/dev/tty[0-9]*") || device.equals("/dev/console");
    }

    /** Replaces the terminal's current line with {@code text} (no newline). */
    static void showLine(PrintStream err, String text) {
        synchronized (err) {
            err.print(CLEAR_LINE + text);
            err.flush();
        }
    }

    /** Erases the progress line. */
    static void clearLine(PrintStream err) {
        synchronized (err) {
            err.print(CLEAR_LINE);
            err.flush();
        }
    }
}
