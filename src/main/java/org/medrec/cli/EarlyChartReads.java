package org.medrec.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.medrec.config.HomeSecrets;
import org.medrec.config.OcrProperties;
import org.medrec.intake.SourceFiles;
import org.medrec.ocr.EarlyOcrProcesses;
import org.medrec.ocr.OcrProcesses;
import org.medrec.record.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * {@code migrate}: the OCR processes start, and read the first chart files of the input folder
 * ({@link OcrProcesses#readEarly}), as soon as the settings are known, while the application and its store
 * start (PostgreSQL, the schema) and intake runs; the chart stage then uses these processes. Nothing
 * happens with {@code medrec.ocr.separate-processes: false} or {@code early-reads: 0}, nor when the
 * settings do not bind (the application then says why).
 *
 * <p>A chart read early has no read attempt in the store: were its reading to kill medrec itself (the
 * machine out of memory), every run would die the same way before the chart stage could count the
 * attempts and quarantine the file. So {@value #PENDING} in {@code MEDREC_HOME} marks a migrate that
 * began (with or without early reads) and has not ended: while it is there, none is read early, and
 * only a migrate that ends (completed or not, but not killed) removes it. With an external store
 * ({@code medrec.db.url}) there is no such mark, and no early reads. Not thread-safe: one per start.
 */
final class EarlyChartReads implements ApplicationListener<ApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EarlyChartReads.class);
    static final String PENDING = "migrate-pending";

    private final Path input;
    private OcrProcesses processes;
    private Path pending;

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
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared && processes == null && pending == null) {
            start(Binder.get(prepared.getEnvironment()));
        } else if (event instanceof ApplicationFailedEvent) {
            if (processes != null) {
                processes.close();   // the context never took them over
            }
            ended();
        } else if (event instanceof ContextClosedEvent) {
            ended();
        }
    }

    /** The migrate ended (and was not killed): the next may read charts early. */
    private void ended() {
        if (pending != null) {
            try {
                Files.deleteIfExists(pending);
            } catch (IOException e) {
                log.debug("{} could not be removed: {}", PENDING, Failures.kind(e));
            }
        }
    }

    private void start(Binder settings) {
        try {
            OcrProperties ocr = settings.bind("medrec.ocr", OcrProperties.class).orElse(null);
            if (ocr == null || !ocr.separateProcesses() || ocr.earlyReads() <= 0
                    || !settings.bind("medrec.db.url", String.class).orElse("").isBlank()) {
                return;
            }
            Path home = HomeSecrets.secureHome(settings.bind("medrec.home", Path.class).orElse(Path.of(".medrec")));
            pending = home.resolve(PENDING);
            try {
                Files.createFile(pending);
            } catch (FileAlreadyExistsException e) {
                log.info("no chart is read while the store starts: the last migrate of this store did not end");
                return;   // and the mark stays until a migrate ends
            }
            OcrProcesses started = new OcrProcesses(ocr.pageTimeLimit(), ocr.pageWait(), ocr.processHeapMb());
            started.readEarly(SourceFiles.under(input), ocr.threads(), ocr.earlyReads());
            processes = started;
        } catch (IOException | RuntimeException e) {
            log.debug("no chart is read before the store has started: {}", Failures.kind(e));
        }
    }
}
