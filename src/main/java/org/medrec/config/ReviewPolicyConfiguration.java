package org.medrec.config;

import org.medrec.record.ReviewPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The review policy, from {@code medrec.review}: what charts, sheets and the loader send to a person. */
@Configuration(proxyBeanMethods = false)
class ReviewPolicyConfiguration {

    @Bean
    ReviewPolicy reviewPolicy(MedrecProperties properties) {
        return new ReviewPolicy(properties.review().confidenceValidated(), properties.review().confidenceText(),
                properties.review().confidenceByField());
    }
}
