package org.medrec.job;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What runs beside the migration job: its progress, and the listener that counts it and stops it on request. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ProgressSettings.class, RemoteSettings.class})
class OperationsConfiguration {

    @Bean
    MigrationProgress migrationProgress() {
        return new MigrationProgress();
    }

    @Bean
    ProgressListener progressListener(JdbcClient jdbc, MigrationProgress migrationProgress) {
        return new ProgressListener(jdbc, migrationProgress);
    }
}
