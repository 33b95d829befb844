package org.medrec;

import org.medrec.cli.Cli;
import org.medrec.config.MedrecProperties;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The Spring application that the CLI commands run in; {@link #main} is the CLI's entry point. */
@SpringBootApplication
@EnableConfigurationProperties(MedrecProperties.class)
public class MedrecApplication {

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
