package org.medrec.matching;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Possible-duplicate patients ({@code medrec.matching}, defaults in {@code application.yml}).
 *
 * @param reviewThreshold the Fellegi-Sunter match weight (bits) from which two patients of one
 *                        clinic become a "same person?" review item
 * @param nicknames       given names and their short forms ({@code jobs/matching/nicknames.yml})
 */
@Validated
@ConfigurationProperties("medrec.matching")
public record MatchingProperties(@DecimalMin(value = "5.0", message = "must be between 5 and 60")
                                 @DecimalMax(value = "60.0", message = "must be between 5 and 60") double reviewThreshold,
                                 @NotNull Path nicknames) {
}
