package org.medrec.job;

import java.nio.file.Files;
import org.medrec.config.MedrecProperties;
import org.medrec.extraction.chart.ChartExtractor;
import org.medrec.extraction.chart.FormCatalog;
import org.medrec.record.ReviewPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The chart forms, loaded once at start-up: a malformed file stops start-up, naming it. */
@Configuration(proxyBeanMethods = false)
class ChartExtractionConfiguration {

    @Bean
    FormCatalog formCatalog(MedrecProperties properties) {
        if (!Files.isDirectory(properties.forms())) {
            throw new IllegalStateException("medrec.forms: " + properties.forms().toAbsolutePath()
                    + " is not a folder (set MEDREC_FORMS to the jobs/forms folder)");
        }
        return FormCatalog.load(properties.forms());
    }

    @Bean
    ChartExtractor chartExtractor(FormCatalog formCatalog, ReviewPolicy policy) {
        return new ChartExtractor(formCatalog, policy);
    }
}
