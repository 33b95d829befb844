package org.medrec.cli;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;

/**
 * The stderr log pattern; on a terminal each line first erases the live progress line, so that a
 * log line never runs on from it (the progress line is drawn again below it).
 */
public class TerminalLogEncoder extends PatternLayoutEncoder {

    private static final byte[] CLEAR = Terminal.CLEAR_LINE.getBytes(StandardCharsets.US_ASCII);

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] line = super.encode(event);
        if (!Terminal.stderrIsTerminal()) {
            return line;
        }
        byte[] cleared = new byte[CLEAR.length + line.length];
        System.arraycopy(CLEAR, 0, cleared, 0, CLEAR.length);
        System.arraycopy(line, 0, cleared, CLEAR.length, line.length);
        return cleared;
    }
}
