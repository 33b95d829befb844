package org.medrec.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The generated corpus: one document of every kind in every tier, read back as the scorer and medrec would. */
@Tag("generator")
class CorpusGeneratorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> DOC_TYPES = Set.of("intake", "immunization", "note", "medlist", "ledger",
            "appointments", "cms1500");
    private static final Set<String> RECORD_KEYS = Set.of("mrn", "patient", "encounters", "conditions", "medications",
            "allergies", "immunizations", "appointments", "charges");
    private static final Set<String> PATIENT_KEYS = Set.of("family", "given", "birth_date", "sex", "address", "phone",
            "mobile", "insurance", "emergency_contact");

    @TempDir
    static Path out;

    static List<JsonNode> truths = new ArrayList<>();

    @BeforeAll
    static void generate() throws IOException {
        CorpusGenerator.generate(new CorpusGenerator.Options(out, 20240318L, CorpusGenerator.Kind.values().length,
                List.of(Tier.values()), 0.2));
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : files.filter(f -> f.getParent().getFileName().toString().equals("truth")).sorted().toList()) {
                truths.add(JSON.readTree(p.toFile()));
            }
        }
    }

    @Test
    void shouldWriteEveryDocumentTypeInEveryTier() {
        for (Tier tier : Tier.values()) {
            List<JsonNode> inTier = truths.stream().filter(t -> t.at("/scan/tier").asString().equals(tier.id())).toList();
            assertThat(inTier.stream().map(t -> t.get("doc_type").asString()).toList())
                    .as(tier.id()).containsAll(DOC_TYPES);
            assertThat(inTier.stream().map(t -> t.get("variant").asString()).toList())
                    .as(tier.id()).contains("gen-cms1500-red", "gen-cms1500-black", "gen-immun-grid");
            for (JsonNode t : inTier) {
                assertThat(out.resolve(tier.id()).resolve(t.get("file").asString())).isRegularFile();
            }
        }
    }

    @Test
    void shouldWriteTruthInTheDevCorpusSchema() {
        Set<String> mrns = new HashSet<>();
        for (JsonNode t : truths) {
            assertThat(t.get("kind").asString()).isEqualTo("chart");
            assertThat(t.get("expect").asString()).isEqualTo("load");
            assertThat(DOC_TYPES).contains(t.get("doc_type").asString());
            assertThat(t.get("pages").asInt()).isPositive();
            assertThat(t.get("records")).hasSize(1);
            JsonNode record = t.get("records").get(0);
            assertThat(RECORD_KEYS).containsAll(names(record));
            assertThat(names(record)).containsAll(RECORD_KEYS);
            assertThat(PATIENT_KEYS).containsAll(names(record.get("patient")));
            assertThat(mrns.add(record.get("mrn").asString())).as("MRN unique: %s", t.get("file")).isTrue();
            assertThat(record.at("/patient/family").asString()).endsWith("-Test");
            assertThat(t.has("source") && (t.at("/source/clinic").isString() || t.at("/source/clinic_name").isString()))
                    .isTrue();
            for (JsonNode path : t.get("handwritten_fields")) {
                assertThat(resolve(record, path.asString())).as("%s in %s", path, t.get("file")).isNotNull();
            }
            leaves(record, "", (path, value) -> {
                if (path.endsWith("date")) {
                    assertThat(value).as(path).matches("\\d{4}-\\d{2}-\\d{2}");
                } else if (path.endsWith("phone")) {
                    assertThat(value).as(path).matches("\\d{3}55501\\d{2}");
                } else if (path.endsWith("npi")) {
                    assertThat(luhn("80840" + value)).as(path).isTrue();
                } else if (path.matches(".*\\.(charge|payment|balance)")) {
                    assertThat(value).as(path).matches("-?\\d+\\.\\d{2}");
                } else if (path.endsWith(".time")) {
                    assertThat(value).as(path).matches("\\d{2}:\\d{2}");
                }
            });
        }
    }

    @Test
    void shouldTakeRedactedValuesOutOfTheTruth() {
        List<JsonNode> damaged = truths.stream().filter(t -> t.at("/scan/tier").asString().equals("damaged")).toList();
        int redacted = 0;
        for (JsonNode t : damaged) {
            for (JsonNode page : t.at("/scan/pages")) {
                for (JsonNode path : page.path("redacted")) {
                    redacted++;
                    JsonNode value = resolve(t.get("records").get(0), path.asString());
                    assertThat(value == null || value.isNull()).as("%s in %s", path, t.get("file")).isTrue();
                }
            }
        }
        assertThat(redacted).isPositive();
    }

    @Test
    void shouldFileFaxesAsOneBitTiffsAt204By98Dpi() throws IOException {
        for (Path tif : files("fax")) {
            assertThat(tif.toString()).endsWith(".tif");
            try (ImageInputStream in = ImageIO.createImageInputStream(tif.toFile())) {
                ImageReader reader = ImageIO.getImageReaders(in).next();
                reader.setInput(in);
                assertThat(reader.getWidth(0)).isEqualTo(Scanner.FAX_WIDTH);
                assertThat(reader.read(0).getColorModel().getPixelSize()).isEqualTo(1);
                IIOMetadata metadata = reader.getImageMetadata(0);
                TIFFDirectory dir = TIFFDirectory.createFromMetadata(metadata);
                // the first reader may be jai-imageio's, which reports the resolution per centimetre
                double perInch = dir.getTIFFField(BaselineTIFFTagSet.TAG_RESOLUTION_UNIT).getAsInt(0)
                        == BaselineTIFFTagSet.RESOLUTION_UNIT_CENTIMETER ? 2.54 : 1.0;
                assertThat(dir.getTIFFField(BaselineTIFFTagSet.TAG_X_RESOLUTION).getAsDouble(0) * perInch)
                        .isCloseTo(204, within(0.01));
                assertThat(dir.getTIFFField(BaselineTIFFTagSet.TAG_Y_RESOLUTION).getAsDouble(0) * perInch)
                        .isCloseTo(98, within(0.01));
                assertThat(dir.getTIFFField(BaselineTIFFTagSet.TAG_COMPRESSION).getAsInt(0))
                        .isEqualTo(BaselineTIFFTagSet.COMPRESSION_CCITT_T_6);
                reader.dispose();
            }
        }
    }

    @Test
    void shouldPhotographPagesAtAnAngleOnADesk() throws IOException {
        for (Path photo : files("photo")) {
            BufferedImage image = firstPage(photo);
            int w = image.getWidth(), h = image.getHeight();
            assertThat(Optics.luminance(image.getRGB(1, 1))).as("desk in the corner of %s", photo).isLessThan(120);
            int top = Math.abs(edge(image, w / 4, true) - edge(image, 3 * w / 4, true));
            int side = Math.abs(edge(image, h / 4, false) - edge(image, 3 * h / 4, false));
            assertThat(Math.max(top, side)).as("edges of %s are not level", photo).isGreaterThan(2);
            assertThat(edge(image, w / 2, true)).isBetween(1, h / 4);
        }
    }

    @Test
    void shouldPrintRedDropOutClaimFormsInRed() throws IOException {
        for (JsonNode t : truths) {
            if (!t.get("variant").asString().equals("gen-cms1500-red") || t.at("/scan/tier").asString().equals("fax")) {
                continue;
            }
            BufferedImage page = firstPage(out.resolve(t.at("/scan/tier").asString()).resolve(t.get("file").asString()));
            long red = 0;
            for (int y = 0; y < page.getHeight(); y += 2) {
                for (int x = 0; x < page.getWidth(); x += 2) {
                    int rgb = page.getRGB(x, y), r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
                    red += r > 120 && r > g + 60 && r > b + 50 ? 1 : 0;
                }
            }
            assertThat(red).as("red pixels in %s (%s)", t.get("file"), t.at("/scan/tier")).isGreaterThan(5000);
        }
    }

    @Test
    void shouldWriteTheSameFilesForTheSameSeed(@TempDir Path a, @TempDir Path b) throws IOException {
        CorpusGenerator.Options options = new CorpusGenerator.Options(a, 77L, 2, List.of(Tier.PHOTO, Tier.DAMAGED), 0.5);
        CorpusGenerator.generate(options);
        CorpusGenerator.generate(new CorpusGenerator.Options(b, 77L, 2, options.tiers(), 0.5));
        List<Path> written = Files.walk(a).filter(Files::isRegularFile).map(a::relativize).sorted().toList();
        assertThat(written).hasSize(2 * 2 * 2 + 1);
        for (Path rel : written) {
            assertThat(Files.readAllBytes(b.resolve(rel))).as(rel.toString()).isEqualTo(Files.readAllBytes(a.resolve(rel)));
        }
    }

    @Test
    void shouldDrawNewPatientsForANewSeed(@TempDir Path c) throws IOException {
        CorpusGenerator.generate(new CorpusGenerator.Options(c, 78L, 2, List.of(Tier.PRISTINE), 0.2));
        JsonNode first = JSON.readTree(c.resolve("pristine/truth/d001.json").toFile());
        assertThat(truths.stream().map(t -> t.at("/records/0/mrn").asString()))
                .doesNotContain(first.at("/records/0/mrn").asString());
    }

    private static List<Path> files(String tier) throws IOException {
        try (Stream<Path> s = Files.list(out.resolve(tier).resolve("charts"))) {
            return s.sorted().toList();
        }
    }

    private static BufferedImage firstPage(Path file) throws IOException {
        if (file.toString().endsWith(".pdf")) {
            try (PDDocument doc = Loader.loadPDF(file.toFile())) {
                return new PDFRenderer(doc).renderImageWithDPI(0, 100, ImageType.RGB);
            }
        }
        return ImageIO.read(file.toFile());
    }

    /** The first pixel from the top (in column {@code at}) or from the left (in row {@code at}) that is paper. */
    private static int edge(BufferedImage image, int at, boolean fromTop) {
        int end = fromTop ? image.getHeight() : image.getWidth();
        for (int i = 0; i < end; i++) {
            if (Optics.luminance(fromTop ? image.getRGB(at, i) : image.getRGB(i, at)) > 140) {
                return i;
            }
        }
        return end;
    }

    private static Collection<String> names(JsonNode node) {
        return node.propertyNames();
    }

    private static JsonNode resolve(JsonNode record, String path) {
        JsonNode node = record;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            node = node.get(bracket < 0 ? part : part.substring(0, bracket));
            if (node != null && bracket >= 0) {
                node = node.get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private static void leaves(JsonNode node, String path, java.util.function.BiConsumer<String, String> check) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                leaves(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), check);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), path + "[" + i + "]", check);
            }
        } else if (!node.isNull()) {
            check.accept(path.replaceAll("\\[\\d+]$", ""), node.asString());
        }
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
