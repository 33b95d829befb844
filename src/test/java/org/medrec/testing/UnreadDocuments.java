package org.medrec.testing;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.medrec.intake.Fingerprint;
import org.medrec.record.Method;
import org.medrec.record.SourceRef;
import org.medrec.store.ReviewItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chart pages medrec read but could not understand, for the keying page's tests: a real PNG page
 * in the run's input folder, its words stored in the {@code page} table where they are drawn (as
 * OCR stores them, boxes in the page's pixels), and a review item of kind {@code document} for the
 * whole file. All patient data is invented.
 */
public final class UnreadDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What was made: the source file and its document item. */
    public record Unread(long sourceFileId, UUID item, Path page) {
    }

    private UnreadDocuments() {
    }

    /** A migration run over {@code inputDir}. */
    public static UUID run(JdbcClient jdbc, Path inputDir) {
        UUID run = UUID.randomUUID();
        jdbc.sql("INSERT INTO migration_run (id, input_dir, status) VALUES (?, ?, 'COMPLETED')")
                .params(run, inputDir.toString()).update();
        return run;
    }

    /**
     * A one-page chart {@code name} (a PNG) printing {@code lines}, read but not understood; its
     * item names {@code identifierSystem} as its clinic (null: none read).
     */
    public static Unread create(JdbcClient jdbc, ReviewItemWriter items, UUID run, Path inputDir, String name,
                                List<String> lines, String identifierSystem) {
        List<Map<String, Object>> words = new ArrayList<>();
        Path file = draw(inputDir.resolve(name), lines, words);
        Fingerprint fingerprint;
        try {
            fingerprint = Fingerprint.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long sourceFile = jdbc.sql("""
                INSERT INTO source_file (sha256, size_bytes, first_path, first_run_id, format, pages, outcome, reason)
                VALUES (?, ?, ?, ?, 'PNG', 1, 'held_for_review', 'in review as a whole') RETURNING id""")
                .params(fingerprint.sha256(), fingerprint.size(), name, run).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO page (source_file_id, number, width, height, dpi, source, words, checkboxes)
                VALUES (?, 1, 1275, 1650, 150, 'ocr', ?::jsonb, '[]'::jsonb)""")
                .params(sourceFile, JSON.writeValueAsString(words)).update();
        UUID item = items.openForDocument(run, SourceRef.wholeFile(sourceFile, name, Method.OCR), identifierSystem,
                "document not understood: the document type could not be told with confidence: a person must classify it"
                        + " and enter its values");
        return new Unread(sourceFile, item, file);
    }

    /** A 150-dpi letter page with one line per entry of {@code lines}; each word's box goes to {@code words}. */
    private static Path draw(Path file, List<String> lines, List<Map<String, Object>> words) {
        BufferedImage page = new BufferedImage(1275, 1650, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, page.getWidth(), page.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
            FontMetrics metrics = g.getFontMetrics();
            int y = 140;
            for (int l = 0; l < lines.size(); l++) {
                String line = lines.get(l);
                g.drawString(line, 100, y);
                int x = 100;
                for (String word : line.split(" ")) {
                    if (!word.isEmpty()) {
                        Map<String, Object> w = new LinkedHashMap<>();
                        w.put("t", word);
                        w.put("c", 0.93);
                        w.put("b", List.of(x, y - metrics.getAscent(), metrics.stringWidth(word), metrics.getAscent()
                                + metrics.getDescent()));
                        w.put("l", l);
                        words.add(w);
                    }
                    x += metrics.stringWidth(word + " ");
                }
                y += 60;
            }
        } finally {
            g.dispose();
        }
        HeldCards.writePng(page, file);
        return file;
    }
}
