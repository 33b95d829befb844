package org.medrec.job;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;
import org.medrec.record.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.jms.support.converter.SimpleMessageConverter;
import org.springframework.util.backoff.BackOffExecution;

/**
 * A worker's side of remote partitioning: receives partition requests from the broker one at a
 * time (in a JMS transaction: a request whose worker dies before it ends goes back to the queue for
 * another worker) and runs the worker step on each. A request of a run that has ended is dropped; a
 * request of a run being stopped is marked stopped without reading. {@link #requestStop()} makes the
 * running partition stop after its current chunk (it ends STOPPED; the next {@code migrate} resumes
 * it). Logs partition ids and counts only. Thread-safe.
 */
public final class PartitionWorker implements AutoCloseable {

    /** The broker could not be reached within {@code medrec.remote.connect-timeout}. */
    public static final class BrokerUnreachableException extends Exception {
        BrokerUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }

        BrokerUnreachableException(String broker, Duration waited, Throwable cause) {
            super("cannot reach the broker at " + broker + " (tried for " + waited.toSeconds() + " s: "
                    + Failures.kind(cause) + "); is `medrec migrate --workers remote` running on the manager host, and"
                    + " is its port open to this host?", cause);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    private final ConnectionFactory connectionFactory;
    private final RemoteSettings settings;
    private final JobRepository jobRepository;
    private final Step workerStep;
    private final Object lock = new Object();
    private boolean stopping;
    private StepExecution current;
    private volatile DefaultMessageListenerContainer container;
    private volatile boolean brokerLost;

    PartitionWorker(ConnectionFactory connectionFactory, RemoteSettings settings, JobRepository jobRepository,
                    Step workerStep) {
        this.connectionFactory = connectionFactory;
        this.settings = settings;
        this.jobRepository = jobRepository;
        this.workerStep = workerStep;
    }

    /** Tries to connect until {@code medrec.remote.connect-timeout} has passed (or a stop is asked for). */
    public void awaitBroker() throws BrokerUnreachableException, InterruptedException {
        long deadline = System.nanoTime() + settings.connectTimeout().toNanos();
        while (true) {
            try (Connection ignored = connectionFactory.createConnection()) {
                return;
            } catch (jakarta.jms.JMSSecurityException e) {
                throw new BrokerUnreachableException("the broker at " + settings.broker() + " refused this worker's"
                        + " login: set MEDREC_REMOTE_USER and MEDREC_REMOTE_PASSWORD to the manager's (broker.user and"
                        + " broker.password in its MEDREC_HOME/credentials.properties)", e);
            } catch (JMSException | RuntimeException e) {
                synchronized (lock) {
                    if (stopping) {
                        return;
                    }
                }
                if (System.nanoTime() >= deadline) {
                    throw new BrokerUnreachableException(settings.broker(), settings.connectTimeout(), e);
                }
                Thread.sleep(1000);
            }
        }
    }

    /** Starts taking partition requests. */
    public void start() {
        DefaultMessageListenerContainer listener = new DefaultMessageListenerContainer();
        listener.setConnectionFactory(connectionFactory);
        listener.setDestinationName(settings.queue());
        listener.setSessionTransacted(true);
        listener.setConcurrentConsumers(1);
        listener.setMaxConcurrentConsumers(1);
        SimpleMessageConverter converter = new SimpleMessageConverter();
        listener.setMessageListener((MessageListener) message -> {
            try {
                brokerLost = false;
                handle((StepExecutionRequest) converter.fromMessage(message));
            } catch (JMSException | RuntimeException e) {
                // the JMS transaction rolls back: the request goes back to the queue
                // the exception's class only: a message from the store could quote a value
                log.warn("a partition request was given back to the broker ({})", e.getClass().getSimpleName());
                throw e instanceof RuntimeException r ? r : new IllegalStateException(Failures.kind(e), e);
            }
        });
        // lost the broker: try again every second; past the connect timeout the container stops (see listening())
        listener.setBackOff(() -> {
            long deadline = System.nanoTime() + settings.connectTimeout().toNanos();
            return () -> System.nanoTime() < deadline ? 1000 : BackOffExecution.STOP;
        });
        listener.setExceptionListener(e -> {
            if (!brokerLost) {
                brokerLost = true;
                log.warn("lost the broker at {} ({}); trying to reach it again for {} s", settings.broker(),
                        Failures.kind(e), settings.connectTimeout().toSeconds());
            }
        });
        listener.afterPropertiesSet();
        listener.start();
        container = listener;
        log.info("worker ready: taking partitions of the chart stage from {} (queue {})", settings.broker(),
                settings.queue());
    }

    /** Whether it still takes requests (false once the broker was lost for longer than the connect timeout). */
    public boolean listening() {
        DefaultMessageListenerContainer listener = container;
        return listener != null && listener.isRunning();
    }

    /** Whether a partition is being read now. */
    public boolean busy() {
        synchronized (lock) {
            return current != null;
        }
    }

    /** The partition being read stops after its current chunk, and no other is taken. Safe from any thread. */
    public void requestStop() {
        synchronized (lock) {
            stopping = true;
            if (current != null) {
                current.setTerminateOnly();
                log.info("partition {}: stops after the chunk being written", index(current));
            }
        }
    }

    /** Runs one partition of a run. */
    void handle(StepExecutionRequest request) {
        StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
        if (partition == null) {
            log.warn("partition request for step execution {} dropped: the job repository does not know it",
                    request.getStepExecutionId());
            return;
        }
        JobExecution job = partition.getJobExecution();
        UUID runId = RunParameters.of(job.getJobParameters()).runId();
        boolean runStopping = job.getStatus() == BatchStatus.STOPPING || job.getStatus() == BatchStatus.STOPPED;
        if (runStopping && partition.getStatus().isRunning()) {
            partition.setStatus(BatchStatus.STOPPED);
            partition.setExitStatus(ExitStatus.STOPPED.addExitDescription("stopped before a worker took it"));
            partition.setEndTime(LocalDateTime.now());
            jobRepository.update(partition);
            log.info("partition {} of migration run {} not read: the run is being stopped", index(partition), runId);
            return;
        }
        if (!job.getStatus().isRunning() || !partition.getStatus().isRunning()) {
            log.info("partition {} of migration run {} dropped: the run or the partition has ended (run {}, partition {})",
                    index(partition), runId, job.getStatus(), partition.getStatus());
            return;
        }
        ExecutionContext context = partition.getExecutionContext();
        synchronized (lock) {
            if (stopping) {
                throw new IllegalStateException("this worker is stopping: the request goes back to the queue");
            }
            current = partition;
        }
        log.info("took partition {} of migration run {}{}: source files {}..{} ({} files, {} pages when planned)",
                index(partition), runId, partition.getStatus() == BatchStatus.STARTED
                        ? " (again: the worker that had it stopped without finishing)" : "",
                context.getLong(ChartPartitioner.FIRST_ID, 0), context.getLong(ChartPartitioner.LAST_ID, 0),
                context.getInt(ChartPartitioner.FILES, 0), context.getLong(ChartPartitioner.PAGES, 0));
        long begin = System.nanoTime();
        try {
            workerStep.execute(partition);
        } catch (JobInterruptedException e) {
            partition.setStatus(BatchStatus.STOPPED);
            jobRepository.update(partition);
        } catch (RuntimeException e) {
            partition.addFailureException(e);
            partition.setStatus(BatchStatus.FAILED);
            jobRepository.update(partition);
        } finally {
            synchronized (lock) {
                current = null;
            }
        }
        log.info("partition {} of migration run {} ended {}: {} files written, {} filtered, in {} s{}", index(partition),
                runId, partition.getStatus(), partition.getWriteCount(), partition.getFilterCount(),
                Duration.ofNanos(System.nanoTime() - begin).toSeconds(), partition.getStatus() == BatchStatus.FAILED
                        ? ": " + partition.getFailureExceptions().stream().findFirst().map(Throwable::getMessage)
                        .orElse(partition.getExitStatus().getExitDescription()) : "");
    }

    private static int index(StepExecution partition) {
        return partition.getExecutionContext().getInt(ChartPartitioner.INDEX, -1);
    }

    /** Takes no more requests and waits for the partition being read (it stops after its chunk once asked). */
    @Override
    public void close() throws InterruptedException {
        DefaultMessageListenerContainer listener = container;
        if (listener == null) {
            return;
        }
        listener.stop();
        while (busy()) {
            Thread.sleep(200);
        }
        listener.shutdown();
    }
}
