package org.medrec.cli;

import org.medrec.MedrecApplication;
import org.medrec.store.StoreRoleCheck;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Opens the application (record store, migrations, jobs) for one command; close it when done. */
final class Store {

    private Store() {
    }

    static ConfigurableApplicationContext open() {
        return open(java.util.List.of());
    }

    /**
     * The application with these Spring profiles active (the remote manager or worker) and these
     * {@code --name=value} properties, which win over application.yml and the environment.
     */
    static ConfigurableApplicationContext open(java.util.List<String> profiles, String... properties) {
        SpringApplication app = new SpringApplication(MedrecApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(true);
        app.setAdditionalProfiles(profiles.toArray(String[]::new));
        return app.run(properties);
    }

    /** Says on stderr when medrec is connected as a superuser or as the tables' owner ({@code migrate}, {@code serve}). */
    static void warnIfPrivileged(ConfigurableApplicationContext context, java.io.PrintWriter err) {
        context.getBean(StoreRoleCheck.class).warning().ifPresent(w -> {
            err.println("medrec: warning: " + w);
            err.flush();
        });
    }

    /** The application with the web UI, with these {@code --server.*} settings (for {@code serve} only). */
    static ConfigurableApplicationContext openWeb(java.util.List<String> serverSettings) {
        SpringApplication app = new SpringApplication(MedrecApplication.class);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(true);
        // as arguments: they win over application.yml's spring.main.web-application-type=none
        java.util.List<String> args = new java.util.ArrayList<>(serverSettings);
        args.add("--spring.main.web-application-type=servlet");
        return app.run(args.toArray(String[]::new));
    }
}
