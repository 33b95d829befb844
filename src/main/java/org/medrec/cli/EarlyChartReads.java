package org.medrec.cli;

import java.nio.file.Path;
import org.medrec.config.OcrProperties;
import org.medrec.intake.SourceFiles;
import org.medrec.ocr.EarlyOcrProcesses;
import org.medrec.ocr.OcrProcesses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * {@code migrate}: the OCR processes start, and read the first chart files of the input folder
 * ({@link OcrProcesses#readEarly}), as soon as the settings are known, while the application and its store
 * start (PostgreSQL, the schema) and intake runs; the chart stage then uses these processes. Nothing
 * happens with {@code medrec.ocr.separate-processes: false} or {@code early-reads: 0}, nor when the
 * settings do not bind (the application then says why). Not thread-safe: one per start.
 */
final class EarlyChartReads implements ApplicationListener<ApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EarlyChartReads.class);

    private final Path input;
    private OcrProcesses processes;

    EarlyChartReads(Path input) {
        this.input = input;
    }

    /** Starts the reads when {@code app}'s settings are known, and hands the processes to its context. */
    void attach(SpringApplication app) {
        app.addListeners(this);
        app.addInitializers(context -> {
            if (processes != null) {
                context.getBeanFactory().registerSingleton("earlyOcrProcesses", new EarlyOcrProcesses(processes));
            }
        });
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared && processes == null) {
            start(Binder.get(prepared.getEnvironment()));
        } else if (event instanceof ApplicationFailedEvent && processes != null) {
            processes.close();   // the context never took them over
        }
    }

    private void start(Binder settings) {
        try {
            OcrProperties ocr = settings.bind("medrec.ocr", OcrProperties.class).orElse(null);
            if (ocr == null || !ocr.separateProcesses() || ocr.earlyReads() <= 0) {
                return;
            }
            OcrProcesses started = new OcrProcesses(ocr.pageTimeLimit(), ocr.pageWait(), ocr.processHeapMb());
            started.readEarly(SourceFiles.under(input), ocr.threads(), ocr.earlyReads());
            processes = started;
        } catch (RuntimeException e) {
            log.debug("no chart is read before the store has started: {}", e.getMessage());
        }
    }
}
