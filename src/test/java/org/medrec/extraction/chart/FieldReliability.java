package org.medrec.extraction.chart;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.medrec.intake.FileFormat;
import org.medrec.ocr.ChartPages;
import org.medrec.ocr.OcrEngine;
import org.medrec.ocr.PageCache;
import org.medrec.ocr.PageText;
import org.medrec.record.FieldValue;
import org.medrec.record.ReviewPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures chart extraction against a generated, labelled set ({@code CorpusGenerator}) without the
 * store: every value read, paired with the truth the way the scorer pairs entries (by key, then by
 * agreement), and counted as loaded right, loaded wrong (escaped), in review, or missing; per tier
 * and document type. With {@code --calibrate} it also prints, per field kind, the share of wrong
 * values per confidence band among the values no other rule holds (the reliability table of
 * jobs/README.md). Pages are read once with real Tesseract and kept in {@code --cache}.
 *
 * <p>Usage: {@code FieldReliability --corpus DIR [--cache DIR] [--tiers a,b] [--calibrate] [--verbose]
 * [--policy VALIDATED,TEXT] [--by-field field=threshold,...]} (the thresholds of {@code medrec.review}).
 * Not a test: a measuring tool, run by hand. Not thread-safe.
 */
public final class FieldReliability {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.now();
    private static final Set<String> NOT_COMPARED = Set.of("balance", "type", "mobile", "emergency_contact", "person_id");
    private static final Set<String> EXACT = Set.of("mrn", "birth_date", "date", "npi", "code", "cvx", "cpt", "lot", "time",
            "postal_code", "state", "sex", "status", "member_id", "group");
    private static final Map<String, List<String>> KEYS = Map.of("immunizations", List.of("cvx", "date"),
            "encounters", List.of("date", "npi"), "charges", List.of("date", "cpt", "charge"),
            "medications", List.of("name"), "allergies", List.of("substance"), "appointments", List.of("date", "time"),
            "conditions", List.of("code", "display"), "encounters[0].diagnoses", List.of("code"),
            "patient.insurance", List.of("member_id"));
    private static final Pattern ENTRY = Pattern.compile("^((?:encounters\\[0]\\.)?[a-z_.]+?)\\[(\\d+)]\\.(.+)$");
    static final double[] BANDS = {0, 0.5, 0.7, 0.8, 0.85, 0.9, 0.92, 0.93, 0.94, 0.95, 0.96, 0.97, 0.98, 1.0001};

    /** One value compared: where, truth, read, confidence, reason, outcome. */
    record Compared(String tier, String file, String docType, String path, String truth, String value, double confidence,
                    String reason, String outcome, boolean handwritten, int height) {

        Compared(String tier, String file, String docType, String path, String truth, String value, double confidence,
                 String reason, String outcome) {
            this(tier, file, docType, path, truth, value, confidence, reason, outcome, false, 0);
        }

        Compared(String tier, String file, String docType, String path, String truth, String value, double confidence,
                 String reason, String outcome, boolean handwritten) {
            this(tier, file, docType, path, truth, value, confidence, reason, outcome, handwritten, 0);
        }
    }

    private final Path corpus;
    private final Path cache;
    private final boolean verbose;
    private OcrEngine engine;

    private FieldReliability(Path corpus, Path cache, boolean verbose) {
        this.corpus = corpus;
        this.cache = cache;
        this.verbose = verbose;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path corpus = null, cache = null;
        List<String> tiers = null;
        boolean calibrate = false, verbose = false;
        double validated = 0.90, text = 0.93;
        Map<String, Double> byField = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--cache" -> cache = Path.of(args[++i]);
                case "--tiers" -> tiers = List.of(args[++i].split(","));
                case "--calibrate" -> calibrate = true;
                case "--verbose" -> verbose = true;
                case "--by-field" -> {   // field=threshold,... as medrec.review.confidence-by-field
                    for (String pair : args[++i].split(",")) {
                        byField.put(pair.substring(0, pair.indexOf('=')), Double.parseDouble(pair.substring(pair.indexOf('=') + 1)));
                    }
                }
                case "--policy" -> {
                    String[] t = args[++i].split(",");
                    validated = Double.parseDouble(t[0]);
                    text = Double.parseDouble(t[1]);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        FieldReliability tool = new FieldReliability(corpus, cache == null ? corpus.resolve(".pages") : cache, verbose);
        try {
            tool.run(tiers, new ReviewPolicy(validated, text, byField), calibrate, System.out);
        } finally {
            if (tool.engine != null) {
                tool.engine.close();
            }
        }
    }

    private void run(List<String> tiers, ReviewPolicy policy, boolean calibrate, PrintStream out) throws Exception {
        List<Compared> all = new ArrayList<>();
        FormCatalog catalog = FormCatalog.load(Path.of("jobs/forms"));
        List<String[]> docs = new ArrayList<>();
        try (Stream<Path> tierDirs = Files.list(corpus)) {
            for (Path tierDir : tierDirs.filter(Files::isDirectory).sorted().toList()) {
                String tier = tierDir.getFileName().toString();
                if (tier.startsWith(".") || (tiers != null && !tiers.contains(tier)) || !Files.isDirectory(tierDir.resolve("truth"))) {
                    continue;
                }
                try (Stream<Path> truths = Files.list(tierDir.resolve("truth"))) {
                    for (Path truthFile : truths.sorted().toList()) {
                        JsonNode truth = JSON.readTree(truthFile.toFile());
                        String name = truth.get("file").asString();
                        String docType = truth.get("doc_type").asString();
                        ChartDocument document = ChartDocument.of(pages(tierDir.resolve(name), tier));
                        ChartExtraction e = new ChartExtractor(catalog, policy).extract(document, 1, name, TODAY);
                        String outcome = e.map(nm -> "quarantined", nu -> "document-review", x -> x.docType());
                        docs.add(new String[] {tier, name, docType, outcome, e.map(nm -> nm.reason(), nu -> nu.reason(),
                                x -> x.documentDoubt() == null ? "" : x.documentDoubt())});
                        all.addAll(compare(tier, name, docType, truth, e));

                    }
                }
            }
        }
        report(all, docs, out);
        if (calibrate) {
            calibration(all, policy, out);
        }
    }

    private List<PageText> pages(Path file, String tier) throws IOException {
        Path cached = cache.resolve(tier).resolve(file.getFileName() + ".pages");
        if (Files.exists(cached)) {
            return PageCache.read(cached);
        }
        if (engine == null) {
            engine = OcrEngine.open();
        }
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        FileFormat format = n.endsWith(".pdf") ? FileFormat.PDF : n.endsWith(".png") ? FileFormat.PNG
                : n.endsWith(".tif") || n.endsWith(".tiff") ? FileFormat.TIFF : FileFormat.JPEG;
        List<PageText> pages = new ChartPages().read(file, format, engine);
        PageCache.write(cached, pages);
        return pages;
    }

    /** The values of the extraction paired with the truth's. */
    private List<Compared> compare(String tier, String file, String docType, JsonNode truth, ChartExtraction e) {
        JsonNode record = truth.get("records").get(0);
        Map<String, String> expected = new LinkedHashMap<>();
        flatten("", record, expected);
        expected.keySet().removeIf(p -> NOT_COMPARED.contains(last(p)) || p.contains("emergency_contact"));
        Set<String> handwritten = new java.util.HashSet<>();
        truth.get("handwritten_fields").forEach(h -> handwritten.add(h.asString()));
        List<Compared> out = new ArrayList<>();
        if (!(e instanceof ChartExtraction.Extracted x)) {
            String outcome = e instanceof ChartExtraction.NotUnderstood ? "keyed" : "lost";
            expected.forEach((p, v) -> out.add(new Compared(tier, file, docType, p, v, null, 0, "document", outcome)));
            return out;
        }
        List<FieldValue> fields = x.record().fields().stream().filter(f -> !NOT_COMPARED.contains(last(f.path()))).toList();
        Map<String, String> renamed = align(expected, fields);
        Map<String, Boolean> covered = new HashMap<>();
        for (FieldValue f : fields) {
            String path = renamed.getOrDefault(f.path(), f.path());
            String want = expected.get(path);
            boolean review = f.needsReview();
            String outcome;
            if (f.value() == null) {
                outcome = review ? "review-empty" : "empty";
            } else if (want == null) {
                outcome = review ? "review-extra" : (path.startsWith("#") ? "escaped" : "not-in-truth");
            } else if (same(last(path), want, f.value())) {
                outcome = review ? "review-right" : (handwritten.contains(path) ? "auto-handwritten" : "auto-right");
            } else {
                outcome = review ? "review-wrong" : "escaped";
            }
            if (want != null) {
                covered.merge(path, review || !same(last(path), want, f.value() == null ? "" : f.value()), (a, b) -> a || b);
            }
            int[] box = f.source().box();
            out.add(new Compared(tier, file, x.docType(), path, want, f.value(), f.confidence(), f.reviewReason(), outcome,
                    handwritten.contains(path), box == null ? 0 : box[3]));
        }
        expected.forEach((p, v) -> {
            if (!covered.containsKey(p)) {
                out.add(new Compared(tier, file, docType, p, v, null, 0, null, "missing", handwritten.contains(p)));
            }
        });
        return out;
    }

    /** Extracted entry paths renamed to the truth entry they pair with ({@code #} for an entry paired with none). */
    private static Map<String, String> align(Map<String, String> expected, List<FieldValue> fields) {
        Map<String, Map<Integer, Map<String, String>>> truthEntries = entries(expected);
        Map<String, String> readValues = new LinkedHashMap<>();
        fields.forEach(f -> readValues.putIfAbsent(f.path(), f.needsReview() ? WILDCARD : f.value()));
        Map<String, Map<Integer, Map<String, String>>> readEntries = entries(readValues);
        Map<String, String> renamed = new HashMap<>();
        readEntries.forEach((list, read) -> {
            Map<Integer, Map<String, String>> want = truthEntries.getOrDefault(list, Map.of());
            Map<Integer, Integer> pairs = new HashMap<>();
            List<String> keys = KEYS.getOrDefault(list, List.of());
            for (var r : read.entrySet()) {
                for (var t : want.entrySet()) {
                    if (!pairs.containsValue(t.getKey()) && !keys.isEmpty() && keys.stream().allMatch(k ->
                            t.getValue().get(k) != null && r.getValue().get(k) != null
                                    && same(k, t.getValue().get(k), r.getValue().get(k)))) {
                        pairs.put(r.getKey(), t.getKey());
                        break;
                    }
                }
            }
            for (var r : read.entrySet()) {   // the entry at the same place, when half of what both hold agrees
                Map<String, String> t = want.get(r.getKey());
                if (!pairs.containsKey(r.getKey()) && t != null && !pairs.containsValue(r.getKey())) {
                    int both = 0, agree = 0;
                    for (var v : r.getValue().entrySet()) {
                        if (t.get(v.getKey()) != null && v.getValue() != null && !v.getValue().equals(WILDCARD)) {
                            both++;
                            agree += same(v.getKey(), t.get(v.getKey()), v.getValue()) ? 1 : 0;
                        }
                    }
                    if (both > 0 && 2 * agree >= both) {
                        pairs.put(r.getKey(), r.getKey());
                    }
                }
            }
            for (var r : read.entrySet()) {
                if (pairs.containsKey(r.getKey())) {
                    continue;
                }
                int bestT = -1;
                double best = 0;
                for (var t : want.entrySet()) {
                    if (pairs.containsValue(t.getKey())) {
                        continue;
                    }
                    int both = 0, agree = 0;
                    for (var v : r.getValue().entrySet()) {
                        String tv = t.getValue().get(v.getKey());
                        if (tv != null && v.getValue() != null) {
                            both++;
                            agree += same(v.getKey(), tv, v.getValue()) ? 1 : 0;
                        }
                    }
                    double share = both == 0 ? 0 : (double) agree / both;
                    if (share >= 0.5 && (share > best || (share == best && t.getKey() == r.getKey()))) {
                        best = share;
                        bestT = t.getKey();
                    }
                }
                pairs.put(r.getKey(), bestT);
            }
            pairs.forEach((from, to) -> {
                for (String field : read.get(from).keySet()) {
                    renamed.put(list + "[" + from + "]." + field, to < 0 ? "#" + list + "[" + from + "]." + field
                            : list + "[" + to + "]." + field);
                }
            });
        });
        return renamed;
    }

    private static Map<String, Map<Integer, Map<String, String>>> entries(Map<String, String> values) {
        Map<String, Map<Integer, Map<String, String>>> out = new TreeMap<>();
        values.forEach((path, value) -> {
            Matcher m = ENTRY.matcher(path);
            if (m.matches() && KEYS.containsKey(m.group(1))) {
                out.computeIfAbsent(m.group(1), k -> new TreeMap<>()).computeIfAbsent(Integer.parseInt(m.group(2)),
                        k -> new LinkedHashMap<>()).put(m.group(3), value);
            }
        });
        return out;
    }

    private static String last(String path) {
        String l = path.substring(path.lastIndexOf('.') + 1);
        return l.replaceAll("\\[\\d+]$", "");
    }

    /** A value in review: the technician makes it the truth's, so it pairs with any. */
    private static final String WILDCARD = "\u0000review";

    static boolean same(String field, String want, String got) {
        if (want == null || got == null) {
            return false;
        }
        if (got.equals(WILDCARD)) {
            return true;
        }
        if (field.equals("phone")) {
            return want.replaceAll("\\D", "").equals(got.replaceAll("\\D", ""));
        }
        if (Set.of("charge", "payment").contains(field)) {
            try {
                return new BigDecimal(want).compareTo(new BigDecimal(got)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (EXACT.contains(field)) {
            return want.equals(got);
        }
        return want.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)
                .equals(got.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            for (var e : node.properties()) {
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(prefix, node.asString());
        }
    }

    private void report(List<Compared> all, List<String[]> docs, PrintStream out) {
        Map<String, int[]> byGroup = new TreeMap<>();   // truth fields, escaped, auto right, review items, missing
        for (Compared c : all) {
            for (String g : List.of(c.tier(), c.tier() + " / " + c.docType())) {
                int[] n = byGroup.computeIfAbsent(g, k -> new int[6]);
                n[0] += c.truth() != null && !c.outcome().startsWith("review-extra") ? 0 : 0;
                n[1] += c.outcome().equals("escaped") ? 1 : 0;
                n[2] += c.outcome().equals("auto-right") ? 1 : 0;
                n[3] += c.outcome().startsWith("review") ? 1 : 0;
                n[4] += c.outcome().equals("missing") || c.outcome().equals("lost") ? 1 : 0;
                n[5] += c.outcome().equals("auto-handwritten") ? 1 : 0;
            }
        }
        Map<String, Integer> truthFields = new TreeMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Compared c : all) {
            if (c.truth() != null && seen.add(c.tier() + c.file() + c.path())) {
                truthFields.merge(c.tier(), 1, Integer::sum);
                truthFields.merge(c.tier() + " / " + c.docType(), 1, Integer::sum);
            }
        }
        out.printf("%-28s %6s %7s %9s %7s %7s %5s%n", "tier / doc type", "truth", "escaped", "automat.", "review", "missing", "hand");
        int[] total = new int[6];
        int totalTruth = 0;
        for (var e : byGroup.entrySet()) {
            int t = truthFields.getOrDefault(e.getKey(), 0);
            int[] n = e.getValue();
            out.printf("%-28s %6d %7d %8.1f%% %7d %7d %5d%n", e.getKey(), t, n[1], t == 0 ? 0 : 100.0 * n[2] / t, n[3], n[4], n[5]);
            if (!e.getKey().contains("/")) {
                for (int i = 0; i < 6; i++) {
                    total[i] += n[i];
                }
                totalTruth += t;
            }
        }
        out.printf("%-28s %6d %7d %8.1f%% %7d %7d %5d%n", "all", totalTruth, total[1], 100.0 * total[2] / Math.max(1, totalTruth),
                total[3], total[4], total[5]);
        int handFlagged = 0, handOther = 0, handAuto = 0, falseAlarms = 0, handMissing = 0;
        for (Compared c : all) {
            boolean flagged = c.reason() != null && c.reason().contains("written larger");
            if (c.handwritten()) {
                if (c.value() == null && c.reason() == null) {
                    handMissing++;
                } else if (flagged) {
                    handFlagged++;
                } else if (c.reason() != null) {
                    handOther++;
                } else {
                    handAuto++;
                }
            } else if (flagged) {
                falseAlarms++;
            }
        }
        out.printf("handwritten values: flagged as handwriting %d, in review for another reason %d, loaded unreviewed %d,"
                + " not read %d; typed values flagged as handwriting %d%n", handFlagged, handOther, handAuto, handMissing,
                falseAlarms);
        out.println();
        for (String[] d : docs) {
            if (!d[2].equals(d[3])) {
                out.printf("not read as %s: %s/%s -> %s (%s)%n", d[2], d[0], d[1], d[3], d[4]);
            }
        }
        for (Compared c : all) {
            if (c.outcome().equals("escaped") || c.outcome().equals("auto-handwritten")
                    || (verbose && !c.outcome().equals("auto-right") && !c.outcome().equals("keyed"))) {
                out.printf("%s %s/%s %s %s: truth '%s' read '%s' conf %.2f%s%n", c.outcome(), c.tier(), c.file(), c.docType(),
                        c.path(), c.truth(), c.value(), c.confidence(), c.reason() == null ? "" : " [" + c.reason() + "]");
            }
        }
    }

    /** Per field kind and confidence band: values right and wrong among those no other rule sends to review. */
    static final int SMALL = Integer.getInteger("small", 18);
    /** A value held only for its confidence: the rules of structure and validation found nothing else. */
    private static final Pattern CONFIDENCE_ONLY = Pattern.compile("read with confidence [0-9.]+, below [0-9.]+");

    private static void calibration(List<Compared> loose, ReviewPolicy policy, PrintStream out) {
        calibration(loose, policy, out, false);

    }

    private static void calibration(List<Compared> loose, ReviewPolicy policy, PrintStream out, boolean byHeight) {
        Map<String, int[][]> table = new TreeMap<>();
        for (Compared c : loose) {
            if (c.value() == null || !(c.reason() == null || CONFIDENCE_ONLY.matcher(c.reason()).matches())
                    || c.truth() == null && !c.path().startsWith("#")) {
                continue;
            }
            boolean wrong = c.outcome().equals("escaped") || c.outcome().equals("review-wrong");
            String kind = last(c.path()) + (byHeight ? (c.height() > 0 && c.height() < SMALL ? " <" + SMALL + "px" : "") : "");
            int band = 0;
            while (band + 1 < BANDS.length && c.confidence() >= BANDS[band + 1]) {
                band++;
            }
            int[][] t = table.computeIfAbsent(kind, k -> new int[BANDS.length - 1][2]);
            t[Math.min(band, BANDS.length - 2)][wrong ? 1 : 0]++;
        }
        out.println();
        out.print("calibration: wrong/values per confidence band, values no other rule holds\n");
        out.printf("%-14s", "field");
        for (int b = 0; b + 1 < BANDS.length; b++) {
            out.printf(" %11s", String.format(Locale.ROOT, "%.2f-", BANDS[b]));
        }
        out.println();
        table.forEach((kind, t) -> {
            out.printf("%-14s", kind);
            for (int[] cell : t) {
                out.printf(" %11s", cell[0] + cell[1] == 0 ? "." : cell[1] + "/" + (cell[0] + cell[1]));
            }
            out.println();
        });
        for (Compared c : byHeight ? List.<Compared>of() : loose) {
            if ((c.outcome().equals("escaped") || c.outcome().equals("review-wrong")) && c.value() != null
                    && (c.reason() == null || CONFIDENCE_ONLY.matcher(c.reason()).matches()) && c.confidence() >= 0.85) {
                out.printf("  wrong at %.3f (%d px): %s/%s %s truth '%s' read '%s'%n", c.confidence(), c.height(), c.tier(),
                        c.file(), c.path(), c.truth(), c.value());
            }
        }
    }
}
