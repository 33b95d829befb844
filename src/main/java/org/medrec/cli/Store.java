package org.medrec.cli;

import java.util.ArrayList;
import java.util.List;
import org.medrec.MedrecApplication;
import org.medrec.store.StoreRoleCheck;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Opens the application (record store, migrations, jobs) for one command; close it when done. Only
 * {@code serve} runs a web application; the other commands leave out the web UI's auto-configuration
 * (security, Thymeleaf, HTTP message conversion, Jackson's), and the commands that only query or
 * update the store make each bean when they first need it ({@link #openLazily()}). Measured with
 * {@code scripts/bench startup}.
 */
final class Store {

    /**
     * Auto-configuration the commands other than {@code serve} do not use: the web UI's, and the translation of
     * persistence exceptions at {@code @Repository} beans (a proxy class generated per repository at start-up;
     * medrec's repositories use Spring's JDBC, which translates them already). A name that is no longer an
     * auto-configuration fails start-up (after an upgrade).
     */
    private static final List<String> NOT_FOR_COMMANDS = List.of(
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration",
            "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration",
            "org.springframework.boot.autoconfigure.admin.SpringApplicationAdminJmxAutoConfiguration",
            "org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration",
            "org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration");

    private Store() {
    }

    /** The whole application, every bean made at start-up (a bad setting or form stops it before any work). */
    static ConfigurableApplicationContext open() {
        return open(List.of());
    }

    /**
     * The application for a command that queries or updates the store ({@code review}, {@code report},
     * {@code export}, {@code users}): a bean is made when the command first needs it, so the jobs, the OCR
     * engines and the forms and mappings are not (the schema is still brought up to date first).
     */
    static ConfigurableApplicationContext openLazily() {
        return open(List.of(), "--spring.main.lazy-initialization=true");
    }

    /**
     * The application with these Spring profiles active (the remote manager or worker) and these
     * {@code --name=value} properties, which win over application.yml and the environment.
     */
    static ConfigurableApplicationContext open(List<String> profiles, String... properties) {
        return open(profiles, app -> { }, properties);
    }

    /** {@code migrate}: as {@link #open(List, String...)}, the first charts read while the store starts. */
    static ConfigurableApplicationContext open(EarlyChartReads early) {
        return open(List.of(), early::attach);
    }

    private static ConfigurableApplicationContext open(List<String> profiles, java.util.function.Consumer<SpringApplication> more,
                                                       String... properties) {
        SpringApplication app = new SpringApplication(MedrecApplication.class);
        more.accept(app);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(true);
        app.setAdditionalProfiles(profiles.toArray(String[]::new));
        List<String> arguments = new ArrayList<>(List.of(properties));
        arguments.add("--spring.autoconfigure.exclude=" + String.join(",", NOT_FOR_COMMANDS));
        return run(app, arguments.toArray(String[]::new));
    }

    /** Says on stderr when medrec is connected as a superuser or as the tables' owner ({@code migrate}, {@code serve}). */
    static void warnIfPrivileged(ConfigurableApplicationContext context, java.io.PrintWriter err) {
        context.getBean(StoreRoleCheck.class).warning().ifPresent(w -> {
            err.println("medrec: warning: " + w);
            err.flush();
        });
    }

    /** The application with the web UI, with these {@code --server.*} settings (for {@code serve} only). */
    static ConfigurableApplicationContext openWeb(List<String> serverSettings) {
        SpringApplication app = new SpringApplication(MedrecApplication.class);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(true);
        // as arguments: they win over application.yml's spring.main.web-application-type=none
        List<String> arguments = new ArrayList<>(serverSettings);
        arguments.add("--spring.main.web-application-type=servlet");
        return run(app, arguments.toArray(String[]::new));
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
