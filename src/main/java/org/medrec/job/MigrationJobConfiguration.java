package org.medrec.job;

import java.nio.file.Path;
import java.time.LocalDate;
import org.medrec.config.MedrecProperties;
import org.medrec.config.OcrProperties;
import org.medrec.extraction.chart.ChartExtractor;
import org.medrec.intake.FileFormat;
import org.medrec.intake.IntakeOutcome;
import org.medrec.ocr.ChartReading;
import org.medrec.store.Ledger;
import org.medrec.store.PageStore;
import org.medrec.store.ReadAttempts;
import org.medrec.store.RecordLoader;
import org.medrec.store.ReviewItemWriter;
import org.medrec.store.SheetLoading;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The migration job, three steps:
 * <ol>
 *   <li>{@code intakeStep}: every file below {@code --input} into the ledger, fingerprinted, detected
 *       and probed; a file that cannot be migrated is quarantined with the reason;</li>
 *   <li>{@code sheetsStep}: each spreadsheet read with its system's mapping, its patients loaded or
 *       held for review, its bad rows in review ({@link SheetLoading});</li>
 *   <li>{@code chartPagesStep}: each chart read page by page (text layer or OCR), its document
 *       classified and extracted ({@link ChartExtractor}), then loaded or held
 *       ({@link ChartPagesWriter}); files in parallel, one OCR engine per thread.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class MigrationJobConfiguration {

    static final String JOB_NAME = "migrationJob";

    @Bean
    Job migrationJob(JobRepository jobRepository, Step intakeStep, Step sheetsStep, Step chartPagesStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(intakeStep).next(sheetsStep).next(chartPagesStep).build();
    }

    /** The running step's run id and input folder (no proxy: a record is final; only step-scoped beans take it). */
    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
    RunParameters runParameters(@Value("#{stepExecution}") StepExecution step) {
        return RunParameters.of(step.getJobParameters());
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
                .listener((StepListener) progressListener)
                .build();
    }

    @Bean
    @StepScope
    SourceFilesReader sourceFilesReader(RunParameters run) {
        return new SourceFilesReader(run.input());
    }

    @Bean
    @StepScope
    IntakeProcessor intakeProcessor(RunParameters run, Ledger ledger, MedrecProperties properties) {
        return new IntakeProcessor(run.input(), run.runId(), ledger, properties.intake());
    }

    @Bean
    @StepScope
    LedgerWriter ledgerWriter(RunParameters run, Ledger ledger) {
        return new LedgerWriter(run.runId(), ledger);
    }

    /** Spreadsheets, one file per chunk. */
    @Bean
    Step sheetsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                    ReceivedFilesReader receivedSheetsReader, SheetFileWriter sheetFileWriter,
                    ProgressListener progressListener) {
        return new StepBuilder("sheetsStep", jobRepository)
                .<ReceivedFile, ReceivedFile>chunk(1)
                .transactionManager(transactionManager)
                .reader(receivedSheetsReader)
                .writer(sheetFileWriter)
                .listener((StepListener) progressListener)
                .build();
    }

    @Bean
    @StepScope
    ReceivedFilesReader receivedSheetsReader(RunParameters run, JdbcClient jdbc) {
        return new ReceivedFilesReader(jdbc, run.runId(), run.input(), FileFormat::isSheet);
    }

    @Bean
    @StepScope
    SheetFileWriter sheetFileWriter(RunParameters run, SheetLoading loading) {
        return new SheetFileWriter(run.runId(), loading, LocalDate.now());
    }

    /**
     * Chart files, files in parallel, one OCR engine per thread. With {@code migrate --workers remote}
     * the step of this name is the manager step of {@link RemoteManagerConfiguration} instead.
     */
    @Bean
    @Profile("!" + RemoteManagerConfiguration.PROFILE)
    Step chartPagesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        ReceivedFilesReader receivedChartsReader, ChartPagesProcessor chartPagesProcessor,
                        ChartPagesWriter chartPagesWriter, OcrProperties ocr, ProgressListener progressListener,
                        ThreadPoolTaskExecutor ocrTaskExecutor) {
        return new StepBuilder("chartPagesStep", jobRepository)
                .<ReceivedFile, ChartPagesProcessor.ReadChart>chunk(ocr.threads())
                .transactionManager(transactionManager)
                .reader(receivedChartsReader)
                .processor(chartPagesProcessor)
                .writer(chartPagesWriter)
                .taskExecutor(ocrTaskExecutor)
                .listener((StepListener) progressListener)
                .build();
    }

    @Bean
    @StepScope
    ReceivedFilesReader receivedChartsReader(RunParameters run, JdbcClient jdbc) {
        return new ReceivedFilesReader(jdbc, run.runId(), run.input(), FileFormat::isChart);
    }

    /** OCR and extraction of one chart file, with the store's crash guard (the same on a worker host). */
    @Bean
    ChartPagesProcessor chartPagesProcessor(ChartReading chartReading, ChartExtractor chartExtractor,
                                            ReadAttempts readAttempts) {
        return new ChartPagesProcessor(chartReading, chartExtractor, LocalDate.now(),
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
    ChartPagesWriter chartPagesWriter(RunParameters run, PageStore pageStore, Ledger ledger, ReviewItemWriter reviewItems,
                                      RecordLoader loader) {
        return new ChartPagesWriter(run.runId(), pageStore, ledger, reviewItems, loader);
    }

    /**
     * The chart stage's threads, kept for the whole run: each holds its own Tesseract ({@link ChartReading}),
     * so a new thread per file (as {@code SimpleAsyncTaskExecutor} does) would start one more engine
     * per file and keep them all (measured: peak RSS 2.9 GB for 100 files, 6 GB for 250).
     */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor ocrTaskExecutor(OcrProperties ocr) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(ocr.threads());
        executor.setMaxPoolSize(ocr.threads());
        executor.setQueueCapacity(Integer.MAX_VALUE);
        executor.setThreadNamePrefix("ocr-");
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }
}
