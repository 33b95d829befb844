package org.medrec.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;

/**
 * The log file of {@code --log-file}: a plain appending {@link FileAppender} that stays off (and
 * complains about nothing) when no file is named.
 */
public class LogFileAppender extends FileAppender<ILoggingEvent> {

    @Override
    public void start() {
        if (getFile() == null || getFile().isBlank()) {
            return;   // no --log-file: this appender is not used
        }
        super.start();
    }

    @Override
    public void doAppend(ILoggingEvent event) {
        if (isStarted()) {
            super.doAppend(event);
        }
    }
}
