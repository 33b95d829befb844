package org.medrec.corpus;

import java.util.Arrays;
import java.util.Locale;

/**
 * The degradation tiers of issue 14, from a perfect rendering to a damaged page. {@link Scanner} applies them;
 * docs/fidelity.md describes each one.
 */
enum Tier {
    PRISTINE("as rendered: lossless image PDF or PNG, 200 or 300 dpi"),
    OFFICE("office scan: skew up to 1 degree, mild noise and fading, a few specks; JPEG-compressed PDF"),
    WORN("worn copy: skew up to 3 degrees, faded toner on gray paper, noise, specks, softened; JPEG quality 60"),
    FAX("fax: 1-bit at 204 x 98 dpi (TIFF G4), skew up to 2 degrees, vertical streaks, dropped and repeated lines"),
    PHOTO("phone photo: perspective on a desk, turned up to 2 degrees, uneven light, a shadow, blur, colour JPEG"),
    DAMAGED("damaged: redaction bars, stains, creases, staple or punch holes, rumpled, skew up to 4 degrees, "
            + "faded, JPEG quality 50");

    final String what;

    Tier(String what) {
        this.what = what;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Tier of(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id.trim().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown tier '" + id + "': one of "
                        + Arrays.stream(values()).map(Tier::id).toList()));
    }
}
