package org.medrec.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The summary the README shows for its first command ({@code migrate --input sample-scans}), so
 * that a test can check the command still prints it: each line of the README's block must equal
 * the printed line in its place, where {@code …} in the README stands for anything.
 */
public final class ReadmeSample {

    private static final String BEFORE = "The first command prints a summary";

    private ReadmeSample() {
    }

    public static void assertPrinted(String printed) {
        List<String> expected = block();
        List<String> actual = printed.lines().toList();
        assertThat(actual).as("the summary of migrate --input sample-scans (README.md, \"%s\")", BEFORE)
                .hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            String pattern = Arrays.stream(expected.get(i).split("…", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
            assertThat(actual.get(i)).as("README.md, line %d of the sample summary", i + 1).matches(pattern);
        }
    }

    private static List<String> block() {
        try {
            String readme = Files.readString(Path.of("README.md"));
            int start = readme.indexOf("```\n", readme.indexOf(BEFORE)) + 4;
            return readme.substring(start, readme.indexOf("```", start)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
