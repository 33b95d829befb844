package org.medrec.ocr;

import org.medrec.config.OcrProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OCR engines of the chart stage, from {@link OcrProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OcrProperties.class)
class OcrConfiguration {

    /**
     * One Tesseract per OCR thread, each in a process of its own (or in this JVM when
     * {@code medrec.ocr.separate-processes} is false), ended when the application closes; a page past
     * the time limit is given up. Those {@code migrate} started early ({@link EarlyOcrProcesses}) when there are.
     */
    @Bean(destroyMethod = "close")
    ChartReading chartReading(OcrProperties ocr, ObjectProvider<EarlyOcrProcesses> early) {
        EarlyOcrProcesses started = early.getIfAvailable();
        if (started != null) {
            return started.processes();   // migrate started them, with these settings, while the store started
        }
        return ocr.separateProcesses()
                ? new OcrProcesses(ocr.pageTimeLimit(), ocr.pageWait(), ocr.processHeapMb())
                : new OcrEngines(OcrSettings.defaults(), ocr.pageTimeLimit());
    }
}
