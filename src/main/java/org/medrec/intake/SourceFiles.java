package org.medrec.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Every file below an input folder, in a stable order (sorted by path), symbolic links to files
 * and special files included (nothing is skipped silently); folders that cannot be listed are reported, not skipped silently.
 */
public final class SourceFiles {

    private SourceFiles() {
    }

    public static List<Path> under(Path root) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!attrs.isSymbolicLink() || !Files.isDirectory(file)) {
                        files.add(file);   // pipes, sockets and devices too: intake says why it cannot read them
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (Files.isDirectory(file)) {
                        throw new UncheckedIOException("cannot list folder " + root.relativize(file)
                                + " (" + Reasons.describe(e) + ")", e);
                    }
                    files.add(file);   // intake quarantines it with the reason it cannot be read
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + " (" + Reasons.describe(e) + ")", e);
        }
        files.sort(null);
        return files;
    }
}
