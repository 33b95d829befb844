package org.medrec.samples;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.opencsv.CSVWriter;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.medrec.samples.SampleData.Patient;

/** Legacy spreadsheet exports: XLSX, XLS, a Windows-1252 CSV, and a password-protected XLSX. */
final class Spreadsheets {

    /** Fixed time for ZIP entries (local, so independent of the machine's zone) and document properties. */
    private static final java.time.LocalDateTime FIXED_LOCAL = java.time.LocalDateTime.of(2024, 3, 18, 9, 30);
    private static final long FIXED_MILLIS = LocalDate.of(2024, 3, 18).atTime(9, 30).toInstant(ZoneOffset.UTC)
            .toEpochMilli();

    static final String[] PATIENT_HEADER = {"MRN", "Last Name", "First Name", "DOB", "Sex", "Phone", "Address", "City",
            "State", "ZIP"};

    /** Title row, then the header, then one row per patient; DOB as a real date cell, MRN as text. */
    static byte[] patientsXlsx() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.getProperties().getCoreProperties().setCreated(Optional.of(new Date(FIXED_MILLIS)));
            wb.getProperties().getCoreProperties().setCreator("Maple Hollow Family Clinic (synthetic)");
            Sheet sheet = wb.createSheet("Patients");
            CellStyle bold = boldStyle(wb);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("mm/dd/yyyy"));
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("@"));
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue("Maple Hollow Family Clinic - Patient Export - 03/18/2024");
            title.getCell(0).setCellStyle(bold);
            header(sheet.createRow(1), PATIENT_HEADER, bold);
            for (int i = 0; i < SampleData.PATIENTS.size(); i++) {
                Patient p = SampleData.PATIENTS.get(i);
                Row row = sheet.createRow(i + 2);
                row.createCell(0).setCellValue(p.mrn());
                row.getCell(0).setCellStyle(text);
                row.createCell(1).setCellValue(p.last());
                row.createCell(2).setCellValue(p.first());
                row.createCell(3).setCellValue(p.dob());
                row.getCell(3).setCellStyle(date);
                row.createCell(4).setCellValue(p.sex());
                row.createCell(5).setCellValue(p.phone());
                row.createCell(6).setCellValue(p.street());
                row.createCell(7).setCellValue(p.city());
                row.createCell(8).setCellValue(p.state());
                row.createCell(9).setCellValue(p.zip());
            }
            int[] widths = {11, 16, 12, 12, 5, 16, 28, 18, 6, 7};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return fixZipTimes(out.toByteArray());
        }
    }

    /** Old binary XLS; CVX codes stored as numbers, as legacy systems did (so MMR's "03" reads back as 3). */
    static byte[] immunizationsXls() throws IOException {
        String[][] given = {
                {"00031415", "Influenza, quadrivalent, PF", "150", "2023-10-02", "FLU2324Q"},
                {"00027182", "Tdap", "115", "2019-09-03", "TDP8812C"},
                {"00016180", "MMR", "03", "2015-06-11", "MMR2093K"},
                {"00014142", "Pneumococcal polysaccharide PPSV23", "33", "2022-10-14", "PPV3356R"},
                {"00017320", "Hepatitis B, adult", "43", "2016-02-29", "TST4471A"},
                {"00022360", "Hepatitis A, adult", "52", "2018-05-07", "HPA5512B"},
                {"00030103", "Zoster recombinant", "187", "2023-01-20", "ZRC1177X"},
                {"00026457", "HPV9", "165", "2016-08-19", "HPV9001T"}};
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Immunizations");
            CellStyle bold = boldStyle(wb);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
            header(sheet.createRow(0), new String[] {"MRN", "Vaccine", "CVX", "Date Given", "Lot"}, bold);
            for (int i = 0; i < given.length; i++) {
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(given[i][0]);
                row.createCell(1).setCellValue(given[i][1]);
                row.createCell(2).setCellValue(Integer.parseInt(given[i][2]));
                row.createCell(3).setCellValue(LocalDate.parse(given[i][3]));
                row.getCell(3).setCellStyle(date);
                row.createCell(4).setCellValue(given[i][4]);
            }
            int[] widths = {11, 34, 6, 12, 11};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Semicolon-separated, Windows-1252, CRLF; "Amélie" makes the encoding matter; one reason holds a ';'. */
    static byte[] visitsCsv() throws IOException {
        SampleData.Provider[] providers = {SampleData.MARSH, SampleData.ROUSSEAU, SampleData.IBANEZ,
                SampleData.NWOSU};
        String[][] visits = {
                {"00031415", "03/18/2024", "0", "Follow-up hypertension", "I10"},
                {"00027182", "03/18/2024", "1", "Annual wellness visit", "Z00.00"},
                {"00016180", "03/19/2024", "2", "Cough; fever x3 days", "R05.9"},
                {"00014142", "03/19/2024", "0", "Diabetes follow-up", "E11.9"},
                {"00017320", "03/20/2024", "3", "Low back pain", "M54.50"},
                {"00022360", "03/20/2024", "1", "Sore throat", "J02.9"},
                {"00030103", "03/21/2024", "0", "Heartburn", "K21.9"},
                {"00026457", "03/21/2024", "2", "Anxiety, follow-up", "F41.1"},
                {"00031415", "03/22/2024", "1", "Urinary symptoms", "N39.0"},
                {"00027182", "03/22/2024", "3", "Upper respiratory infection", "J06.9"}};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, Charset.forName("windows-1252"));
             ICSVWriter csv = new CSVWriterBuilder(writer).withSeparator(';')
                     .withQuoteChar(CSVWriter.DEFAULT_QUOTE_CHARACTER).withLineEnd("\r\n").build()) {
            csv.writeNext(new String[] {"MRN", "Visit Date", "Provider", "NPI", "Reason", "ICD10"}, false);
            for (String[] v : visits) {
                SampleData.Provider provider = providers[Integer.parseInt(v[2])];
                csv.writeNext(new String[] {v[0], v[1], provider.signature(), provider.npi(), v[3], v[4]}, false);
            }
        }
        return bytes.toByteArray();
    }

    /** The patient export, encrypted with agile (AES) encryption, password "secret", inside an OLE2 container. */
    static byte[] encryptedWorkbook(byte[] xlsx) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            int blockSize = info.getHeader().getBlockSize();
            int keySize = info.getHeader().getKeySize() / 8;
            int hashSize = info.getHeader().getHashAlgorithm().hashSize;
            Random random = new Random(31415L);
            encryptor.confirmPassword("secret", bytes(random, keySize), bytes(random, blockSize),
                    bytes(random, blockSize), bytes(random, blockSize), bytes(random, hashSize));
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(xlsx);
            } catch (java.security.GeneralSecurityException e) {
                throw new IOException(e);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    static void write(byte[] bytes, Path file) throws IOException {
        Files.write(file, bytes);
    }

    private static byte[] bytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    private static CellStyle boldStyle(Workbook wb) {
        Font font = wb.createFont();
        font.setBold(true);
        CellStyle style = wb.createCellStyle();
        style.setFont(font);
        return style;
    }

    private static void header(Row row, String[] names, CellStyle style) {
        for (int c = 0; c < names.length; c++) {
            row.createCell(c).setCellValue(names[c]);
            row.getCell(c).setCellStyle(style);
        }
    }

    /** Rewrites a ZIP (OOXML package) with every entry time fixed, so the file does not carry today's date. */
    private static byte[] fixZipTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream zout = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(FIXED_LOCAL);
                zout.putNextEntry(copy);
                in.transferTo(zout);
                zout.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private Spreadsheets() {
    }
}
