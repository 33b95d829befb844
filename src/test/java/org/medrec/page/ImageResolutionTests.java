package org.medrec.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageResolutionTests {

    @Test
    void shouldEstimateTheResolutionOfALetterPageFromItsPixels() {
        assertThat(ImageResolution.estimate(2550, 3300)).isEqualTo(new ImageResolution.Dpi(300, 300, true));
        assertThat(ImageResolution.estimate(2200, 1700)).isEqualTo(new ImageResolution.Dpi(200, 200, true));
    }
}
