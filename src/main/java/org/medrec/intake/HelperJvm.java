package org.medrec.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a JVM of medrec's own class path that does risky work for it (probing a file, OCR), so
 * that a crash, a hang or a memory blow-up ends that JVM only. It answers on stdout; its stderr is
 * dropped. It writes no crash report or core file, since they could hold a page's pixels or text.
 */
public final class HelperJvm {

    /**
     * A folder holding a class-data sharing archive per helper, named after its main class
     * ({@code OcrProcessMain.jsa}; scripts/setup makes them, scripts/medrec names the folder): the helper
     * starts with its classes already parsed. An archive made for another class path is ignored by the JVM.
     */
    public static final String ARCHIVES = "medrec.helper-archives";

    private HelperJvm() {
    }

    /**
     * @param heapMb     its Java heap; past it the JVM exits with code 3 ({@code -XX:+ExitOnOutOfMemoryError})
     * @param extraFlags further JVM options
     * @param main       its main class
     * @param args       the main class's arguments
     */
    public static Process start(int heapMb, List<String> extraFlags, Class<?> main, String... args) throws IOException {
        return new ProcessBuilder(command(heapMb, extraFlags, main, args)).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /**
     * Starts a helper that outlives this JVM and talks to nobody: no input, its output dropped (so that it
     * holds none of this JVM's pipes, which a caller reading them to their end would wait on).
     */
    public static Process startDetached(int heapMb, List<String> extraFlags, Class<?> main, String... args)
            throws IOException {
        return new ProcessBuilder(command(heapMb, extraFlags, main, args))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<String> command(int heapMb, List<String> extraFlags, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heapMb + "m");
        command.addAll(extraFlags);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:-CreateCoredumpOnCrash");
        command.add("-XX:ErrorFile=/dev/null");
        command.add("-Djava.awt.headless=true");
        command.add("-Dlogback.configurationFile=logback-probe.xml");
        String archives = System.getProperty(ARCHIVES);
        Path archive = archives == null ? null : Path.of(archives, main.getSimpleName() + ".jsa");
        if (archive != null && Files.isRegularFile(archive)) {
            // JVM notices off: stdout is the answer channel
            command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:disable"));
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return command;
    }
}
