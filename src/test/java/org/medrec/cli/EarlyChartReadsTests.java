package org.medrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The mark that keeps a store whose last migrate was killed from reading charts before their attempts count. */
class EarlyChartReadsTests {

    @TempDir
    Path home;
    @TempDir
    Path input;

    @ParameterizedTest(name = "the last migrate was killed: {0}")
    @ValueSource(booleans = {false, true})
    void shouldMarkAMigrateThatBeganAndClearTheMarkOnlyWhenOneEnds(boolean lastKilled) throws Exception {
        if (lastKilled) {
            Files.createFile(home.resolve(EarlyChartReads.PENDING));   // the mark it left
        }
        EarlyChartReads reads = new EarlyChartReads(input);

        reads.onApplicationEvent(environmentPrepared(Map.of()));
        assertThat(home.resolve(EarlyChartReads.PENDING)).exists();

        reads.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));
        assertThat(home.resolve(EarlyChartReads.PENDING)).doesNotExist();
    }

    @Test
    void shouldNotMarkAnythingWhenEarlyReadsAreOff() {
        new EarlyChartReads(input).onApplicationEvent(environmentPrepared(Map.of("medrec.ocr.early-reads", "0")));

        assertThat(home.resolve(EarlyChartReads.PENDING)).doesNotExist();
    }

    @Test
    void shouldNotMarkAnythingWithAnExternalStore() {
        new EarlyChartReads(input).onApplicationEvent(
                environmentPrepared(Map.of("medrec.db.url", "jdbc:postgresql://127.0.0.1:5432/medrec")));

        assertThat(home.resolve(EarlyChartReads.PENDING)).doesNotExist();
    }

    private ApplicationEnvironmentPreparedEvent environmentPrepared(Map<String, Object> overrides) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "medrec.home", home.toString(),
                "medrec.ocr.threads", "2",
                "medrec.ocr.page-time-limit", "60s",
                "medrec.ocr.separate-processes", "true",
                "medrec.ocr.process-heap-mb", "256",
                "medrec.ocr.page-wait", "120s",
                "medrec.ocr.early-reads", "16")));
        environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
        return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), new SpringApplication(),
                new String[0], environment);
    }
}
