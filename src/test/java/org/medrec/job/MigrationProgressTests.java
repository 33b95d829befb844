package org.medrec.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MigrationProgressTests {

    private final AtomicLong now = new AtomicLong();
    private final MigrationProgress progress = new MigrationProgress(now::get);

    private void after(Duration elapsed) {
        now.addAndGet(elapsed.toNanos());
    }

    @Test
    void shouldGiveRateAndTimeLeftInPagesWhenTheStageCountsPages() {
        progress.begin("charts", 9, 60);
        after(Duration.ofSeconds(20));
        progress.done(2, 12);

        MigrationProgress.Snapshot snapshot = progress.snapshot();

        assertThat(snapshot.rate()).isEqualTo(0.6);
        assertThat(snapshot.timeLeft()).contains(Duration.ofSeconds(80));
        assertThat(snapshot.line()).isEqualTo("charts: 2/9 files, 12/60 pages, 0.60 pages/s, 1 min 20 s left");
    }

    @Test
    void shouldCountFilesWhenTheStageHasNoPages() {
        progress.begin("intake", 400, 0);
        after(Duration.ofSeconds(10));
        progress.done(100, 0);

        assertThat(progress.snapshot().line()).isEqualTo("intake: 100/400 files, 10.00 files/s, 30 s left");
    }

    @Test
    void shouldNotGuessTheTimeLeftBeforeAnythingIsDone() {
        progress.begin("charts", 3, 5);
        after(Duration.ofSeconds(5));

        assertThat(progress.snapshot().timeLeft()).isEmpty();
        assertThat(progress.snapshot().line()).endsWith("time left not known yet");
    }

    @Test
    void shouldStartCountingAgainWhenTheNextStageBegins() {
        progress.begin("intake", 4, 0);
        progress.done(4, 0);
        after(Duration.ofHours(2));
        progress.begin("charts", 2, 3000);
        after(Duration.ofSeconds(1));
        progress.done(1, 1);

        MigrationProgress.Snapshot snapshot = progress.snapshot();

        assertThat(snapshot.filesDone()).isEqualTo(1);
        assertThat(snapshot.timeLeft()).contains(Duration.ofSeconds(2999));
        assertThat(snapshot.line()).endsWith("49 min 59 s left");
    }

    @Test
    void shouldRefuseProgressIntervalsOutsideTheirRange() {
        assertThatThrownBy(() -> new ProgressSettings(Duration.ofMillis(10), Duration.ofSeconds(1)))
                .hasMessageContaining("at least 1s");
        assertThatThrownBy(() -> new ProgressSettings(Duration.ofSeconds(60), Duration.ofMinutes(5)))
                .hasMessageContaining("between 100ms and 1m");
    }
}
