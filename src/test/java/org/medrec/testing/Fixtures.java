package org.medrec.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Test inputs: resources on the class path and the project's sample-scans folder. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A test resource as a file. */
    public static Path resource(String name) {
        try {
            var url = Fixtures.class.getClassLoader().getResource(name);
            if (url == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The project's sample-scans folder (tests run with the project folder as working directory). */
    public static Path sampleScans() {
        Path samples = Path.of("sample-scans").toAbsolutePath();
        if (!Files.isDirectory(samples)) {
            throw new IllegalStateException("sample-scans/ not found from " + Path.of("").toAbsolutePath());
        }
        return samples;
    }

    /** Copies a folder tree (to migrate a copy: tests never touch the originals). */
    public static Path copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of regular files below a folder. */
    public static long countFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
