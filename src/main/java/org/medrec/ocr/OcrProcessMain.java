package org.medrec.ocr;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.medrec.intake.FileFormat;
import org.medrec.intake.Reasons;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The OCR process's main class, started by {@link OcrProcess}: one Tesseract, one chart file at a
 * time. Reads {@code FORMAT <tab> path} lines on stdin; answers on stdout with a {@code page} line
 * per page read (as soon as it is read) and then {@code done}, or {@code failed <tab> reason}. A
 * native crash ends only this process. It ignores SIGINT and SIGTERM, which a terminal or a
 * service manager sends to medrec's whole process group: medrec stops gracefully and closes stdin,
 * and this process ends after the file it is reading.
 */
public final class OcrProcessMain {

    static final String READY = "ready";
    static final String PAGE = "page\t";
    static final String DONE = "done";
    static final String FAILED = "failed\t";
    static final String DAMAGED = "damaged\t";

    private OcrProcessMain() {
    }

    /** {@code args[0]}: the page time limit in milliseconds. */
    public static void main(String[] args) throws Exception {
        PrintStream answers = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        System.setOut(System.err);   // a library that prints must not corrupt the answer channel
        Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
        Signal.handle(new Signal("TERM"), SignalHandler.SIG_IGN);
        ChartPages chartPages = new ChartPages();
        try (OcrEngine engine = OcrEngine.open(OcrSettings.defaults(), Duration.ofMillis(Long.parseLong(args[0])))) {
            answers.println(READY);
            answers.flush();
            BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = requests.readLine()) != null) {
                String[] request = line.split("\t", 2);
                try {
                    chartPages.read(Path.of(request[1]), FileFormat.valueOf(request[0]), engine, page -> {
                        answers.println(PAGE + PageTextCodec.encode(page));
                        answers.flush();
                    });
                    answers.println(DONE);
                } catch (DamagedChartException e) {
                    answers.println(DAMAGED + Reasons.clean(e.getMessage()).replace(request[1], "the file"));
                } catch (Exception | StackOverflowError e) {
                    answers.println(FAILED + Reasons.describe(e).replace(request[1], "the file"));
                }
                answers.flush();
            }
        }
    }
}
