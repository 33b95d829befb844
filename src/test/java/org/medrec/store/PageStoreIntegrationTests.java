package org.medrec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrec.ocr.Checkbox;
import org.medrec.ocr.OcrLine;
import org.medrec.ocr.OcrPage;
import org.medrec.ocr.OcrWord;
import org.medrec.ocr.Orientation;
import org.medrec.ocr.PageText;
import org.medrec.ocr.PreparedPage;
import org.medrec.testing.TestRun;
import org.medrec.testing.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@StoreTest
class PageStoreIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PageStore pages;

    private long file;

    @BeforeEach
    void sourceFile() {
        file = TestRun.begin(jdbc).file("intake.tiff", "TIFF");
    }

    @Test
    void storesCheckboxesInOriginalPagePixelsBesideTheWords() {
        // given a page enlarged from 200 to 240 dpi for OCR, with a ticked and an empty box
        OcrWord word = new OcrWord("Diabetes", 0.97, new Rectangle(180, 240, 192, 48), 0);
        OcrPage ocr = new OcrPage(1200, 960, 240, List.of(word),
                List.of(new OcrLine(0, "Diabetes", 0.97, new Rectangle(180, 240, 192, 48), List.of(word))),
                List.of(new Checkbox(new Rectangle(120, 240, 48, 48), true, 0.93456),
                        new Checkbox(new Rectangle(120, 360, 48, 48), false, 1.0)));
        PreparedPage prepared = new PreparedPage(new BufferedImage(1200, 960, BufferedImage.TYPE_BYTE_GRAY), 240, 1.2,
                1000, 800, new Orientation(0, 0.0, Orientation.Method.NOT_CHECKED), 0.0, false, 0, 12,
                ocr.checkboxes(), false, 0.05, false, new PreparedPage.Timings(0, 0, 0, 0, 0, 0, 0));

        // when
        pages.save(file, new PageText(1, PageText.Source.OCR, ocr, prepared, 900));

        // then the boxes are in the source page's pixels, like the words'
        String checkboxes = jdbc.sql("SELECT checkboxes::text FROM page WHERE source_file_id = ?").param(file)
                .query(String.class).single();
        assertThat(checkboxes).isEqualTo("[{\"b\": [100, 200, 40, 40], \"c\": 0.935, \"x\": true}, "
                + "{\"b\": [100, 300, 40, 40], \"c\": 1.0, \"x\": false}]");
        assertThat(jdbc.sql("SELECT words -> 0 ->> 'b' FROM page WHERE source_file_id = ?").param(file)
                .query(String.class).single()).isEqualTo("[150, 200, 160, 40]");
    }

    @Test
    void storesNoCheckboxesForATextLayerPage() {
        // given a born-digital page: no preprocessing, so nothing looked for boxes
        OcrWord word = new OcrWord("Patient", 1.0, new Rectangle(10, 10, 80, 20), 0);
        OcrPage ocr = new OcrPage(2550, 3300, 300, List.of(word),
                List.of(new OcrLine(0, "Patient", 1.0, new Rectangle(10, 10, 80, 20), List.of(word))));

        // when
        pages.save(file, new PageText(1, PageText.Source.TEXT_LAYER, ocr, null, 0));

        // then
        assertThat(jdbc.sql("SELECT jsonb_array_length(checkboxes) FROM page WHERE source_file_id = ?").param(file)
                .query(Integer.class).single()).isZero();
    }
}
