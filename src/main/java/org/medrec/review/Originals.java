package org.medrec.review;

import java.io.IOException;
import java.nio.file.Files;
import org.medrec.intake.Fingerprint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whether an item's original file is still the one that was read: its SHA-256 against the one
 * intake recorded, checked each time before its page is shown, so that an original replaced after
 * the run never shows a page other than the one read. Thread-safe.
 */
@Service
public class Originals {

    /** What became of the original since it was read. */
    public enum State { SAME, CHANGED, GONE }

    private static final Logger log = LoggerFactory.getLogger(Originals.class);

    private final JdbcClient jdbc;

    public Originals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public State check(ItemDetails.Item item) {
        if (item.source() == null || !Files.isRegularFile(item.source())) {
            return State.GONE;
        }
        String read = jdbc.sql("SELECT sha256 FROM source_file WHERE id = ?").param(item.sourceFileId())
                .query(String.class).optional().orElse(null);
        try {
            if (read != null && read.equals(Fingerprint.of(item.source()).sha256())) {
                return State.SAME;
            }
            log.warn("source file {}: the original in the run's input folder is not the file that was read (SHA-256"
                    + " differs); its pages are not shown", item.sourceFileId());
            return State.CHANGED;
        } catch (IOException e) {
            return State.GONE;
        }
    }
}
