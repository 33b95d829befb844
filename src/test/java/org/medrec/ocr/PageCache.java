package org.medrec.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Read pages kept on disk between runs of a measuring tool (one {@link PageTextCodec} line per
 * page), so that extraction can be measured again without OCR. Not for the pipeline. Stateless.
 */
public final class PageCache {

    private PageCache() {
    }

    public static void write(Path file, List<PageText> pages) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, pages.stream().map(PageTextCodec::encode).toList(), StandardCharsets.US_ASCII);
    }

    public static List<PageText> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.US_ASCII).stream().filter(l -> !l.isBlank())
                .map(PageTextCodec::decode).toList();
    }
}
