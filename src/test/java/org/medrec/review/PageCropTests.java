package org.medrec.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PageCropTests {

    private static BufferedImage whitePage() {
        BufferedImage page = new BufferedImage(2550, 3300, BufferedImage.TYPE_BYTE_GRAY);
        var g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 2550, 3300);
        g.dispose();
        return page;
    }

    @Test
    void shouldShowTheBoxWithItsLineAndKeepTheRegionOnThePage() {
        Rectangle box = new Rectangle(2400, 10, 140, 40);

        Rectangle region = PageCrop.region(2550, 3300, box);

        assertThat(new Rectangle(0, 0, 2550, 3300).contains(region)).isTrue();
        assertThat(region.contains(box)).isTrue();
        assertThat(region.width).as("context to the left of the field").isGreaterThan(800);
    }

    @Test
    void shouldMarkTheBoxInColourAndFitTheWidth() {
        Rectangle box = new Rectangle(1000, 1500, 300, 50);

        BufferedImage crop = PageCrop.around(whitePage(), box, 1100);

        assertThat(crop.getWidth()).isLessThanOrEqualTo(1100);
        Rectangle region = PageCrop.region(2550, 3300, box);
        double scale = crop.getWidth() / (double) region.width;
        Color inside = new Color(crop.getRGB((int) ((box.getCenterX() - region.x) * scale),
                (int) ((box.getCenterY() - region.y) * scale)));
        assertThat(inside.getBlue()).as("yellow over white").isLessThan(inside.getRed() - 40);
        Color outside = new Color(crop.getRGB(5, 5));
        assertThat(outside).isEqualTo(Color.WHITE);
    }

    @Test
    void shouldShowTheWholePageWhenThereIsNoBox() {
        BufferedImage whole = PageCrop.around(whitePage(), null, 1300);

        assertThat(whole.getWidth()).isEqualTo(1300);
        assertThat(whole.getHeight()).isEqualTo(Math.round(3300 * 1300 / 2550f));
    }
}
