package org.medrec.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.testing.Fixtures;

@Tag("process")
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
    void shouldQuarantineFileThatMakesTheParserHangAndGoOnWithTheNext() throws Exception {
        Path hanging = dir.resolve("hangs.pdf");   // a named pipe nobody writes to: reading it never ends
        assertThat(new ProcessBuilder("mkfifo", hanging.toString()).start().waitFor()).isZero();
        Path small = Fixtures.resource("external/pdf-malformed/pypdf-sample-files/grayscale-image.pdf");
        try (IsolatedProber prober = new IsolatedProber(Duration.ofSeconds(2), 256, 150_000_000L)) {
            ProbeResult result = prober.probe(hanging);

            assertThat(result.accepted()).isFalse();
            assertThat(result.reason()).startsWith("reading it took longer than the limit of 2 s");
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
