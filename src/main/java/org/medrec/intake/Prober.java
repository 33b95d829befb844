package org.medrec.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Detects a file's format by its content and opens it with the parser that will read it later.
 * Runs untrusted parsers in the calling thread: use it through {@link IsolatedProber}, which
 * bounds its time and memory. Thread-safe (stateless).
 */
public final class Prober {

    private final long maxImagePixels;

    public Prober(long maxImagePixels) {
        this.maxImagePixels = maxImagePixels;
    }

    public ProbeResult probe(Path file) {
        ProbeResult result = detectAndOpen(file);
        if (result.reason() == null) {
            return result;
        }
        // parsers name the file in their messages: the reason says "the file" instead of its path
        String reason = result.reason().replace(file.toAbsolutePath().toString(), "the file")
                .replace(file.toString(), "the file");
        return new ProbeResult(result.format(), result.pages(), result.accepted(), reason);
    }

    private ProbeResult detectAndOpen(Path file) {
        byte[] head;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            head = in.readNBytes(ContentSniffer.HEAD_LENGTH);
        } catch (IOException e) {
            return ProbeResult.refused(FileFormat.OTHER, "the file cannot be read (" + Reasons.describe(e) + ")");
        }
        return switch (ContentSniffer.sniff(head, size)) {
            case EMPTY -> ProbeResult.refused(FileFormat.EMPTY, "empty file (0 bytes): the copy or scan produced nothing");
            case PDF -> PdfProbe.probe(file, maxImagePixels);
            case TIFF -> ImageProbe.probe(file, FileFormat.TIFF, maxImagePixels);
            case PNG -> ImageProbe.probe(file, FileFormat.PNG, maxImagePixels);
            case JPEG -> ImageProbe.probe(file, FileFormat.JPEG, maxImagePixels);
            case ZIP -> WorkbookProbe.probeZip(file);
            case OLE2 -> WorkbookProbe.probeOle2(file);
            case TEXT -> DelimitedTextProbe.probe(file);
            case OTHER -> other(head);
        };
    }

    private static ProbeResult other(byte[] head) {
        String what = ContentSniffer.describeOther(head);
        String prefix = "unsupported format: ";
        return ProbeResult.refused(FileFormat.OTHER, what != null
                ? prefix + "this is " + what
                : prefix + "not a PDF, TIFF, PNG, JPEG, XLSX, XLS, CSV or TSV file");
    }
}
