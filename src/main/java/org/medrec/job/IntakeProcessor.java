package org.medrec.job;

import java.nio.file.Path;
import java.util.UUID;
import org.medrec.config.MedrecProperties;
import org.medrec.intake.Intake;
import org.medrec.intake.IntakeOutcome;
import org.medrec.intake.IsolatedProber;
import org.medrec.store.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Hands each file to {@link Intake}; a path this run already recorded (a restarted run) is
 * filtered out. Step-scoped: its probe JVM is stopped when the step ends. Not thread-safe.
 */
class IntakeProcessor implements ItemProcessor<Path, IntakeOutcome>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IntakeProcessor.class);

    private final UUID runId;
    private final Ledger ledger;
    private final Intake intake;
    private Runnable firstChart;

    /** {@code firstChart}: run once, when the first new chart is accepted (the OCR processes start then). */
    IntakeProcessor(Path root, UUID runId, Ledger ledger, MedrecProperties.Intake settings, Runnable firstChart) {
        this.runId = runId;
        this.ledger = ledger;
        this.firstChart = firstChart;
        this.intake = new Intake(root, ledger::knows, new IsolatedProber(settings.fileTimeLimit(),
                settings.probeHeapMb(), settings.maxImagePixels()));
    }

    @Override
    public IntakeOutcome process(Path file) {
        if (ledger.hasPath(runId, intake.relativePath(file))) {
            return null;
        }
        long begin = System.nanoTime();
        IntakeOutcome outcome = intake.receive(file);
        if (firstChart != null && outcome.disposition() == IntakeOutcome.Disposition.NEW && outcome.probe().accepted()
                && outcome.probe().format().isChart()) {
            firstChart.run();
            firstChart = null;
        }
        if (outcome.quarantined()) {
            log.info("quarantined source file {}: {}", shortSha(outcome), outcome.probe().reason());
        } else {
            log.debug("received source file {} ({}, {} ms)", shortSha(outcome), outcome.disposition(),
                    (System.nanoTime() - begin) / 1_000_000);
        }
        return outcome;
    }

    private static String shortSha(IntakeOutcome outcome) {
        return outcome.sha256() == null ? "(unreadable)" : outcome.sha256().substring(0, 12);
    }

    @Override
    public void close() {
        intake.close();
    }
}
