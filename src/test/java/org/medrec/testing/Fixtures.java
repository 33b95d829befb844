package org.medrec.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Test inputs: resources on the class path and the project's sample-scans folder. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A test resource as a file. */
    public static Path resource(String name) {
        try {
            var url = Fixtures.class.getClassLoader().getResource(name);
            if (url == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The project's sample-scans folder (tests run with the project folder as working directory). */
    public static Path sampleScans() {
        Path samples = Path.of("sample-scans").toAbsolutePath();
        if (!Files.isDirectory(samples)) {
            throw new IllegalStateException("sample-scans/ not found from " + Path.of("").toAbsolutePath());
        }
        return samples;
    }

    /** Copies a folder tree (to migrate a copy: tests never touch the originals). */
    public static Path copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of regular files below a folder. */
    public static long countFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a scanned PDF (no text layer) of {@code pages} copies of a page image, as a scanner makes one. */
    public static Path scannedPdf(Path image, int pages, Path pdf) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDImageXObject scan = PDImageXObject.createFromFile(image.toString(), document);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(scan, 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
                }
            }
            document.save(pdf.toFile());
        }
        return pdf;
    }

    /** A 600 x 800 gray PNG cut off halfway through its pixel data, as a copy that stopped early leaves one. */
    public static Path truncatedPng(Path dir) throws IOException {
        BufferedImage image = new BufferedImage(600, 800, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 800; y++) {
            for (int x = 0; x < 600; x++) {
                image.getRaster().setSample(x, y, 0, (x * 31 + y * 17) % 256);
            }
        }
        Path whole = dir.resolve("whole.png");
        ImageIO.write(image, "png", whole.toFile());
        byte[] bytes = Files.readAllBytes(whole);
        return Files.write(dir.resolve("truncated.png"), Arrays.copyOf(bytes, bytes.length / 2));
    }
}
