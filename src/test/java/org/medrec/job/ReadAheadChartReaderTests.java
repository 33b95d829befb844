package org.medrec.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.medrec.intake.FileFormat;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

class ReadAheadChartReaderTests {

    @Test
    void shouldCloseTwiceFromTwoThreadsWithoutWaitingForAChartTakenBack() throws Exception {
        // given one OCR thread reading the first chart (held) and the second chart waiting behind it
        CountDownLatch firstBegun = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ThreadPoolTaskExecutor ocr = new ThreadPoolTaskExecutor();
        ocr.setCorePoolSize(1);
        ocr.setMaxPoolSize(1);
        ocr.setDaemon(true);
        ocr.initialize();
        ReadAheadChartReader reader = new ReadAheadChartReader(files(chart(1), chart(2)), file -> {
            if (file.sourceFileId() == 1) {
                firstBegun.countDown();
                releaseFirst.await();
            }
            return new ChartPagesProcessor.Unreadable(file, "test");
        }, ocr, 2);
        reader.open(new ExecutionContext());
        CompletableFuture<ChartPagesProcessor.ReadChart> read = CompletableFuture.supplyAsync(() -> {
            try {
                return reader.read();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(firstBegun.await(10, TimeUnit.SECONDS)).isTrue();

        // when a job stop closes the reader on its thread (it takes the second chart back and waits for the first),
        // and the step closes it too as it ends
        CompletableFuture<Void> stopClose = CompletableFuture.runAsync(reader::close);
        Thread.sleep(300);
        CompletableFuture<Void> stepClose = CompletableFuture.runAsync(reader::close);
        Thread.sleep(300);
        releaseFirst.countDown();

        // then both closes return once the chart that began has ended
        stopClose.get(10, TimeUnit.SECONDS);
        stepClose.get(10, TimeUnit.SECONDS);
        assertThat(read.get(10, TimeUnit.SECONDS).file().sourceFileId()).isEqualTo(1);
        ocr.shutdown();
    }

    private static ReceivedFile chart(long id) {
        return new ReceivedFile(id, Path.of("/nonexistent/in/chart-" + id + ".png"), "chart-" + id + ".png", FileFormat.PNG);
    }

    private static ItemStreamReader<ReceivedFile> files(ReceivedFile... files) {
        Deque<ReceivedFile> left = new ArrayDeque<>(List.of(files));
        return new ItemStreamReader<>() {
            @Override
            public ReceivedFile read() {
                return left.poll();
            }
        };
    }
}
