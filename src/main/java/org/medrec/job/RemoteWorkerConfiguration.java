package org.medrec.job;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.medrec.config.MedrecProperties;
import org.medrec.config.OcrProperties;
import org.medrec.intake.FileFormat;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code medrec worker}: takes partition requests of the chart stage from the broker, one at a time,
 * and runs the worker step on each: the same OCR, extraction and writer as a single-JVM run, on this
 * host's own OCR threads, over the partition's range of source files. It joins whatever run a
 * manager started on the same store and never takes the migration lock.
 */
@Configuration(proxyBeanMethods = false)
@Profile(RemoteWorkerConfiguration.PROFILE)
class RemoteWorkerConfiguration {

    static final String PROFILE = RemoteProfiles.WORKER;
    static final String WORKER_STEP = "chartPagesWorkerStep";

    /** One request at a time and none held back for later (consumer window 0): idle workers get the rest. */
    @Bean
    ConnectionFactory partitionRequestsConnectionFactory(RemoteSettings settings, MedrecProperties properties) {
        BrokerLogin login = BrokerLogin.forWorker(settings, properties.home());
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(settings.tls().connectorUrl(settings.broker()),
                login.user(), login.password());
        factory.setConsumerWindowSize(0);
        factory.setDeserializationAllowList("org.springframework.batch.integration.partition,java.lang");
        return factory;
    }

    @Bean(destroyMethod = "close")
    PartitionWorker partitionWorker(ConnectionFactory partitionRequestsConnectionFactory, RemoteSettings settings,
                                    JobRepository jobRepository, Step chartPagesWorkerStep) {
        return new PartitionWorker(partitionRequestsConnectionFactory, settings, jobRepository, chartPagesWorkerStep);
    }

    @Bean
    Step chartPagesWorkerStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              ReceivedFilesReader partitionChartsReader, ChartPagesProcessor chartPagesProcessor,
                              ChartPagesWriter chartPagesWriter, OcrProperties ocr, ThreadPoolTaskExecutor ocrTaskExecutor) {
        return new StepBuilder(WORKER_STEP, jobRepository)
                .<ReceivedFile, ChartPagesProcessor.ReadChart>chunk(ocr.threads())
                .transactionManager(transactionManager)
                .reader(partitionChartsReader)
                .processor(chartPagesProcessor)
                .writer(chartPagesWriter)
                .taskExecutor(ocrTaskExecutor)
                .build();
    }

    /** The partition's charts; a file this host cannot see fails the partition (see {@link ReceivedFilesReader}). */
    @Bean
    @StepScope
    ReceivedFilesReader partitionChartsReader(
            RunParameters run,
            @Value("#{stepExecutionContext['" + ChartPartitioner.FIRST_ID + "']}") Long firstId,
            @Value("#{stepExecutionContext['" + ChartPartitioner.LAST_ID + "']}") Long lastId, JdbcClient jdbc) {
        return new ReceivedFilesReader(jdbc, run.runId(), run.input(), FileFormat::isChart, firstId, lastId,
                true);
    }
}
