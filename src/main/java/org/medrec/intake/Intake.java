package org.medrec.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The first stage of a migration, for one file: fingerprint it, skip it when its content was
 * migrated before, otherwise detect its format and open it (in the isolated probe JVM). The
 * original is only read, never modified or moved.
 *
 * <p>Not thread-safe (it owns an {@link IsolatedProber}).
 */
public final class Intake implements AutoCloseable {

    /** Looks up whether content was migrated before. */
    public interface KnownFiles {
        boolean contains(String sha256);
    }

    private final Path root;
    private final Path realRoot;
    private final KnownFiles known;
    private final IsolatedProber prober;

    public Intake(Path root, KnownFiles known, IsolatedProber prober) {
        this.root = root;
        this.realRoot = realPath(root);
        this.known = known;
        this.prober = prober;
    }

    public IntakeOutcome receive(Path file) {
        String relative = relativePath(file);
        if (Files.exists(file) && !realPath(file).startsWith(realRoot)) {
            return new IntakeOutcome(relative, null, 0, IntakeOutcome.Disposition.NEW,
                    ProbeResult.refused(FileFormat.OTHER, "a link to a file outside the input folder: only files below"
                            + " --input are read; copy the document itself into the folder"));
        }
        if (!Files.isRegularFile(file)) {
            return new IntakeOutcome(relative, null, 0, IntakeOutcome.Disposition.NEW,
                    ProbeResult.refused(FileFormat.OTHER, Files.exists(file)
                            ? "not a regular file (a named pipe, socket or device): copy the document itself into the folder"
                            : "a broken link: the file it points to does not exist"));
        }
        if (!Files.isReadable(file)) {
            return new IntakeOutcome(relative, null, 0, IntakeOutcome.Disposition.NEW,
                    ProbeResult.refused(FileFormat.OTHER, "the file cannot be read: permission denied"));
        }
        Fingerprint fingerprint;
        try {
            fingerprint = Fingerprint.of(file);
        } catch (IOException e) {
            return new IntakeOutcome(relative, null, 0, IntakeOutcome.Disposition.NEW,
                    ProbeResult.refused(FileFormat.OTHER, "the file cannot be read (" + Reasons.describe(e) + ")"));
        }
        if (known.contains(fingerprint.sha256())) {
            return new IntakeOutcome(relative, fingerprint.sha256(), fingerprint.size(),
                    IntakeOutcome.Disposition.ALREADY_MIGRATED, null);
        }
        return new IntakeOutcome(relative, fingerprint.sha256(), fingerprint.size(), IntakeOutcome.Disposition.NEW,
                prober.probe(file));
    }

    /** Where a path really is, every link followed (the path itself when it cannot be resolved). */
    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** The path relative to the input folder, with '/' separators. */
    public String relativePath(Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    @Override
    public void close() {
        prober.close();
    }
}
