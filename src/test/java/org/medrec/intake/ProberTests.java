package org.medrec.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.testing.Fixtures;

class ProberTests {

    private final Prober prober = new Prober(150_000_000L);

    @TempDir
    Path dir;

    private ProbeResult probeExternal(String name) {
        return prober.probe(Fixtures.resource("external/" + name));
    }

    @Test
    void shouldQuarantineEmptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("chart.pdf"));

        ProbeResult result = prober.probe(empty);

        assertThat(result.accepted()).isFalse();
        assertThat(result.format()).isEqualTo(FileFormat.EMPTY);
        assertThat(result.reason()).startsWith("empty file");
    }

    @Test
    void shouldReadPngNamedPdfAsPng() throws IOException {
        Path file = dir.resolve("scan.pdf");
        ImageIO.write(new BufferedImage(850, 1100, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());

        ProbeResult result = prober.probe(file);

        assertThat(result).isEqualTo(ProbeResult.accepted(FileFormat.PNG, 1));
    }

    @Test
    void shouldQuarantineTruncatedPdfWithoutEofMarker() throws IOException {
        byte[] whole = Files.readAllBytes(Fixtures.resource("external/pdf-malformed/pypdf-sample-files/grayscale-image.pdf"));
        Path truncated = Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(whole, whole.length * 6 / 10));

        ProbeResult result = prober.probe(truncated);

        assertThat(result.accepted()).isFalse();
        assertThat(result.reason()).startsWith("truncated PDF");
    }

    @Test
    void shouldAcceptWholePdfAndCountItsPages() {
        ProbeResult result = probeExternal("pdf-malformed/pypdf-sample-files/grayscale-image.pdf");

        assertThat(result).isEqualTo(ProbeResult.accepted(FileFormat.PDF, 1));
    }

    @Test
    void shouldQuarantineEncryptedPdfsThatNeedAPassword() {
        for (String name : new String[] {"pdf-malformed/qpdf/encrypted-40-bit-R3.pdf",
                "pdf-malformed/pypdf-sample-files/libreoffice-writer-password.pdf"}) {
            ProbeResult result = probeExternal(name);
            assertThat(result.accepted()).as(name).isFalse();
            assertThat(result.reason()).as(name).startsWith("encrypted PDF: a password is required");
        }
    }

    @Test
    void shouldQuarantinePdfWhosePageImageCannotBeDecoded() {
        ProbeResult result = probeExternal("pdf-malformed/qpdf/bad-jpeg.pdf");

        assertThat(result.accepted()).isFalse();
        assertThat(result.reason()).startsWith("damaged PDF: page 1 of 1 cannot be read");
    }

    @Test
    void shouldQuarantinePdfWithLoopInItsPageTree() {
        ProbeResult result = probeExternal("pdf-malformed/qpdf/pages-loop.pdf");

        assertThat(result.accepted()).isFalse();
        assertThat(result.reason()).startsWith("damaged PDF");
    }

    @Test
    void shouldReadMultiPageTiff() {
        ProbeResult result = probeExternal("pdf-malformed/pypdf-sample-files/smile-lzw.tiff");

        assertThat(result.accepted()).isTrue();
        assertThat(result.format()).isEqualTo(FileFormat.TIFF);
        assertThat(result.pages()).isPositive();
    }

    @Test
    void shouldQuarantineImageLargerThanThePixelLimit() throws IOException {
        Path file = dir.resolve("huge.png");
        ImageIO.write(new BufferedImage(2000, 1500, BufferedImage.TYPE_BYTE_BINARY), "png", file.toFile());

        ProbeResult result = new Prober(1_000_000L).probe(file);

        assertThat(result.accepted()).isFalse();
        assertThat(result.reason()).contains("2000 x 1500 pixels").contains("decompression bomb");
    }

    @Test
    void shouldQuarantineTruncatedPng() throws IOException {
        Path whole = dir.resolve("whole.png");
        BufferedImage image = new BufferedImage(600, 800, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 800; y++) {
            for (int x = 0; x < 600; x++) {
                image.getRaster().setSample(x, y, 0, (x * 31 + y * 17) % 256);
            }
        }
        ImageIO.write(image, "png", whole.toFile());
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.png"), Arrays.copyOf(bytes, bytes.length / 2));

        ProbeResult result = prober.probe(truncated);

        assertThat(result.accepted()).isFalse();
        assertThat(result.reason()).startsWith("damaged PNG image");
    }

    @Test
    void shouldQuarantineEncryptedWorkbooks() {
        for (String name : new String[] {"poi-spreadsheet/password.xls", "poi-spreadsheet/xor-encryption-abc.xls",
                "poi-spreadsheet/protected_passtika.xlsx"}) {
            ProbeResult result = probeExternal(name);
            assertThat(result.accepted()).as(name).isFalse();
            assertThat(result.reason()).as(name).startsWith("encrypted workbook");
        }
    }

    @Test
    void shouldAcceptWorkbooksPoiReads() {
        assertThat(probeExternal("poi-spreadsheet/SampleSS.xlsx")).isEqualTo(ProbeResult.accepted(FileFormat.XLSX, null));
        assertThat(probeExternal("poi-spreadsheet/SampleSS.xls")).isEqualTo(ProbeResult.accepted(FileFormat.XLS, null));
        assertThat(probeExternal("poi-spreadsheet/1904DateWindowing.xls").accepted()).isTrue();
    }

    @Test
    void shouldNameWorkbookFormatsItDoesNotRead() {
        assertThat(probeExternal("poi-spreadsheet/62815.xlsb").reason()).contains(".xlsb");
        assertThat(probeExternal("poi-spreadsheet/SampleSS.strict.xlsx").reason()).startsWith("Strict Open XML");
        assertThat(probeExternal("poi-spreadsheet/SampleSS.ods").reason()).contains("OpenDocument");
        assertThat(probeExternal("poi-spreadsheet/testEXCEL_95.xls").reason()).contains("BIFF5");
        assertThat(probeExternal("poi-spreadsheet/testEXCEL_4.xls").reason()).contains("BIFF2-4");
    }

    @Test
    void shouldRefuseXmlBombsAndExternalEntitiesWithoutHanging() {
        for (String name : new String[] {"poi-spreadsheet/poc-xmlbomb.xlsx", "poi-spreadsheet/poc-xmlbomb-empty.xlsx",
                "poi-spreadsheet/xxe_in_schema.xlsx", "poi-spreadsheet/poc-shared-strings.xlsx"}) {
            ProbeResult result = probeExternal(name);
            assertThat(result.reason() == null || !result.reason().isBlank()).as(name).isTrue();
        }
        assertThat(probeExternal("poi-spreadsheet/poc-xmlbomb.xlsx").reason()).startsWith("hostile XLSX workbook");
        assertThat(probeExternal("poi-spreadsheet/poc-xmlbomb-empty.xlsx").reason()).startsWith("hostile XLSX workbook");
    }

    @Test
    void shouldAcceptEveryCsvSpectrumCaseAsCsv() throws IOException {
        try (var files = Files.list(Fixtures.resource("external/csv-spectrum/csvs"))) {
            for (Path csv : files.toList()) {
                assertThat(prober.probe(csv)).as(csv.getFileName().toString())
                        .isEqualTo(ProbeResult.accepted(FileFormat.CSV, null));
            }
        }
    }

    @Test
    void shouldDetectSemicolonTabAndPipeTablesBelowATitleLine() throws IOException {
        Path semicolon = Files.writeString(dir.resolve("a.csv"), "Visit export 06/28/2024\nMRN;Date;Reason\n001;2024-01-02;\"Cough; fever\"\n002;2024-01-03;Rash\n");
        Path tab = Files.writeString(dir.resolve("b.txt"), "MRN\tDate\n001\t2024-01-02\n002\t2024-01-03\n");
        Path pipe = Files.writeString(dir.resolve("c.dat"), "MRN|Date\n001|2024-01-02\n002|2024-01-03\n");

        assertThat(prober.probe(semicolon)).isEqualTo(ProbeResult.accepted(FileFormat.CSV, null));
        assertThat(prober.probe(tab)).isEqualTo(ProbeResult.accepted(FileFormat.TSV, null));
        assertThat(prober.probe(pipe)).isEqualTo(ProbeResult.accepted(FileFormat.CSV, null));
    }

    @Test
    void shouldReadWindows1252TextThatIsNotUtf8() throws IOException {
        Path file = Files.write(dir.resolve("patients.csv"),
                "MRN,Name\n001,\"B\u00e9land, Joyce\"\n002,\"Ruiz, Ana\"\n".getBytes(DelimitedTextProbe.WINDOWS_1252));

        assertThat(DelimitedTextProbe.detectCharset(file)).isEqualTo(DelimitedTextProbe.WINDOWS_1252);
        assertThat(prober.probe(file).accepted()).isTrue();
    }

    @Test
    void shouldQuarantineProseJsonAndUnknownBinaries() throws IOException {
        Path prose = Files.writeString(dir.resolve("notes.csv"), "Dear doctor,\nplease see the attached.\nThanks, and regards\n");
        Path json = Files.writeString(dir.resolve("export.csv"), "[{\"a\": 1, \"b\": 2},\n{\"a\": 3, \"b\": 4}]\n");
        Path gif = Files.write(dir.resolve("scan.tif"), "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000".getBytes("ISO-8859-1"));

        assertThat(prober.probe(prose).reason()).startsWith("text file without a table");
        assertThat(prober.probe(json).reason()).isEqualTo("unsupported format: this is a JSON file");
        assertThat(prober.probe(gif).reason()).isEqualTo("unsupported format: this is a GIF image");
        Path markdown = Files.writeString(dir.resolve("README.md"), "# Notes\n\n| File | Size |\n|---|---:|\n| a | 1 |\n| b | 2 |\n");
        assertThat(prober.probe(markdown).reason()).isEqualTo("unsupported format: this is a Markdown document");
    }

    @Test
    void shouldAcceptACsvWithOneQuoteThatNeverClosesForItsOtherRows() throws IOException {
        StringBuilder text = new StringBuilder("MRN,Name,Note\n001,Ann,ok\n002,Bob,\"never closed\n");
        for (int i = 0; i < 300; i++) {
            text.append(i).append(",x,y\n");
        }
        Path file = Files.writeString(dir.resolve("broken.csv"), text);

        ProbeResult result = prober.probe(file);

        assertThat(result.accepted()).as("the broken record holds itself, not the file").isTrue();
        assertThat(result.format()).isEqualTo(FileFormat.CSV);
    }

    @Test
    void shouldQuarantineADelimitedFileNoRecordOfWhichCanBeSplit() throws IOException {
        Path file = Files.writeString(dir.resolve("all-broken.csv"), "MRN,Name,Note\n001,Ann,ok\n002,Bob,ok\n003,Cy,ok\n");
        Files.writeString(file, Files.readString(file).replace("\n0", "\n\"0"));   // every record opens a quote

        ProbeResult result = prober.probe(file);

        assertThat(result.accepted()).isFalse();
        assertThat(result.reason()).contains("table");
    }

    @Test
    void shouldNotNameTheFilesPathInReasons() {
        Path file = Fixtures.resource("external/poi-spreadsheet/xlsx-corrupted.xlsx");

        assertThat(prober.probe(file).reason()).doesNotContain(file.toString());
    }
}
