package org.medrec.extraction.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Reads the tab-separated fixtures under {@code src/test/resources/validation/}. */
final class Fixtures {

    private Fixtures() {
    }

    /** The rows of a fixture, each split at tabs; lines starting with # and blank lines skipped. */
    static List<String[]> tsv(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/validation/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R"))
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", -1))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
