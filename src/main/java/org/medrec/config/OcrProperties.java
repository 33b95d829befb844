package org.medrec.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How chart pages are read ({@code medrec.ocr}); every default is in {@code application.yml}. A bad
 * value stops start-up with the setting's name and its valid range.
 *
 * @param threads            chart files read at the same time, each with its own Tesseract
 * @param pageTimeLimit      one OCR pass over a page that runs longer is stopped (1ms..1h)
 * @param separateProcesses  each OCR thread reads in a JVM of its own (a native crash ends only that process)
 * @param processHeapMb      the Java heap of each OCR process
 * @param pageWait           a page that takes longer in all is taken as hung; longer than {@code pageTimeLimit}
 * @param earlyReads         with separate processes, {@code migrate} reads up to this many chart files of the input
 *                           folder while the store starts (0: none)
 */
@Validated
@ConfigurationProperties("medrec.ocr")
public record OcrProperties(@Min(value = 1, message = "must be between 1 and 64")
                            @Max(value = 64, message = "must be between 1 and 64") int threads,
                            @NotNull Duration pageTimeLimit, boolean separateProcesses,
                            @Min(value = 128, message = "must be between 128 and 16384 (MB)")
                            @Max(value = 16384, message = "must be between 128 and 16384 (MB)") int processHeapMb,
                            @NotNull Duration pageWait,
                            @Min(value = 0, message = "must be between 0 and 1000")
                            @Max(value = 1000, message = "must be between 0 and 1000") int earlyReads) {

    public OcrProperties {
        if (pageTimeLimit != null && (pageTimeLimit.isNegative() || pageTimeLimit.isZero()
                || pageTimeLimit.compareTo(Duration.ofHours(1)) > 0)) {
            throw new IllegalArgumentException("medrec.ocr.page-time-limit must be between 1ms and 1h, e.g. 120s; got "
                    + pageTimeLimit);
        }
        if (separateProcesses && pageWait != null && pageTimeLimit != null && pageWait.compareTo(pageTimeLimit) <= 0) {
            throw new IllegalArgumentException("medrec.ocr.page-wait (" + pageWait + ") must be longer than"
                    + " medrec.ocr.page-time-limit (" + pageTimeLimit + ")");
        }
    }
}
