package org.medrec.cli;

import org.medrec.MedrecApplication;
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
        return run(app, properties);
    }

    /** The application with the web UI on {@code port} (for {@code serve} only). */
    static ConfigurableApplicationContext openWeb(int port) {
        SpringApplication app = new SpringApplication(MedrecApplication.class);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(true);
        // as arguments: they win over application.yml's spring.main.web-application-type=none
        return run(app, "--spring.main.web-application-type=servlet", "--server.port=" + port);
    }

    private static ConfigurableApplicationContext run(SpringApplication app, String... arguments) {
        StartupTimeline timeline = StartupTimeline.process();
        timeline.watch(app);
        ConfigurableApplicationContext context = app.run(arguments);
        timeline.mark("context");
        context.addApplicationListener(event -> {
            if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                timeline.mark("command");
            }
        });
        return context;
    }
}
