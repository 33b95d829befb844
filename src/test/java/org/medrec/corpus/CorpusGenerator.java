package org.medrec.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

import org.medrec.samples.ImageFiles;
import org.medrec.samples.PdfFiles;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a labelled corpus of synthetic charts for {@code scripts/bench fidelity}: for each tier a folder the
 * scorer accepts ({@code <tier>/charts/}, {@code <tier>/truth/<name>.json} in the dev corpus's truth schema),
 * and {@code MANIFEST.json} listing every file. Every document type medrec reads is drawn in layouts taken
 * from a space of variations (see {@link Style}), for clinics medrec knows and clinics it does not; every
 * patient is new for each seed. The same seed, size and tiers give the same files.
 *
 * <p>Usage: {@code java -cp ... org.medrec.corpus.CorpusGenerator --out DIR --seed S [--per-tier N]
 * [--tiers pristine,office,...] [--unknown-clinics 0.2]}
 */
public final class CorpusGenerator {

    /** The kinds of document drawn in turn (claims twice: red drop-out ink and black). */
    enum Kind { INTAKE, IMMUNIZATION_LIST, IMMUNIZATION_GRID, NOTE, MEDLIST, LEDGER, APPOINTMENTS, CMS1500_RED,
        CMS1500_BLACK }

    record Options(Path out, long seed, int perTier, List<Tier> tiers, double unknownClinics) {

        Options {
            if (perTier < 1) {
                throw new IllegalArgumentException("--per-tier must be at least 1, was " + perTier);
            }
            if (unknownClinics < 0 || unknownClinics > 1) {
                throw new IllegalArgumentException("--unknown-clinics must be in 0..1, was " + unknownClinics);
            }
            tiers = List.copyOf(tiers);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Options options = parse(args);
        long start = System.nanoTime();
        List<Map<String, Object>> files = generate(options);
        System.err.printf("corpus: %d charts in %s (seed %d) in %d s%n", files.size(), options.out(), options.seed(),
                (System.nanoTime() - start) / 1_000_000_000);
    }

    static Options parse(String[] args) {
        Path out = null;
        long seed = System.nanoTime();
        int perTier = Kind.values().length;
        List<Tier> tiers = List.of(Tier.values());
        double unknown = 0.2;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + args[i]);
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--out" -> out = Path.of(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--per-tier" -> perTier = Integer.parseInt(v);
                case "--tiers" -> tiers = Arrays.stream(v.split(",")).map(Tier::of).toList();
                case "--unknown-clinics" -> unknown = Double.parseDouble(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--out DIR --seed S --per-tier N --tiers a,b --unknown-clinics SHARE)");
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        return new Options(out, seed, perTier, tiers, unknown);
    }

    /** Writes the corpus; returns the manifest's entries. */
    static List<Map<String, Object>> generate(Options options) throws IOException {
        Set<String> mrns = new HashSet<>();
        List<Map<String, Object>> manifest = new ArrayList<>();
        Kind[] kinds = Kind.values();
        int offset = new Random(options.seed()).nextInt(kinds.length);
        for (Tier tier : options.tiers()) {
            Path folder = options.out().resolve(tier.id());
            Files.createDirectories(folder.resolve("charts"));
            Files.createDirectories(folder.resolve("truth"));
            for (int i = 0; i < options.perTier(); i++) {
                Random random = new Random(documentSeed(options.seed(), tier, i));
                Kind kind = kinds[(i + offset) % kinds.length];
                People people = new People(random, mrns);
                boolean known = random.nextDouble() >= options.unknownClinics();
                People.Clinic clinic = people.pick(People.CLINICS.stream().filter(c -> c.known() == known).toList());
                Document doc = render(kind, people, clinic, new Style(random));
                Scanner.Scan scan = Scanner.scan(doc, tier, random);
                String name = String.format("d%03d.%s", i + 1, scan.format().extension);
                write(scan, folder.resolve("charts").resolve(name));
                Map<String, Object> truth = truth("charts/" + name, doc, scan);
                JSON.writeValue(folder.resolve("truth").resolve(name.replaceAll("\\.[a-z]+$", ".json")).toFile(), truth);
                manifest.add(Truth.entry("file", tier.id() + "/charts/" + name, "tier", tier.id(),
                        "doc_type", doc.docType(), "variant", doc.variant(), "clinic", clinic.slug(),
                        "known_clinic", clinic.known(), "format", scan.format().id, "pages", scan.pages().size(),
                        "handwritten", doc.handwritten().size(), "redacted", scan.redacted().size()));
            }
        }
        Map<String, Object> root = Truth.entry("generator", "org.medrec.corpus.CorpusGenerator", "seed", options.seed(),
                "per_tier", options.perTier(), "tiers", options.tiers().stream().map(Tier::id).toList(),
                "unknown_clinics", options.unknownClinics(), "fonts", fonts(), "files", manifest);
        JSON.writeValue(options.out().resolve("MANIFEST.json").toFile(), root);
        return manifest;
    }

    /** Unrelated seeds for neighbouring documents (java.util.Random's first draws follow its seed closely). */
    static long documentSeed(long seed, Tier tier, int index) {
        return new SplittableRandom(seed).split().nextLong() ^ new SplittableRandom(tier.ordinal() * 1_000_003L + index)
                .nextLong();
    }

    static Document render(Kind kind, People people, People.Clinic clinic, Style style) {
        return switch (kind) {
            case INTAKE -> Intakes.intake(people, clinic, style);
            case IMMUNIZATION_LIST -> Immunizations.list(people, clinic, style);
            case IMMUNIZATION_GRID -> Immunizations.grid(people, clinic, style);
            case NOTE -> Notes.note(people, clinic, style);
            case MEDLIST -> MedLists.medlist(people, clinic, style);
            case LEDGER -> Ledgers.ledger(people, clinic, style);
            case APPOINTMENTS -> Appointments.appointments(people, clinic, style);
            case CMS1500_RED -> Claims.claim(people, clinic, style, true);
            case CMS1500_BLACK -> Claims.claim(people, clinic, style, false);
        };
    }

    /** The truth file: the dev corpus's schema, with the redacted values taken out of the record. */
    static Map<String, Object> truth(String file, Document doc, Scanner.Scan scan) {
        Map<String, Object> record = doc.record();
        scan.redacted().forEach(path -> Truth.redact(record, path));
        List<String> handwritten = doc.handwritten().stream().filter(p -> !scan.redacted().contains(p)).toList();
        Map<String, Object> source = doc.clinic().known() ? Truth.entry("clinic", doc.clinic().slug())
                : Truth.entry("clinic_name", doc.clinic().name());
        return Truth.entry("file", file, "kind", "chart", "doc_type", doc.docType(), "variant", doc.variant(),
                "pages", scan.pages().size(), "expect", "load", "records", List.of(record),
                "handwritten_fields", handwritten, "bad_rows", List.of(), "duplicate_of", Map.of(),
                "render_info", doc.renderInfo(), "format", scan.format().id, "source", source, "scan", scan.info());
    }

    private static void write(Scanner.Scan scan, Path file) throws IOException {
        switch (scan.format()) {
            case PNG -> ImageFiles.png(scan.pages().get(0), scan.dpiX(), file);
            case JPEG -> ImageFiles.jpeg(scan.pages().get(0), scan.dpiX(), scan.quality(), file);
            case TIFF_G4 -> ImageFiles.tiff(scan.pages(), scan.dpiX(), scan.dpiY(), "CCITT T.6", file);
            case PDF_LOSSLESS, PDF_JPEG -> PdfFiles.write(PdfFiles.imagePdf(scan.pages(), scan.dpiX(),
                    scan.format() == Scanner.Format.PDF_JPEG ? PdfFiles.Embed.JPEG : PdfFiles.Embed.LOSSLESS,
                    scan.quality(), "Scan"), file);
        }
    }

    private static Map<String, Object> fonts() {
        Map<String, Object> fonts = new LinkedHashMap<>();
        Fonts.PRINT.forEach(f -> fonts.put(f.name(), "print"));
        Fonts.HAND.forEach(f -> fonts.put(f.name(), "hand"));
        return fonts;
    }

    private CorpusGenerator() {
    }
}
