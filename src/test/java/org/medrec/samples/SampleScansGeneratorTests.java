package org.medrec.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleScansGeneratorTests {

    @TempDir
    static Path out;

    @BeforeAll
    static void generate() throws IOException {
        SampleScansGenerator.generate(out);
    }

    @Test
    void encryptedPdfCannotBeOpenedWithoutThePassword() throws IOException {
        byte[] pdf = Files.readAllBytes(out.resolve("encrypted.pdf"));
        assertThrows(InvalidPasswordException.class, () -> Loader.loadPDF(pdf).close());
        Loader.loadPDF(pdf, "secret").close();
    }

    @Test
    void truncatedPdfHasAHeaderButNoEndOfFileMarker() throws IOException {
        String text = new String(Files.readAllBytes(out.resolve("truncated.pdf")), StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("%PDF-").doesNotContain("%%EOF").doesNotContain("startxref");
    }

    @Test
    void pngNamedPdfStartsWithThePngSignature() throws IOException {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(out.resolve("scan-saved-with-pdf-extension.pdf"))) {
            assertThat(in.readNBytes(head, 0, 8)).isEqualTo(8);
        }
        assertThat(head).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
    }

    @Test
    void faxTiffHasTwoBitonalPagesAtFaxWidth() throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(out.resolve("fax-medication-list.tiff").toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            assertThat(readers.hasNext()).isTrue();
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                assertThat(reader.getNumImages(true)).isEqualTo(2);
                assertThat(reader.getWidth(0)).isEqualTo(1728);
                assertThat(reader.read(1).getColorModel().getPixelSize()).isEqualTo(1);
            } finally {
                reader.dispose();
            }
        }
    }

    @Test
    void patientsWorkbookHasEightDataRowsBelowTitleAndHeader() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("patients-export.xlsx")))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("MRN");
            assertThat(sheet.getLastRowNum() - 1).isEqualTo(8);
            Row first = sheet.getRow(2);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("00031415");
            assertThat(first.getCell(3).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(java.time.LocalDate.of(1962, 3, 14));
        }
    }

    @Test
    void passwordProtectedWorkbookIsAnOle2Container() throws IOException {
        try (InputStream in = FileMagic.prepareToCheckMagic(
                Files.newInputStream(out.resolve("password-protected-workbook.xlsx")))) {
            assertThat(FileMagic.valueOf(in)).isEqualTo(FileMagic.OLE2);
        }
    }

    @Test
    void csvIsWindows1252AndEmptyFileIsEmpty() throws IOException {
        byte[] csv = Files.readAllBytes(out.resolve("visits-export-windows1252.csv"));
        String text = new String(csv, java.nio.charset.Charset.forName("windows-1252"));
        assertThat(text).startsWith("MRN;Visit Date;Provider;NPI;Reason;ICD10\r\n")
                .contains("Amélie Rousseau-Test").contains("\"Cough; fever x3 days\"");
        assertThat(text.split("\r\n")).hasSize(11);
        assertThat(Files.size(out.resolve("empty-file.pdf"))).isZero();
    }
}
