package org.medrec.cli;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import org.medrec.record.Failures;

/**
 * Logs an exception by its kinds only ({@link Failures#chain}): no message, since a parser's or the
 * database's message can quote the values being read. Used by every log pattern, so that a library
 * that logs a failure with its exception (Spring Batch's failed step, say) writes no patient value.
 */
public class ExceptionKindConverter extends ThrowableHandlingConverter {

    @Override
    public String convert(ILoggingEvent event) {
        if (event.getThrowableProxy() instanceof ThrowableProxy proxy) {
            return "  failure: " + Failures.chain(proxy.getThrowable()) + System.lineSeparator();
        }
        return event.getThrowableProxy() == null ? "" : "  failure: " + event.getThrowableProxy().getClassName()
                + System.lineSeparator();
    }
}
