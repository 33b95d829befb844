package org.medrec.corpus;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Turns a rendered {@link Document} into what a tier's scanner, fax or camera would file: the page images, the
 * file format, the resolution, and the truth paths blacked out (damaged tier). Deterministic for its Random.
 * Stateless and thread-safe.
 */
final class Scanner {

    enum Format {
        PDF_LOSSLESS("pdf", "pdf-image-lossless"), PDF_JPEG("pdf", "pdf-image-jpeg"), PNG("png", "png"),
        JPEG("jpg", "jpeg"), TIFF_G4("tif", "tiff-g4");

        final String extension;
        final String id;

        Format(String extension, String id) {
            this.extension = extension;
            this.id = id;
        }
    }

    /** The filed pages; {@code quality} is the JPEG quality where the format has one. */
    record Scan(List<BufferedImage> pages, Format format, int dpiX, int dpiY, float quality, List<String> redacted,
                Map<String, Object> info) {
    }

    static final int FAX_WIDTH = 1728;
    static final Color DESK = new Color(74, 63, 52);

    static Scan scan(Document doc, Tier tier, Random random) {
        int dpi = doc.pages().get(0).dpi;
        boolean single = doc.pages().size() == 1;
        List<BufferedImage> out = new ArrayList<>();
        List<String> redacted = new ArrayList<>();
        List<Map<String, Object>> perPage = new ArrayList<>();
        for (Sheet sheet : doc.pages()) {
            BufferedImage page = Optics.rgb(sheet.finish());
            Map<String, Object> info = new LinkedHashMap<>();
            switch (tier) {
                case PRISTINE -> {
                }
                case OFFICE -> {
                    page = turn(page, random, 1, Color.WHITE, info);
                    Optics.fade(page, 12, 250);
                    Optics.noise(page, 3, random);
                    Optics.specks(page, 30, random);
                }
                case WORN -> {
                    page = turn(page, random, 3, Color.WHITE, info);
                    Optics.fade(page, 45, 236);
                    Optics.noise(page, 5, random);
                    Optics.specks(page, page.getWidth() * page.getHeight() / 4000, random);
                    page = Optics.blur(page, 0.5 * dpi / 200.0);
                }
                case FAX -> page = fax(page, random, info);
                case PHOTO -> {
                    page = turn(page, random, 2, DESK, info);
                    page = Optics.perspective(page, 0.02 + 0.02 * random.nextDouble(), DESK, random);
                    Optics.lighting(page, 0.22, random);
                    Optics.shadow(page, 0.3, random);
                    warm(page);
                    page = Optics.blur(page, 0.9 * dpi / 200.0);
                    Optics.noise(page, 4, random);
                    info.put("perspective", true);
                }
                case DAMAGED -> {
                    List<String> gone = Damage.redact(page, sheet.boxes(), random);
                    redacted.addAll(gone);
                    int stains = 1 + random.nextInt(2), creases = 1 + random.nextInt(2);
                    for (int i = 0; i < stains; i++) {
                        Damage.stain(page, random);
                    }
                    for (int i = 0; i < creases; i++) {
                        Damage.crease(page, random);
                    }
                    Damage.holes(page, random);
                    page = Optics.crinkle(page, 3 + random.nextDouble(), random);
                    page = turn(page, random, 4, Color.WHITE, info);
                    Optics.fade(page, 50, 245);
                    Optics.shadow(page, 0.25, random);
                    Optics.noise(page, 6, random);
                    info.put("redacted", gone);
                }
            }
            boolean color = doc.color() || tier == Tier.PHOTO;
            out.add(tier == Tier.FAX || color ? page : Optics.gray(page));
            perPage.add(info);
        }
        Format format = switch (tier) {
            case PRISTINE -> single && random.nextBoolean() ? Format.PNG : Format.PDF_LOSSLESS;
            case FAX -> Format.TIFF_G4;
            case PHOTO -> single ? Format.JPEG : Format.PDF_JPEG;
            case WORN, DAMAGED -> single && random.nextBoolean() ? Format.JPEG : Format.PDF_JPEG;
            case OFFICE -> Format.PDF_JPEG;
        };
        float quality = switch (tier) {
            case OFFICE -> 0.85f;
            case WORN -> 0.6f;
            case PHOTO -> 0.8f;
            case DAMAGED -> 0.5f;
            default -> 1f;
        };
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("tier", tier.id());
        info.put("format", format.id);
        info.put("dpi", tier == Tier.FAX ? List.of(204, 98) : List.of(dpi, dpi));
        info.put("color", doc.color() || tier == Tier.PHOTO);
        if (format != Format.PNG && format != Format.PDF_LOSSLESS && format != Format.TIFF_G4) {
            info.put("jpeg_quality", Math.round(quality * 100));
        }
        info.put("pages", perPage);
        return new Scan(out, format, tier == Tier.FAX ? 204 : dpi, tier == Tier.FAX ? 98 : dpi, quality, redacted, info);
    }

    private static BufferedImage turn(BufferedImage page, Random random, double max, Color fill,
                                      Map<String, Object> info) {
        double degrees = Math.round((random.nextDouble() * 2 - 1) * max * 100) / 100.0;
        info.put("skew_deg", degrees);
        return Optics.rotate(page, degrees, fill);
    }

    /** Paper under indoor light: a little less blue. */
    private static void warm(BufferedImage rgb) {
        int[] p = Optics.pixels(rgb);
        for (int i = 0; i < p.length; i++) {
            int v = p[i];
            p[i] = ((v >> 16) & 255) << 16 | Optics.clamp(((v >> 8) & 255) * 0.97) << 8 | Optics.clamp((v & 255) * 0.88);
        }
    }

    /**
     * A fax: sent crooked, sampled at 204 x 98 dpi (1728 pixels a line), thresholded to black and white, with
     * vertical streaks from a dirty scanner glass and lines lost or repeated in transmission.
     */
    private static BufferedImage fax(BufferedImage page, Random random, Map<String, Object> info) {
        page = turn(page, random, 2, Color.WHITE, info);
        Optics.specks(page, 40, random);
        int height = (int) Math.round(11 * 98.0 * FAX_WIDTH / (8.5 * 204));
        BufferedImage small = new BufferedImage(FAX_WIDTH, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(page, 0, 0, FAX_WIDTH, height, null);
        g.dispose();
        int threshold = 135 + random.nextInt(35);
        BufferedImage bits = new BufferedImage(FAX_WIDTH, height, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster src = small.getRaster(), dst = bits.getRaster();
        int[] row = new int[FAX_WIDTH];
        int[] previous = new int[FAX_WIDTH];
        int dropped = 0;
        for (int y = 0; y < height; y++) {
            src.getSamples(0, y, FAX_WIDTH, 1, 0, row);
            for (int x = 0; x < FAX_WIDTH; x++) {
                row[x] = row[x] >= threshold ? 1 : 0;
            }
            if (y > 0 && random.nextInt(120) == 0) {   // a line lost (white) or repeated in transmission
                int run = 1 + random.nextInt(3);
                boolean white = random.nextBoolean();
                for (int k = 0; k < run && y + k < height; k++, dropped++) {
                    dst.setSamples(0, y + k, FAX_WIDTH, 1, 0, white ? filled(row, 1) : previous);
                }
                y += run - 1;
                continue;
            }
            dst.setSamples(0, y, FAX_WIDTH, 1, 0, row);
            System.arraycopy(row, 0, previous, 0, FAX_WIDTH);
        }
        int streaks = 3 + random.nextInt(8);
        for (int s = 0; s < streaks; s++) {
            int x = random.nextInt(FAX_WIDTH), width = 1 + random.nextInt(2);
            int from = random.nextBoolean() ? 0 : random.nextInt(height / 2), to = from + height / 2
                    + random.nextInt(height / 2);
            for (int y = from; y < Math.min(height, to); y++) {
                for (int k = 0; k < width && x + k < FAX_WIDTH; k++) {
                    dst.setSample(x + k, y, 0, 0);
                }
            }
        }
        info.put("threshold", threshold);
        info.put("streaks", streaks);
        info.put("dropped_lines", dropped);
        return bits;
    }

    private static int[] filled(int[] row, int value) {
        Arrays.fill(row, value);
        return row;
    }

    private Scanner() {
    }
}
