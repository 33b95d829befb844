package org.medrec.spreadsheet;

import org.medrec.config.MedrecProperties;
import org.medrec.spreadsheet.mapping.MappingCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The source-system mappings, loaded once at start-up: a malformed one stops start-up, naming the file. */
@Configuration(proxyBeanMethods = false)
class SpreadsheetConfiguration {

    @Bean
    MappingCatalog mappingCatalog(MedrecProperties properties) {
        if (!java.nio.file.Files.isDirectory(properties.mappings())) {
            throw new IllegalStateException("medrec.mappings: " + properties.mappings().toAbsolutePath()
                    + " is not a folder (set MEDREC_MAPPINGS to the jobs/mappings folder)");
        }
        return MappingCatalog.load(properties.mappings());
    }
}
