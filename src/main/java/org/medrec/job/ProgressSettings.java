package org.medrec.job;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How often a running migration tells where it is ({@code medrec.progress.*}, defaults in
 * {@code application.yml}): a log line every {@code logInterval}, and on a terminal a live line
 * redrawn every {@code terminalInterval}.
 */
@Validated
@ConfigurationProperties("medrec.progress")
public record ProgressSettings(@NotNull Duration logInterval, @NotNull Duration terminalInterval) {

    public ProgressSettings {
        if (logInterval != null && logInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("medrec.progress.log-interval must be at least 1s, e.g. 60s; got "
                    + logInterval);
        }
        if (terminalInterval != null && (terminalInterval.compareTo(Duration.ofMillis(100)) < 0
                || terminalInterval.compareTo(Duration.ofMinutes(1)) > 0)) {
            throw new IllegalArgumentException("medrec.progress.terminal-interval must be between 100ms and 1m;"
                    + " got " + terminalInterval);
        }
    }
}
