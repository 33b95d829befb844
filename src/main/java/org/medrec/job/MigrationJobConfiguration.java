package org.medrec.job;

import java.nio.file.Path;
import org.medrec.config.MedrecProperties;
import org.medrec.intake.FileFormat;
import org.medrec.intake.IntakeOutcome;
import org.medrec.ocr.ChartReading;
import org.medrec.ocr.OcrEngines;
import org.medrec.ocr.OcrProcesses;
import org.medrec.ocr.OcrSettings;
import org.medrec.store.ReviewItemWriter;
import org.medrec.store.RecordLoader;
import org.medrec.store.SheetLoading;
import org.medrec.store.PageStore;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.medrec.store.Ledger;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The migration job: intake (every file below --input into the ledger, fingerprinted, detected,
 * probed, quarantined when it cannot be migrated), then spreadsheets (read with their system's
 * mapping, loaded or held for review), then the pages of charts (text layer or OCR; blank or
 * unreadable files quarantined). Field extraction from chart pages is still to come.
 */
@Configuration(proxyBeanMethods = false)
class MigrationJobConfiguration {

    static final String JOB_NAME = "migrationJob";
    static final String INPUT = "input";
    static final String RUN_ID = "run.id";

    @Bean
    Job migrationJob(JobRepository jobRepository, Step intakeStep, Step sheetsStep, Step chartPagesStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(intakeStep).next(sheetsStep).next(chartPagesStep).build();
    }

    /**
     * Chart files, read page by page (text layer or OCR), files processed in parallel, one OCR engine
     * per thread. With {@code migrate --workers remote} the step of this name is the manager step of
     * {@link RemoteManagerConfiguration} instead.
     */
    @Bean
    @Profile("!" + RemoteManagerConfiguration.PROFILE)
    Step chartPagesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        ReceivedFilesReader receivedChartsReader, ChartReading chartReading, ChartPagesWriter chartPagesWriter,
                        org.medrec.extraction.chart.ChartExtractor chartExtractor, @Value("${medrec.ocr.threads}") int threads,
                        ProgressListener progressListener, org.medrec.store.ReadAttempts readAttempts,
                        ThreadPoolTaskExecutor ocrTaskExecutor) {
        return new StepBuilder("chartPagesStep", jobRepository)
                .<ReceivedFile, ChartPagesProcessor.ReadChart>chunk(threads)
                .transactionManager(transactionManager)
                .reader(receivedChartsReader)
                .processor(chartPagesProcessor(chartReading, chartExtractor, readAttempts))
                .writer(chartPagesWriter)
                .taskExecutor(ocrTaskExecutor)
                .listener((org.springframework.batch.core.listener.StepListener) progressListener)
                .build();
    }

    /** OCR and extraction of one chart file, with the store's crash guard (the same on a worker host). */
    static ChartPagesProcessor chartPagesProcessor(ChartReading chartReading,
                                                   org.medrec.extraction.chart.ChartExtractor chartExtractor,
                                                   org.medrec.store.ReadAttempts readAttempts) {
        return new ChartPagesProcessor(chartReading, chartExtractor, java.time.LocalDate.now(),
                new ChartPagesProcessor.ReadAttempts() {
                    @Override
                    public int begin(long sourceFileId) {
                        return readAttempts.begin(sourceFileId);
                    }

                    @Override
                    public void end(long sourceFileId) {
                        readAttempts.end(sourceFileId);
                    }
                });
    }

    @Bean
    @StepScope
    ReceivedFilesReader receivedChartsReader(@Value("#{jobParameters['" + INPUT + "']}") String input,
                                             @Value("#{jobParameters['" + RUN_ID + "']}") String runId, JdbcClient jdbc) {
        return new ReceivedFilesReader(jdbc, java.util.UUID.fromString(runId), Path.of(input), FileFormat::isChart);
    }

    @Bean
    @StepScope
    ChartPagesWriter chartPagesWriter(@Value("#{jobParameters['" + RUN_ID + "']}") String runId, PageStore pageStore,
                                      Ledger ledger, ReviewItemWriter reviewItems, RecordLoader loader) {
        return new ChartPagesWriter(java.util.UUID.fromString(runId), pageStore, ledger, reviewItems, loader);
    }

    /**
     * The chart stage's threads, kept for the whole run: each holds its own Tesseract ({@link ChartReading}),
     * so a new thread per file (as {@code SimpleAsyncTaskExecutor} does) would start one more engine
     * per file and keep them all (measured: peak RSS 2.9 GB for 100 files, 6 GB for 250).
     */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor ocrTaskExecutor(@Value("${medrec.ocr.threads}") int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(Integer.MAX_VALUE);
        executor.setThreadNamePrefix("ocr-");
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }

    /**
     * One Tesseract per OCR thread, each in a process of its own (or in this JVM when
     * {@code medrec.ocr.separate-processes} is false), ended when the application closes; a page past
     * the time limit is given up.
     */
    @Bean(destroyMethod = "close")
    ChartReading chartReading(@Value("${medrec.ocr.page-time-limit}") java.time.Duration pageTimeLimit,
                              @Value("${medrec.ocr.separate-processes}") boolean separateProcesses,
                              @Value("${medrec.ocr.page-wait}") java.time.Duration pageWait,
                              @Value("${medrec.ocr.process-heap-mb}") int processHeapMb) {
        if (pageTimeLimit.isNegative() || pageTimeLimit.isZero() || pageTimeLimit.compareTo(java.time.Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("medrec.ocr.page-time-limit must be between 1ms and 1h, e.g. 120s; got "
                    + pageTimeLimit);
        }
        if (!separateProcesses) {
            return new OcrEngines(OcrSettings.defaults(), pageTimeLimit);
        }
        if (pageWait.compareTo(pageTimeLimit) <= 0) {
            throw new IllegalArgumentException("medrec.ocr.page-wait (" + pageWait + ") must be longer than"
                    + " medrec.ocr.page-time-limit (" + pageTimeLimit + ")");
        }
        return new OcrProcesses(pageTimeLimit, pageWait, processHeapMb);
    }

    /** Spreadsheets, one file per chunk: read with their mapping, loaded or held, bad rows to review. */
    @Bean
    Step sheetsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                    ReceivedFilesReader receivedSheetsReader, SheetFileWriter sheetFileWriter,
                    ProgressListener progressListener) {
        return new StepBuilder("sheetsStep", jobRepository)
                .<ReceivedFile, ReceivedFile>chunk(1)
                .transactionManager(transactionManager)
                .reader(receivedSheetsReader)
                .writer(sheetFileWriter)
                .listener((org.springframework.batch.core.listener.StepListener) progressListener)
                .build();
    }

    @Bean
    @StepScope
    ReceivedFilesReader receivedSheetsReader(@Value("#{jobParameters['" + INPUT + "']}") String input,
                                             @Value("#{jobParameters['" + RUN_ID + "']}") String runId, JdbcClient jdbc) {
        return new ReceivedFilesReader(jdbc, java.util.UUID.fromString(runId), Path.of(input), FileFormat::isSheet);
    }

    @Bean
    @StepScope
    SheetFileWriter sheetFileWriter(@Value("#{jobParameters['" + RUN_ID + "']}") String runId, SheetLoading loading) {
        return new SheetFileWriter(java.util.UUID.fromString(runId), loading, java.time.LocalDate.now());
    }

    @Bean
    Step intakeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                    SourceFilesReader sourceFilesReader, IntakeProcessor intakeProcessor, LedgerWriter ledgerWriter,
                    MedrecProperties properties, ProgressListener progressListener) {
        return new StepBuilder("intakeStep", jobRepository)
                .<Path, IntakeOutcome>chunk(properties.intake().chunkSize())
                .transactionManager(transactionManager)
                .reader(sourceFilesReader)
                .processor(intakeProcessor)
                .writer(ledgerWriter)
                .listener((org.springframework.batch.core.listener.StepListener) progressListener)
                .build();
    }

    @Bean
    @StepScope
    SourceFilesReader sourceFilesReader(@Value("#{jobParameters['" + INPUT + "']}") String input) {
        return new SourceFilesReader(Path.of(input));
    }

    @Bean
    @StepScope
    IntakeProcessor intakeProcessor(@Value("#{jobParameters['" + INPUT + "']}") String input,
                                    @Value("#{jobParameters['" + RUN_ID + "']}") String runId,
                                    Ledger ledger, MedrecProperties properties) {
        return new IntakeProcessor(Path.of(input), java.util.UUID.fromString(runId), ledger, properties.intake());
    }

    @Bean
    @StepScope
    LedgerWriter ledgerWriter(@Value("#{jobParameters['" + RUN_ID + "']}") String runId, Ledger ledger) {
        return new LedgerWriter(java.util.UUID.fromString(runId), ledger);
    }
}
