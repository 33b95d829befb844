package org.medrec.corpus;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The typefaces pages are printed in: TrueType files of Debian's font packages (DejaVu, Liberation,
 * FreeFont; handwriting from fonts-dkg-handwriting and fonts-humor-sans), with Java's logical fonts
 * where a package is missing, so the generator runs anywhere (the pages then look plainer).
 * Thread-safe: fonts are immutable and the cache is concurrent.
 */
final class Fonts {

    /** A family as pages use it: regular and bold faces, and its name for the truth's render_info. */
    record Face(String name, Font regular, Font bold) {

        Font of(boolean strong, double size) {
            return (strong ? bold : regular).deriveFont((float) size);
        }
    }

    private static final String TTF = "/usr/share/fonts/truetype/";
    private static final Map<String, Font> LOADED = new ConcurrentHashMap<>();

    /** Families typed text is printed in; a page's style draws one or two of them. */
    static final List<Face> PRINT = List.of(
            face("dejavu-sans", "dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf", Font.SANS_SERIF),
            face("dejavu-serif", "dejavu/DejaVuSerif.ttf", "dejavu/DejaVuSerif-Bold.ttf", Font.SERIF),
            face("liberation-sans", "liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf",
                    Font.SANS_SERIF),
            face("liberation-serif", "liberation/LiberationSerif-Regular.ttf", "liberation/LiberationSerif-Bold.ttf",
                    Font.SERIF),
            face("liberation-mono", "liberation/LiberationMono-Regular.ttf", "liberation/LiberationMono-Bold.ttf",
                    Font.MONOSPACED),
            face("freemono", "freefont/FreeMono.ttf", "freefont/FreeMonoBold.ttf", Font.MONOSPACED),
            face("freesans", "freefont/FreeSans.ttf", "freefont/FreeSansBold.ttf", Font.SANS_SERIF));

    /** Families handwritten values are drawn in (a person's print, not a typeface's). */
    static final List<Face> HAND = List.of(
            face("dkg-handwriting", "fifthhorseman/dkg.ttf", "fifthhorseman/dkgBd.ttf", Font.SERIF),
            face("humor-sans", "humor-sans/Humor-Sans.ttf", "humor-sans/Humor-Sans.ttf", Font.SANS_SERIF));

    /** The Debian packages that hold the files above (for scripts that install them). */
    static final List<String> PACKAGES = List.of("fonts-dejavu-core", "fonts-liberation", "fonts-freefont-ttf",
            "fonts-dkg-handwriting", "fonts-humor-sans");

    private static Face face(String name, String regular, String bold, String logical) {
        Font r = load(regular, logical, Font.PLAIN);
        Font b = load(bold, logical, Font.BOLD);
        boolean fallback = r.getFontName().equals(new Font(logical, Font.PLAIN, 1).getFontName());
        return new Face(fallback ? name + "(fallback " + logical + ")" : name, r, b);
    }

    private static Font load(String file, String logical, int style) {
        return LOADED.computeIfAbsent(file, f -> {
            Path path = Path.of(TTF, f);
            if (Files.isRegularFile(path)) {
                try {
                    return Font.createFont(Font.TRUETYPE_FONT, path.toFile());
                } catch (FontFormatException | IOException e) {
                    // a damaged font file: the logical font below stands in
                }
            }
            return new Font(logical, style, 1);
        });
    }

    private Fonts() {
    }
}
