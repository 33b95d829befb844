package org.medrec.page;

import java.nio.file.Path;

/**
 * A page's image cannot be decoded, or only in part (a truncated or corrupt image stream): the file is
 * damaged. The message is the reason its chart is quarantined, in the words intake uses for a file it
 * cannot open ("damaged PNG image: page 1 is incomplete"), without the file's name, and built from the
 * kind of failure, never a decoder's message (see {@code Failures}).
 */
public final class DamagedFileException extends PageException {

    DamagedFileException(Path file, int page, String reason, Throwable cause) {
        super(file, page, cause, reason);
    }

    /** The reason as it is: it names the page already. */
    @Override
    public String reason() {
        return getMessage();
    }
}
