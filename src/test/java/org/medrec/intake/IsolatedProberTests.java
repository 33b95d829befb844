package org.medrec.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.testing.Fixtures;

class IsolatedProberTests {

    @TempDir
    Path dir;

    private Path bigPng() throws IOException {
        Path file = dir.resolve("big.png");
        ImageIO.write(new BufferedImage(7000, 7000, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
        return file;
    }

    @Test
    void shouldProbeInSeparateJvmWithTheSameAnswer() {
        Path pdf = Fixtures.resource("external/pdf-malformed/pypdf-sample-files/grayscale-image.pdf");
        try (IsolatedProber prober = new IsolatedProber(Duration.ofSeconds(60), 256, 150_000_000L)) {
            assertThat(prober.probe(pdf)).isEqualTo(new Prober(150_000_000L).probe(pdf));
        }
    }

    @Test
    void shouldQuarantineFileThatTakesTooLongAndGoOnWithTheNext() throws IOException {
        Path big = bigPng();
        Path small = Fixtures.resource("external/pdf-malformed/pypdf-sample-files/grayscale-image.pdf");
        try (IsolatedProber prober = new IsolatedProber(Duration.ofMillis(300), 512, 150_000_000L)) {
            prober.probe(small);   // the probe JVM is up: only the file's own time counts below

            ProbeResult slow = prober.probe(big);
            assertThat(slow.accepted()).isFalse();
            assertThat(slow.reason()).startsWith("reading it took longer than the limit");
        }
        try (IsolatedProber prober = new IsolatedProber(Duration.ofSeconds(60), 512, 150_000_000L)) {
            assertThat(prober.probe(big).accepted()).isTrue();
            assertThat(prober.probe(small).accepted()).isTrue();
        }
    }

    @Test
    void shouldQuarantineFileThatNeedsMoreMemoryThanTheLimitAndGoOn() throws IOException {
        Path big = bigPng();   // 49 megapixels: about 49 MB once decoded
        Path small = Fixtures.resource("external/pdf-malformed/pypdf-sample-files/grayscale-image.pdf");
        try (IsolatedProber prober = new IsolatedProber(Duration.ofSeconds(60), 40, 150_000_000L)) {
            ProbeResult result = prober.probe(big);

            assertThat(result.accepted()).isFalse();
            assertThat(result.reason()).startsWith("reading it needed more than 40 MB of memory");
            assertThat(prober.probe(small).accepted()).isTrue();
        }
    }
}
