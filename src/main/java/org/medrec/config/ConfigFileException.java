package org.medrec.config;

import java.nio.file.Path;

/**
 * A configuration file a user edits (under {@code jobs/}) that cannot be used: the message names
 * the file, the line and what is wrong there (an unknown key with the keys that exist, a missing
 * or malformed value).
 */
public class ConfigFileException extends IllegalArgumentException {

    private final Path file;
    private final int line;

    public ConfigFileException(Path file, int line, String problem) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }
}
