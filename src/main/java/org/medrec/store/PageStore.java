package org.medrec.store;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medrec.ocr.Checkbox;
import org.medrec.ocr.OcrWord;
import org.medrec.ocr.PageText;
import org.medrec.ocr.PreparedPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the pages of chart files as read, words and checkboxes with their boxes in pixels of the original page
 * (the review UI draws them on it). Idempotent per (file, page). Thread-safe.
 */
@Repository
public class PageStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public PageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(long sourceFileId, PageText page) {
        PreparedPage prepared = page.prepared();
        List<Map<String, Object>> words = new ArrayList<>();
        for (OcrWord word : page.ocr().words()) {
            Rectangle box = prepared == null ? word.box() : prepared.toSource(word.box());
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("t", word.text());
            w.put("c", Math.round(word.confidence() * 1000) / 1000.0);
            w.put("b", List.of(box.x, box.y, box.width, box.height));
            w.put("l", word.lineIndex());
            words.add(w);
        }
        List<Map<String, Object>> checkboxes = new ArrayList<>();
        for (Checkbox checkbox : page.ocr().checkboxes()) {
            Rectangle box = prepared == null ? checkbox.box() : prepared.toSource(checkbox.box());
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("b", List.of(box.x, box.y, box.width, box.height));
            c.put("x", checkbox.checked());
            c.put("c", Math.round(checkbox.confidence() * 1000) / 1000.0);
            checkboxes.add(c);
        }
        int width = prepared == null ? page.ocr().width() : prepared.sourceWidth();
        int height = prepared == null ? page.ocr().height() : prepared.sourceHeight();
        int dpi = prepared == null ? page.ocr().dpi() : (int) Math.round(prepared.dpi() / prepared.scale());
        jdbc.sql("""
                INSERT INTO page (source_file_id, number, width, height, dpi, source, rotation, skew_degrees, mean_confidence,
                                  words, checkboxes, ocr_millis)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
                ON CONFLICT (source_file_id, number) DO NOTHING""")
                .params(sourceFileId, page.number(), Math.max(1, width), Math.max(1, height), Math.max(1, dpi),
                        page.source().name().toLowerCase(java.util.Locale.ROOT),
                        prepared == null ? 0 : prepared.orientation().rotation(),
                        prepared == null ? null : Math.round(prepared.skewDegrees() * 100) / 100.0,
                        page.ocr().words().isEmpty() ? null : Math.round(page.ocr().meanConfidence() * 1000) / 1000.0,
                        JSON.writeValueAsString(words), JSON.writeValueAsString(checkboxes), (int) page.ocrMillis())
                .update();
    }
}
