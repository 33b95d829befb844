package org.medrec.intake;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The probe JVM's main class: reads one absolute path per line on stdin and answers one line per
 * file on stdout ({@code ok|refused <tab> FORMAT <tab> pages <tab> reason}). It is started by
 * {@link IsolatedProber} with a small heap and {@code -XX:+ExitOnOutOfMemoryError}, and killed
 * when a file takes too long; a crash takes only this JVM down.
 */
public final class ProbeWorker {

    static final String READY = "ready";

    private ProbeWorker() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream answers = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);   // parsers that print must not corrupt the answer channel
        Prober prober = new Prober(Long.parseLong(args[0]));
        answers.println(READY);
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = requests.readLine()) != null) {
            ProbeResult result;
            try {
                result = prober.probe(Path.of(line));
            } catch (RuntimeException | StackOverflowError e) {
                result = ProbeResult.refused(FileFormat.OTHER, "the file broke its parser (" + Reasons.describe(e) + ")");
            }
            answers.println(encode(result));
        }
    }

    static String encode(ProbeResult r) {
        return (r.accepted() ? "ok" : "refused") + "\t" + r.format() + "\t" + (r.pages() == null ? "" : r.pages())
                + "\t" + (r.reason() == null ? "" : Reasons.clean(r.reason()));
    }

    static boolean isAnswer(String line) {
        return (line.startsWith("ok\t") || line.startsWith("refused\t")) && line.split("\t", -1).length == 4;
    }

    static ProbeResult decode(String line) {
        String[] parts = line.split("\t", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("malformed probe answer");
        }
        FileFormat format = FileFormat.valueOf(parts[1]);
        Integer pages = parts[2].isEmpty() ? null : Integer.valueOf(parts[2]);
        return parts[0].equals("ok")
                ? ProbeResult.accepted(format, pages)
                : new ProbeResult(format, pages, false, parts[3]);
    }
}
