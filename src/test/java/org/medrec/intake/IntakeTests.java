package org.medrec.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What intake takes from the input folder, before any parser sees a file. */
class IntakeTests {

    @TempDir
    Path work;

    @Test
    void shouldQuarantineALinkToAFileOutsideTheInputFolderAndReadALinkWithinIt() throws Exception {
        Path input = Files.createDirectories(work.resolve("in"));
        Path outside = Files.writeString(work.resolve("someone-elses-notes.csv"), "MRN,Name\n1,A\n");
        Path inside = Files.writeString(input.resolve("patients.csv"), "MRN,Name\n2,B\n");
        Path leaving = Files.createSymbolicLink(input.resolve("looks-harmless.csv"), outside);
        Path staying = Files.createSymbolicLink(input.resolve("alias.csv"), inside);
        Files.createDirectories(input.resolve("sub"));
        Path leavingUp = Files.createSymbolicLink(input.resolve("sub/up.csv"), Path.of("../../someone-elses-notes.csv"));

        try (Intake intake = new Intake(input, sha -> true, new IsolatedProber(Duration.ofSeconds(30), 64, 1_000_000))) {
            for (Path link : new Path[] {leaving, leavingUp}) {
                IntakeOutcome outcome = intake.receive(link);
                assertThat(outcome.quarantined()).as(link.toString()).isTrue();
                assertThat(outcome.sha256()).as("not even read").isNull();
                assertThat(outcome.probe().reason()).startsWith("a link to a file outside the input folder");
            }
            assertThat(intake.receive(staying).disposition()).isEqualTo(IntakeOutcome.Disposition.ALREADY_MIGRATED);
        }
    }
}
