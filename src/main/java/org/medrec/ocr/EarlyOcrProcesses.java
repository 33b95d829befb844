package org.medrec.ocr;

import java.util.Objects;

/**
 * OCR processes that {@code migrate} started before the application (and read the first charts with,
 * {@link OcrProcesses#readEarly}): the chart stage's {@link ChartReading} when present.
 */
public record EarlyOcrProcesses(OcrProcesses processes) {

    public EarlyOcrProcesses {
        Objects.requireNonNull(processes, "processes");
    }
}
