package org.medrec.ocr;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import net.sourceforge.tess4j.util.LoadLibs;

/** Finds the folder with Tesseract's trained data. Stateless, thread-safe. */
final class Tessdata {

    static final String SYSTEM_TESSDATA = "/usr/share/tesseract-ocr/5/tessdata";

    private Tessdata() {
    }

    /**
     * The configured folder if given; otherwise the Debian package's folder, {@code TESSDATA_PREFIX}, or the
     * trained data bundled in the tess4j jar (extracted to a temporary folder), the first that holds the
     * language's traineddata file.
     */
    static Path locate(Path configured, String language) {
        String first = language.split("\\+")[0];
        if (configured != null) {
            if (!Files.isRegularFile(configured.resolve(first + ".traineddata"))) {
                throw new OcrUnavailableException("no " + first + ".traineddata in the configured tessdata folder " + configured, null);
            }
            return configured;
        }
        Path system = Path.of(SYSTEM_TESSDATA);
        if (Files.isRegularFile(system.resolve(first + ".traineddata"))) {
            return system;
        }
        String prefix = System.getenv("TESSDATA_PREFIX");
        if (prefix != null && !prefix.isBlank()) {
            for (Path candidate : new Path[] {Path.of(prefix), Path.of(prefix, "tessdata")}) {
                if (Files.isRegularFile(candidate.resolve(first + ".traineddata"))) {
                    return candidate;
                }
            }
        }
        File bundled = LoadLibs.extractTessResources("tessdata");
        if (bundled != null && new File(bundled, first + ".traineddata").isFile()) {
            return bundled.toPath();
        }
        throw new OcrUnavailableException("no " + first + ".traineddata found in " + SYSTEM_TESSDATA
                + ", TESSDATA_PREFIX or the tess4j jar; install tesseract-ocr-" + first, null);
    }
}
