package org.medrec.cli;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.core.metrics.StartupStep;

/**
 * Where a command's time goes from the JVM's start to its exit, printed as one line on stderr when the
 * system property {@value #PROPERTY} is true ({@code MEDREC_JAVA_OPTS=-Dmedrec.startup-timeline=true};
 * {@code scripts/bench startup} reads it):
 * <pre>start-up timeline: jvm 0.21 s, picocli 0.15 s, context 2.10 s (store 0.92, schema 0.31, jobs 0.20,
 * other 0.67), command 0.05 s, close 0.40 s, total 2.91 s</pre>
 * "store" is the record store's server and connection pool, "schema" Flyway, "jobs" the job repository
 * and the migration job. One per process (the CLI's); thread-safe.
 */
final class StartupTimeline {

    static final String PROPERTY = "medrec.startup-timeline";

    /** Beans whose creation the line names, by what they are; the rest of the context is "other". */
    private static final Map<String, String> PARTS = Map.of(
            "storeServer", "store", "dataSource", "store",
            "flywayInitializer", "schema",
            "jobRepository", "jobs", "jobOperator", "jobs", "migrationJob", "jobs");

    private static final StartupTimeline PROCESS = new StartupTimeline(Boolean.getBoolean(PROPERTY));

    private final boolean enabled;
    private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final Map<String, Long> marks = new LinkedHashMap<>();   // guarded by this
    private BufferingApplicationStartup startup;                     // guarded by this

    private StartupTimeline(boolean enabled) {
        this.enabled = enabled;
    }

    static StartupTimeline process() {
        return PROCESS;
    }

    /** Something ended now: {@code main}, {@code context}, {@code command}, {@code close}. */
    synchronized void mark(String what) {
        if (enabled) {
            marks.put(what, System.currentTimeMillis());
        }
    }

    /** Records how long the application's beans take to start. */
    synchronized void watch(SpringApplication application) {
        if (enabled) {
            startup = new BufferingApplicationStartup(10_000);
            application.setApplicationStartup(startup);
        }
    }

    /** The line, on stderr (once, at exit). */
    synchronized void print() {
        if (!enabled || !marks.containsKey("main")) {
            return;
        }
        long end = System.currentTimeMillis();
        StringBuilder line = new StringBuilder("start-up timeline: jvm ").append(seconds(marks.get("main") - jvmStart));
        long previous = marks.get("main");
        for (Map.Entry<String, Long> mark : marks.entrySet()) {
            if (mark.getKey().equals("main")) {
                continue;
            }
            line.append(", ").append(mark.getKey()).append(' ').append(seconds(mark.getValue() - previous));
            if (mark.getKey().equals("context")) {
                line.append(contextParts(mark.getValue() - previous));
            }
            previous = mark.getValue();
        }
        line.append(", exit ").append(seconds(end - previous)).append(", total ").append(seconds(end - jvmStart));
        System.err.println(line);
    }

    /** The named beans' own time (their dependencies' time counts once, in their own part). */
    private String contextParts(long contextMillis) {
        if (startup == null) {
            return "";
        }
        Map<Long, Long> nanosById = new LinkedHashMap<>();
        Map<Long, Long> parentById = new LinkedHashMap<>();
        Map<Long, String> partById = new LinkedHashMap<>();
        for (var event : startup.getBufferedTimeline().getEvents()) {
            StartupStep step = event.getStartupStep();
            if (!step.getName().equals("spring.beans.instantiate")) {
                continue;
            }
            nanosById.put(step.getId(), event.getDuration().toNanos());
            if (step.getParentId() != null) {
                parentById.put(step.getId(), step.getParentId());
            }
            for (StartupStep.Tag tag : step.getTags()) {
                if (tag.getKey().equals("beanName") && PARTS.containsKey(tag.getValue())) {
                    partById.put(step.getId(), PARTS.get(tag.getValue()));
                }
            }
        }
        // a named bean's time, less that of named beans created while it was (the pool inside the job repository)
        Map<String, Long> nanos = new LinkedHashMap<>();
        for (Map.Entry<Long, String> named : partById.entrySet()) {
            nanos.merge(named.getValue(), nanosById.get(named.getKey()), Long::sum);
            Long parent = parentById.get(named.getKey());
            while (parent != null && !partById.containsKey(parent)) {
                parent = parentById.get(parent);
            }
            if (parent != null) {
                nanos.merge(partById.get(parent), -nanosById.get(named.getKey()), Long::sum);
            }
        }
        if (Boolean.getBoolean("medrec.startup-timeline.beans")) {
            Map<Long, Long> own = new LinkedHashMap<>(nanosById);
            Map<Long, String> names = new LinkedHashMap<>();
            for (var event : startup.getBufferedTimeline().getEvents()) {
                StartupStep step = event.getStartupStep();
                if (!step.getName().equals("spring.beans.instantiate")) continue;
                for (StartupStep.Tag tag : step.getTags()) if (tag.getKey().equals("beanName")) names.put(step.getId(), tag.getValue());
                Long parent = step.getParentId();
                if (parent != null && own.containsKey(parent)) own.merge(parent, -event.getDuration().toNanos(), Long::sum);
            }
            for (var event : startup.getBufferedTimeline().getEvents()) {
                StartupStep step = event.getStartupStep();
                if (!step.getName().equals("spring.beans.instantiate") && event.getDuration().toMillis() > 20) System.err.println("  step " + step.getName() + " " + event.getDuration().toMillis() + " ms " + step.getTags());
            }
            own.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(40)
                    .forEach(e -> System.err.println("  bean " + names.get(e.getKey()) + " " + e.getValue() / 1_000_000 + " ms"));
        }
        StringBuilder parts = new StringBuilder(" (");
        long named = 0;
        for (String part : new String[] {"store", "schema", "jobs"}) {
            long millis = nanos.getOrDefault(part, 0L) / 1_000_000;
            named += millis;
            parts.append(part).append(' ').append(number(millis)).append(", ");
        }
        return parts.append("other ").append(number(Math.max(0, contextMillis - named))).append(')').toString();
    }

    private static String seconds(long millis) {
        return number(millis) + " s";
    }

    private static String number(long millis) {
        return String.format(Locale.ROOT, "%.2f", millis / 1000.0);
    }
}
