package org.medrec.job;

import java.nio.file.Path;
import java.util.Iterator;
import org.medrec.intake.SourceFiles;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** Reads every file below the input folder in path order. Not thread-safe. */
class SourceFilesReader implements ItemStreamReader<Path> {

    private final Path root;
    private Iterator<Path> files;

    SourceFilesReader(Path root) {
        this.root = root;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        files = SourceFiles.under(root).iterator();
    }

    @Override
    public Path read() {
        return files.hasNext() ? files.next() : null;
    }
}
