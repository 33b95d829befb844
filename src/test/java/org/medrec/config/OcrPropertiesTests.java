package org.medrec.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Out-of-range OCR settings stop start-up with the setting's name and its range. */
class OcrPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OcrProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues("medrec.ocr.threads=2", "medrec.ocr.page-time-limit=120s", "medrec.ocr.separate-processes=true",
                    "medrec.ocr.process-heap-mb=1024", "medrec.ocr.page-wait=300s");

    @Test
    void shouldTakeTheDefaults() {
        context.run(c -> assertThat(c.getBean(OcrProperties.class).threads()).isEqualTo(2));
    }

    @Test
    void shouldRefuseNoOcrThreadWithTheSettingAndItsRange() {
        context.withPropertyValues("medrec.ocr.threads=0").run(c -> assertThat(c).getFailure()
                .hasStackTraceContaining("medrec.ocr.threads").hasStackTraceContaining("must be between 1 and 64"));
    }

    @Test
    void shouldRefuseAPageWaitNotLongerThanThePageTimeLimit() {
        context.withPropertyValues("medrec.ocr.page-wait=60s").run(c -> assertThat(c).getFailure()
                .hasStackTraceContaining("medrec.ocr.page-wait (PT1M) must be longer than medrec.ocr.page-time-limit (PT2M)"));
    }
}
