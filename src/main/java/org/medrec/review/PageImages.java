package org.medrec.review;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.medrec.intake.FileFormat;
import org.medrec.page.PageSource;
import org.medrec.config.WebProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The page images of review items as PNG: the page is rendered again from the original file (the
 * run's input folder and the item's path; originals are never moved), as extraction saw it, so
 * that the stored boxes fall on it; a few rendered pages are kept in memory. A file that is gone,
 * cannot be read, or is no longer the file that was read (its SHA-256, {@link Originals}) gives no
 * image, never an error page. Thread-safe.
 */
@Service
@ConditionalOnWebApplication
public class PageImages {

    private static final Logger log = LoggerFactory.getLogger(PageImages.class);
    private static final int CROP_WIDTH = 1100;
    private static final int PAGE_WIDTH = 1300;

    private record Key(long sourceFileId, int page) {
    }

    private final JdbcClient jdbc;
    private final Originals originals;
    private final Map<Key, BufferedImage> cache;

    public PageImages(JdbcClient jdbc, Originals originals, WebProperties properties) {
        this.jdbc = jdbc;
        this.originals = originals;
        int size = properties.pageImageCache();
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, BufferedImage> eldest) {
                return size() > size;
            }
        };
    }

    /** The crop around the item's box, or its whole page when {@code wholePage} or it has no box; empty without a page. */
    public Optional<byte[]> png(ItemDetails.Item item, boolean wholePage) {
        if (item.page() == null || item.source() == null || originals.check(item) != Originals.State.SAME) {
            return Optional.empty();
        }
        Optional<BufferedImage> page = page(item, item.page());
        if (page.isEmpty()) {
            return Optional.empty();
        }
        BufferedImage image = page.get();
        Rectangle box = box(item, image);
        return Optional.of(encode(wholePage ? PageCrop.whole(image, box, PAGE_WIDTH) : PageCrop.around(image, box, CROP_WIDTH)));
    }

    /** Page {@code number} of the item's file, whole and unmarked (the keying page shows every page of a document). */
    public Optional<byte[]> wholePage(ItemDetails.Item item, int number) {
        if (item.source() == null || originals.check(item) != Originals.State.SAME) {
            return Optional.empty();
        }
        return page(item, number).map(image -> encode(PageCrop.whole(image, null, PAGE_WIDTH)));
    }

    /** The item's box in pixels of the rendered image (scaled when the stored page size differs). */
    private Rectangle box(ItemDetails.Item item, BufferedImage image) {
        int[] b = item.box();
        if (b == null) {
            return null;
        }
        double sx = 1;
        double sy = 1;
        Optional<int[]> stored = jdbc.sql("SELECT width, height FROM page WHERE source_file_id = ? AND number = ?")
                .params(item.sourceFileId(), item.page())
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).optional();
        if (stored.isPresent()) {
            sx = image.getWidth() / (double) stored.get()[0];
            sy = image.getHeight() / (double) stored.get()[1];
        }
        return new Rectangle((int) Math.round(b[0] * sx), (int) Math.round(b[1] * sy), (int) Math.round(b[2] * sx),
                (int) Math.round(b[3] * sy));
    }

    private Optional<BufferedImage> page(ItemDetails.Item item, int number) {
        Key key = new Key(item.sourceFileId(), number);
        synchronized (cache) {
            BufferedImage cached = cache.get(key);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        if (!Files.isRegularFile(item.source())) {
            log.info("page image of source file {}: the original is no longer in the run's input folder", item.sourceFileId());
            return Optional.empty();
        }
        FileFormat format;
        try {
            format = FileFormat.valueOf(item.format());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!format.isChart()) {
            return Optional.empty();
        }
        try (PageSource source = PageSource.open(item.source(), format)) {
            if (number < 1 || number > source.pageCount()) {
                return Optional.empty();
            }
            BufferedImage image = source.page(number).image();
            synchronized (cache) {
                cache.put(key, image);
            }
            return Optional.of(image);
        } catch (IOException | RuntimeException e) {
            log.warn("page image of source file {} page {}: cannot be rendered ({})", item.sourceFileId(), number,
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** PNG with light compression (deflate level 1): a page is encoded about twice as fast as with the default. */
    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
