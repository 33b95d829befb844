package org.medrec.job;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.medrec.config.MedrecProperties;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.messaging.MessageChannel;

/**
 * {@code medrec migrate --workers remote}: the chart stage becomes the manager step of Spring Batch
 * remote partitioning. Intake and spreadsheets run here as always; the run's chart files are split
 * into {@code medrec.remote.partitions} ranges ({@link ChartPartitioner}), one JMS message each on
 * the broker (the manager's own embedded Artemis unless {@code --broker} names one), and the step
 * waits until the workers ({@link RemoteWorkerConfiguration}) have finished every partition, looking
 * in the shared job repository every {@code medrec.remote.poll-interval}.
 */
@Configuration(proxyBeanMethods = false)
@Profile(RemoteManagerConfiguration.PROFILE)
class RemoteManagerConfiguration {

    static final String PROFILE = RemoteProfiles.MANAGER;

    /** The manager's broker: the embedded one (stopped when the application closes), or none. */
    @Bean
    BrokerLogin brokerLogin(RemoteSettings settings, MedrecProperties properties) {
        return BrokerLogin.forManager(settings, properties.home());
    }

    @Bean(destroyMethod = "close")
    ManagerBroker managerBroker(RemoteSettings settings, MedrecProperties properties, BrokerLogin brokerLogin)
            throws Exception {
        return ManagerBroker.start(settings, properties.home().resolve("broker"), brokerLogin);
    }

    @Bean
    ConnectionFactory partitionRequestsConnectionFactory(ManagerBroker broker, BrokerLogin brokerLogin) {
        return new ActiveMQConnectionFactory(broker.clientUrl(), brokerLogin.user(), brokerLogin.password());
    }

    /** The step of the chart stage under its usual name (progress and restarts know it): it hands the partitions out and waits. */
    @Bean
    Step chartPagesStep(JobRepository jobRepository, ChartPartitioner chartPartitioner,
                        ConnectionFactory partitionRequestsConnectionFactory, RemoteSettings settings,
                        ProgressListener progressListener, RemoteChartProgress remoteChartProgress) {
        JmsTemplate jms = new JmsTemplate(partitionRequestsConnectionFactory);
        MessageChannel requests = (message, timeout) -> {
            jms.convertAndSend(settings.queue(), message.getPayload());
            return true;
        };
        return new RemotePartitioningManagerStepBuilder("chartPagesStep", jobRepository)
                .partitioner(RemoteWorkerConfiguration.WORKER_STEP, chartPartitioner)
                .gridSize(settings.partitions())
                .outputChannel(requests)
                .pollInterval(settings.pollInterval().toMillis())
                .listener((StepExecutionListener) progressListener)
                .listener((StepExecutionListener) remoteChartProgress)
                .build();
    }

    @Bean
    @StepScope
    ChartPartitioner chartPartitioner(RunParameters run, JdbcClient jdbc) {
        return new ChartPartitioner(jdbc, run.runId());
    }

    @Bean
    RemoteChartProgress remoteChartProgress(JdbcClient jdbc, MigrationProgress migrationProgress, RemoteSettings settings,
                                            ProgressSettings progressSettings, ManagerBroker broker) {
        return new RemoteChartProgress(jdbc, migrationProgress, settings.pollInterval(), progressSettings.logInterval(),
                broker.workersConnectTo());
    }
}
