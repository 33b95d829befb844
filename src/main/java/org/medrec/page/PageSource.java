package org.medrec.page;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import org.medrec.intake.FileFormat;

/**
 * The pages of one source file (PDF, TIFF, PNG or JPEG), produced one at a time: a page is decoded or
 * rendered only when asked for, so a 100-page TIFF never sits in memory whole.
 *
 * <pre>{@code
 * try (PageSource pages = PageSource.open(path, format)) {
 *     for (int n = 1; n <= pages.pageCount(); n++) {
 *         SourcePage page = pages.page(n);
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: a source holds an open file (and, for PDFs, a {@code PDDocument}); use it from one
 * thread and close it.
 */
public interface PageSource extends Closeable {

    /** Opens a file whose format was detected from its content, with {@link PageSourceOptions#defaults()}. */
    static PageSource open(Path file, FileFormat format) throws IOException {
        return open(file, format, PageSourceOptions.defaults());
    }

    /**
     * Opens a file whose format was detected from its content.
     *
     * @throws IllegalArgumentException when the format is not a chart format (PDF, TIFF, PNG, JPEG)
     * @throws IOException              when the file cannot be opened (PDFBox's {@code InvalidPasswordException}
     *                                  for an encrypted PDF)
     */
    static PageSource open(Path file, FileFormat format, PageSourceOptions options) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        return switch (Objects.requireNonNull(format, "format")) {
            case PDF -> PdfPageSource.open(file, options);
            case TIFF, PNG, JPEG -> ImagePageSource.open(file, format, options);
            default -> throw new IllegalArgumentException("not a page format: " + format + " (" + file.getFileName()
                    + "); expected PDF, TIFF, PNG or JPEG");
        };
    }

    Path file();

    int pageCount();

    /**
     * Decodes or renders one page.
     *
     * @param number 1-based page number, 1..{@link #pageCount()}
     * @throws PageTooLargeException when the page image would be above the pixel limit
     * @throws PageException         when the page cannot be decoded or rendered
     */
    SourcePage page(int number) throws PageException;
}
