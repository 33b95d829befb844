package org.medrec.testing;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.record.Method;
import org.medrec.record.SourceRef;
import org.medrec.store.RecordLoader;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A held immunization card for the review UI's tests: a real PNG page in the run's input folder
 * (the words drawn where the items' boxes say), a migration run, its source file, and a held
 * document with three items to review: the birth date (two-digit year), the vaccination date (low
 * confidence) and the lot (unreadable, nothing proposed). All patient data is invented.
 */
public final class HeldCards {

    public static final String CLINIC = "urn:medrec:test:maple-hollow";

    /** What was made: the run, the document and the items by field. */
    public record Card(UUID runId, long sourceFileId, long documentId, Path page, Map<String, UUID> items) {
        public UUID item(String field) {
            return items.get(field);
        }
    }

    private HeldCards() {
    }

    /** Makes a held card in {@code inputDir} (created when missing), for a patient with {@code mrn}. */
    public static Card create(JdbcClient jdbc, RecordLoader loader, Path inputDir, String mrn) {
        UUID run = UUID.randomUUID();
        jdbc.sql("INSERT INTO migration_run (id, input_dir, status) VALUES (?, ?, 'COMPLETED')")
                .params(run, inputDir.toString()).update();
        String name = "card-" + mrn + ".png";
        Map<String, int[]> boxes = new LinkedHashMap<>();
        Path file = drawCard(inputDir.resolve(name), mrn, boxes);
        String sha = String.format("%064x", new java.math.BigInteger(1, sha256(file)));
        long sourceFile = jdbc.sql("""
                INSERT INTO source_file (sha256, size_bytes, first_path, first_run_id, format, pages, outcome, reason)
                VALUES (?, ?, ?, ?, 'PNG', 1, 'held_for_review', 'values to review') RETURNING id""")
                .params(sha, size(file), name, run).query(Long.class).single();
        List<FieldValue> fields = List.of(
                value(sourceFile, name, boxes, "mrn", mrn, mrn, 0.97, null),
                value(sourceFile, name, boxes, "patient.family", "Delgado-Test", "Delgado-Test", 0.96, null),
                value(sourceFile, name, boxes, "patient.given[0]", "Maria", "Maria", 0.96, null),
                value(sourceFile, name, boxes, "patient.birth_date", "1/5/20", "2020-01-05", 0.5, "two-digit year: 2020 or 1920"),
                value(sourceFile, name, boxes, "immunizations[0].vaccine", "Tdap", "Tdap", 0.95, null),
                value(sourceFile, name, boxes, "immunizations[0].cvx", "115", "115", 0.95, null),
                value(sourceFile, name, boxes, "immunizations[0].date", "05/O2/2019", "2019-05-02", 0.41, "low OCR confidence"),
                value(sourceFile, name, boxes, "immunizations[0].lot", "##", null, 0.1, "unreadable"));
        long document = loader.route(new RecordLoader.Source(run, sourceFile, "immunization", 1, 1, null, 0.9),
                List.of(new ExtractedRecord(CLINIC, mrn, "immunization", fields))).documentId();
        Map<String, UUID> items = new LinkedHashMap<>();
        jdbc.sql("SELECT field, id FROM review_item WHERE document_id = ?").param(document)
                .query(rs -> {
                    items.put(rs.getString(1), rs.getObject(2, UUID.class));
                });
        return new Card(run, sourceFile, document, file, Map.copyOf(items));
    }

    private static FieldValue value(long sourceFile, String name, Map<String, int[]> boxes, String path, String raw,
                                    String value, double confidence, String reason) {
        return new FieldValue(path, raw, value, confidence,
                SourceRef.onPage(sourceFile, name, 1, boxes.getOrDefault(path, new int[] {60, 60, 200, 30}), Method.OCR),
                reason);
    }

    /** A 150-dpi letter page with the card's labels and values; records each value's box by path. */
    private static Path drawCard(Path file, String mrn, Map<String, int[]> boxes) {
        BufferedImage page = new BufferedImage(1275, 1650, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, page.getWidth(), page.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SERIF, Font.BOLD, 44));
            g.drawString("IMMUNIZATION RECORD", 300, 120);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 30));
            String[][] lines = {
                    {"Patient:", "Delgado-Test", "patient.family"}, {"Given name:", "Maria", "patient.given[0]"},
                    {"MRN:", mrn, "mrn"}, {"Date of birth:", "1/5/20", "patient.birth_date"},
                    {"Vaccine:", "Tdap", "immunizations[0].vaccine"}, {"CVX:", "115", "immunizations[0].cvx"},
                    {"Date given:", "05/O2/2019", "immunizations[0].date"}, {"Lot:", "##", "immunizations[0].lot"}};
            FontMetrics metrics = g.getFontMetrics();
            int y = 260;
            for (String[] line : lines) {
                g.drawString(line[0], 120, y);
                g.drawString(line[1], 420, y);
                boxes.put(line[2], new int[] {418, y - metrics.getAscent(), metrics.stringWidth(line[1]) + 4,
                        metrics.getAscent() + metrics.getDescent()});
                y += 90;
            }
        } finally {
            g.dispose();
        }
        writePng(page, file);
        return file;
    }

    /** Writes a page image as a PNG, its folder made when missing. */
    static void writePng(BufferedImage page, Path file) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(page, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(Path file) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
