package org.medrec.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * medrec's settings; every default is in {@code application.yml}. A bad value stops start-up
 * with the valid range in the message.
 */
@Validated
@ConfigurationProperties("medrec")
public record MedrecProperties(@NotNull Path home, @NotNull Path mappings, @NotNull Path forms, @NotNull @Valid Db db,
                               @NotNull @Valid Intake intake, @NotNull @Valid Review review,
                               @NotNull(message = "must be set: the clinic's time zone, e.g. America/New_York")
                               ZoneId clinicTimeZone) {

    public MedrecProperties {
        if (clinicTimeZone instanceof ZoneOffset) {
            throw new IllegalArgumentException("medrec.clinic-time-zone must be a region such as America/New_York,"
                    + " not the fixed offset " + clinicTimeZone + " (an offset ignores daylight saving time)");
        }
    }

    /**
     * The record store. An empty {@code url} means: start the embedded PostgreSQL under {@code home}.
     * {@code user} is the role medrec works as; {@code ownerUser} (optional) owns the schema and runs
     * the migrations (see jobs/store-roles.sql). {@code embeddedStopAfter}: how long the embedded server keeps
     * running once the last command using it has ended (0s: it stops with that command), 0s..1h.
     * {@code connectTimeout}: how long a command waits for a connection to the store before it takes the
     * store for unreachable, 250ms..5m.
     */
    public record Db(String url, String user, String password, String ownerUser, String ownerPassword,
                     @Min(value = 2, message = "must be between 2 and 100")
                     @Max(value = 100, message = "must be between 2 and 100") int poolSize,
                     @NotNull Duration embeddedStopAfter,
                     @NotNull Duration connectTimeout) {

        public Db {
            if (embeddedStopAfter != null && (embeddedStopAfter.isNegative()
                    || embeddedStopAfter.compareTo(Duration.ofHours(1)) > 0)) {
                throw new IllegalArgumentException("medrec.db.embedded-stop-after must be between 0s and 1h, e.g. 30s;"
                        + " got " + embeddedStopAfter);
            }
            if (connectTimeout != null && (connectTimeout.compareTo(Duration.ofMillis(250)) < 0
                    || connectTimeout.compareTo(Duration.ofMinutes(5)) > 0)) {
                throw new IllegalArgumentException("medrec.db.connect-timeout must be between 250ms and 5m, e.g. 5s;"
                        + " got " + connectTimeout);
            }
        }

        @Override
        public String toString() {
            return "Db[" + url + ", " + user + ", " + ownerUser + "]";   // never the passwords
        }

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /**
     * When a value read from a chart page is loaded without a person: the least confidence of its
     * words, for values a validator checks and for free text, and per field where the field's
     * measured reliability asks for another ({@code confidence-by-field}, keyed by the last step of
     * the path: {@code phone}, {@code description}).
     */
    public record Review(@DecimalMin(value = "0.5", message = "must be between 0.5 and 1.0")
                         @DecimalMax(value = "1.0", message = "must be between 0.5 and 1.0") double confidenceValidated,
                         @DecimalMin(value = "0.5", message = "must be between 0.5 and 1.0")
                         @DecimalMax(value = "1.0", message = "must be between 0.5 and 1.0") double confidenceText,
                         java.util.Map<String, @DecimalMin(value = "0.5", message = "must be between 0.5 and 1.0")
                         @DecimalMax(value = "1.0", message = "must be between 0.5 and 1.0") Double> confidenceByField) {

        public Review {
            confidenceByField = confidenceByField == null ? java.util.Map.of() : java.util.Map.copyOf(confidenceByField);
        }
    }

    /** Limits that keep a hostile or broken file from stopping a run. */
    public record Intake(@NotNull Duration fileTimeLimit,
                         @Min(value = 32, message = "must be between 32 and 16384 (MB)")
                         @Max(value = 16384, message = "must be between 32 and 16384 (MB)") int probeHeapMb,
                         @Min(value = 1_000_000, message = "must be at least 1000000 pixels") long maxImagePixels,
                         @Min(value = 1, message = "must be between 1 and 1000")
                         @Max(value = 1000, message = "must be between 1 and 1000") int chunkSize) {

        public Intake {
            if (fileTimeLimit != null && (fileTimeLimit.isNegative() || fileTimeLimit.isZero())) {
                throw new IllegalArgumentException("medrec.intake.file-time-limit must be positive, e.g. 120s");
            }
        }
    }
}
