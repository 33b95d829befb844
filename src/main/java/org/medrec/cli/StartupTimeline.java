package org.medrec.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.config.InstantiationAwareBeanPostProcessor;
import org.springframework.boot.SpringApplication;

/**
 * Where a command's time goes from the JVM's start to its exit, printed as one line on stderr when the
 * system property {@value #PROPERTY} is true ({@code MEDREC_JAVA_OPTS=-Dmedrec.startup-timeline=true};
 * {@code scripts/bench startup} reads it):
 * <pre>start-up timeline: jvm 0.21 s, context 1.40 s, command 0.05 s, close 0.10 s, exit 0.00 s, total 1.76 s;
 * of which store 0.52 s, jobs 0.20 s</pre>
 * jvm: until medrec's main; context: the command line parsed and the application started; command: its own
 * work (with beans made when first needed, {@code Store.openLazily()}, it makes them); close: the application
 * closed (the embedded server stopped when no other command uses it). Of all that, "store" is the record
 * store's server and connection pool, its schema brought up to date; "jobs" the job repository and the migration job.
 * One per process (the CLI's); thread-safe.
 */
final class StartupTimeline {

    static final String PROPERTY = "medrec.startup-timeline";

    /** Beans whose creation the line names, by what they are; the rest of the context is "other". */
    private static final Map<String, String> PARTS = Map.of(
            "storeServer", "store", "dataSource", "store",
            "jobRepository", "jobs", "jobOperator", "jobs", "migrationJob", "jobs");

    private static final StartupTimeline PROCESS = new StartupTimeline(Boolean.getBoolean(PROPERTY));

    private final boolean enabled;
    private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final Map<String, Long> marks = new LinkedHashMap<>();   // guarded by this
    private final Map<String, Long> partNanos = new LinkedHashMap<>();   // guarded by this

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

    /** Times the creation of the named beans (each less the named beans it needed, which count in their own part). */
    void watch(SpringApplication application) {
        if (!enabled) {
            return;
        }
        Deque<long[]> creating = new ArrayDeque<>();   // start, and time of named beans created meanwhile
        application.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(
                new InstantiationAwareBeanPostProcessor() {
                    @Override
                    public Object postProcessBeforeInstantiation(Class<?> type, String name) {
                        if (PARTS.containsKey(name)) {
                            creating.push(new long[] {System.nanoTime(), 0});
                        }
                        return null;
                    }

                    @Override
                    public Object postProcessAfterInitialization(Object bean, String name) {
                        if (PARTS.containsKey(name) && !creating.isEmpty()) {
                            long[] created = creating.pop();
                            long nanos = System.nanoTime() - created[0];
                            if (!creating.isEmpty()) {
                                creating.peek()[1] += nanos;
                            }
                            synchronized (StartupTimeline.this) {
                                partNanos.merge(PARTS.get(name), nanos - created[1], Long::sum);
                            }
                        }
                        return bean;
                    }
                }));
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
            previous = mark.getValue();
        }
        line.append(", exit ").append(seconds(end - previous)).append(", total ").append(seconds(end - jvmStart))
                .append("; of which");
        for (String part : new String[] {"store", "jobs"}) {
            line.append(part.equals("store") ? " " : ", ").append(part).append(' ')
                    .append(seconds(partNanos.getOrDefault(part, 0L) / 1_000_000));
        }
        System.err.println(line);
    }

    private static String seconds(long millis) {
        return number(millis) + " s";
    }

    private static String number(long millis) {
        return String.format(Locale.ROOT, "%.2f", millis / 1000.0);
    }
}
