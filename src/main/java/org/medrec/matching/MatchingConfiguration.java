package org.medrec.matching;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The comparator of possible-duplicate patients, with its threshold from {@code medrec.matching}. */
@Configuration
@EnableConfigurationProperties(MatchingProperties.class)
class MatchingConfiguration {

    @Bean
    PatientComparator patientComparator(MatchingProperties properties) {
        return new PatientComparator(MatchWeights.standard(), properties.reviewThreshold(),
                Nicknames.load(properties.nicknames()));
    }
}
