package org.medrec.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.medrec.intake.FileFormat;
import org.medrec.page.PageSource;
import org.medrec.page.SourcePage;
import org.medrec.testing.Fixtures;

class OcrEnginesTests {

    @Test
    void shouldGiveEachThreadItsOwnEngineAndEndThemAllOnClose() throws Exception {
        OcrEngines engines = new OcrEngines(OcrSettings.defaults());
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            OcrEngine mine = engines.get();
            Future<OcrEngine> other = workers.submit(engines::get);

            assertThat(engines.get()).isSameAs(mine);
            assertThat(other.get()).isNotSameAs(mine);
            assertThat(engines.size()).isEqualTo(2);
        } finally {
            workers.shutdown();
            engines.close();
        }

        assertThat(engines.size()).isZero();
        assertThatThrownBy(engines::get).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRecogniseOnTwoThreadsAtOnceWithTheirOwnEngines() throws Exception {
        SourcePage page;
        try (PageSource pages = PageSource.open(Fixtures.resource("ocr/phototest.tif"), FileFormat.TIFF)) {
            page = pages.page(1);
        }
        BufferedImage image = page.image();
        try (OcrEngines engines = new OcrEngines(OcrSettings.defaults())) {
            ExecutorService workers = Executors.newFixedThreadPool(2);
            try {
                Future<OcrPage> a = workers.submit(() -> engines.get().recognize(image, page.dpi()));
                Future<OcrPage> b = workers.submit(() -> engines.get().recognize(image, page.dpi()));

                assertThat(a.get().text()).contains("quick brown dog");
                assertThat(b.get().text()).isEqualTo(a.get().text());
            } finally {
                workers.shutdown();
            }
        }
    }
}
