package org.medrec.samples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.medrec.samples.PdfFiles.Embed;

/**
 * Writes the synthetic sample inputs of {@code sample-scans/}: scanned-looking clinic pages as PDF, TIFF, PNG
 * and JPEG, broken and protected files, and legacy spreadsheet exports. All content is invented. The output is
 * deterministic: fixed seeds, fixed dates, fixed PDF IDs and ZIP entry times.
 *
 * <p>Usage: {@code java -cp ... org.medrec.samples.SampleScansGenerator [outputFolder]} (default
 * {@code sample-scans}).
 */
public final class SampleScansGenerator {

    static final int CLEAN_DPI = 300;
    static final int DPI = 200;

    public static void main(String[] args) throws IOException {
        Path out = Paths.get(args.length > 0 ? args[0] : "sample-scans");
        long start = System.nanoTime();
        generate(out);
        System.out.printf("sample inputs written to %s in %d ms%n", out.toAbsolutePath(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Writes every sample file directly into {@code out} (created if missing); README.md is not touched. */
    static void generate(Path out) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(out);
        scans(out);
        brokenAndProtected(out);
        spreadsheets(out);
    }

    private static void scans(Path out) throws IOException {
        SampleData.Patient maria = SampleData.patient(0);

        BufferedImage intake = ScanEffects.specks(ClinicForms.intakeForm(maria, CLEAN_DPI), 1L, 40);
        PdfFiles.write(PdfFiles.imagePdf(List.of(intake), CLEAN_DPI, Embed.JPEG, "Scan 0001"),
                out.resolve("typed-intake-form.pdf"));

        PdfFiles.write(PdfFiles.textProgressNote(SampleData.patient(1)), out.resolve("born-digital-progress-note.pdf"));

        BufferedImage immunization = ClinicForms.immunizationRecord(SampleData.patient(3), CLEAN_DPI);
        BufferedImage skewed = ScanEffects.specks(ScanEffects.rotate(immunization, 2.5), 2L, 30);
        ImageFiles.tiff(List.of(ScanEffects.bitonal(skewed, 150)), CLEAN_DPI, CLEAN_DPI, "CCITT T.6",
                out.resolve("skewed-immunization-record.tiff"));

        SampleData.Patient robert = SampleData.patient(3);
        List<BufferedImage> fax = List.of(
                ScanEffects.bitonal(ScanEffects.specks(ClinicForms.faxMedicationList(robert, 1), 3L, 60), 140),
                ScanEffects.bitonal(ScanEffects.specks(ClinicForms.faxMedicationList(robert, 2), 4L, 60), 140));
        ImageFiles.tiff(fax, 204, 98, "CCITT T.6", out.resolve("fax-medication-list.tiff"));

        BufferedImage note = ScanEffects.photoLighting(ClinicDocuments.progressNote(SampleData.patient(4), DPI), 5L);
        ImageFiles.jpeg(note, DPI, 0.75f, out.resolve("office-visit-note-photo.jpg"));

        BufferedImage ledger = ScanEffects.specks(ClinicDocuments.ledger(maria, DPI), 6L, 25);
        ImageFiles.png(ledger, DPI, out.resolve("billing-ledger.png"));

        SampleData.Patient priya = SampleData.patient(5);
        List<BufferedImage> appointments = List.of(
                ScanEffects.specks(ClinicDocuments.appointments(priya, 1, DPI), 7L, 25),
                ScanEffects.specks(ClinicDocuments.appointments(priya, 2, DPI), 8L, 25));
        PdfFiles.write(PdfFiles.imagePdf(appointments, DPI, Embed.LOSSLESS, "Scan 0002"),
                out.resolve("appointment-history-multipage.pdf"));

        BufferedImage upsideDown = ScanEffects.upsideDown(
                ScanEffects.specks(ClinicForms.intakeForm(SampleData.patient(6), DPI), 9L, 25));
        PdfFiles.write(PdfFiles.imagePdf(List.of(upsideDown), DPI, Embed.LOSSLESS, "Scan 0003"),
                out.resolve("upside-down-intake-form.pdf"));

        BufferedImage blank = ScanEffects.faintPaper(PageCanvas.letter(DPI).finish(), 10L);
        PdfFiles.write(PdfFiles.imagePdf(List.of(blank), DPI, Embed.JPEG, "Scan 0004"),
                out.resolve("blank-page.pdf"));

        BufferedImage receipt = ScanEffects.specks(ClinicDocuments.groceryReceipt(DPI), 11L, 8);
        ImageFiles.png(receipt, DPI, out.resolve("grocery-receipt-not-medical.png"));

        BufferedImage claim = ScanEffects.specks(ClaimForms.claim(SampleData.patient(2), SampleData.MARSH,
                SampleData.MAPLE_HOLLOW, CLEAN_DPI / (double) DPI), 14L, 30);
        PdfFiles.write(PdfFiles.imagePdf(List.of(claim), CLEAN_DPI, Embed.LOSSLESS, "Scan 0006"),
                out.resolve("claim-form-cms1500.pdf"));

        BufferedImage mislabelled = ScanEffects.specks(ClinicForms.immunizationRecord(SampleData.patient(1), DPI),
                12L, 25);
        ImageFiles.png(mislabelled, DPI, out.resolve("scan-saved-with-pdf-extension.pdf"));
    }

    private static void brokenAndProtected(Path out) throws IOException {
        PdfFiles.write(PdfFiles.encryptedLetter(SampleData.patient(0)), out.resolve("encrypted.pdf"));

        BufferedImage page = ScanEffects.specks(ClinicDocuments.ledger(SampleData.patient(1), DPI), 13L, 25);
        byte[] whole = PdfFiles.imagePdf(List.of(page), DPI, Embed.LOSSLESS, "Scan 0005");
        PdfFiles.write(PdfFiles.truncate(whole, 0.6), out.resolve("truncated.pdf"));

        Files.write(out.resolve("empty-file.pdf"), new byte[0]);
    }

    private static void spreadsheets(Path out) throws IOException {
        byte[] patients = Spreadsheets.patientsXlsx();
        Spreadsheets.write(patients, out.resolve("patients-export.xlsx"));
        Spreadsheets.write(Spreadsheets.visitsCsv(), out.resolve("visits-export-windows1252.csv"));
        Spreadsheets.write(Spreadsheets.immunizationsXls(), out.resolve("immunizations-legacy.xls"));
        Spreadsheets.write(Spreadsheets.encryptedWorkbook(patients), out.resolve("password-protected-workbook.xlsx"));
    }

    private SampleScansGenerator() {
    }
}
