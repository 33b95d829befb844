package org.medrec.samples;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * PDF outputs: image-only scans, a born-digital text note, an encrypted PDF and a truncated one. The image-only
 * PDF and {@link #write} are public for the generated corpus ({@code org.medrec.corpus}).
 */
public final class PdfFiles {

    /** How a page image is embedded: DCT (JPEG) for photo-like scans, Flate (lossless) otherwise. */
    public enum Embed { JPEG, LOSSLESS }

    /** Image-only PDF: one letter-size page per image, no text layer. Returns the file's bytes. */
    static byte[] imagePdf(List<BufferedImage> pages, int dpi, Embed embed, String title) throws IOException {
        return imagePdf(pages, dpi, embed, 0.7f, title);
    }

    /** The same, with the JPEG quality (0..1) of DCT-embedded pages. */
    public static byte[] imagePdf(List<BufferedImage> pages, int dpi, Embed embed, float jpegQuality, String title)
            throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (BufferedImage image : pages) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                PDImageXObject xobject = embed == Embed.JPEG
                        ? JPEGFactory.createFromImage(doc, image, jpegQuality, dpi)
                        : LosslessFactory.createFromImage(doc, image);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(xobject, 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
                }
            }
            return save(doc, title, "Synthetic scanner (medrec sample generator)", 1);
        }
    }

    /** Born-digital SOAP note with a real Helvetica text layer, 2 pages, patient header on each page. */
    static byte[] textProgressNote(SampleData.Patient p) throws IOException {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        List<ProgressNoteText.Section> sections = ProgressNoteText.sections();
        try (PDDocument doc = new PDDocument()) {
            for (int pageNo = 1; pageNo <= 2; pageNo++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = 740;
                    show(cs, bold, 15, 54, y, SampleData.CEDAR_BEND.name());
                    show(cs, regular, 9, 54, y - 14, SampleData.CEDAR_BEND.addressLine() + "   "
                            + SampleData.CEDAR_BEND.phoneLine());
                    show(cs, bold, 10, 54, y - 34, "Patient Name: " + p.fullName() + "    MRN: " + p.mrn()
                            + "    DOB: " + p.dob().format(SampleData.US_DATE) + "    Sex: " + p.sex());
                    cs.moveTo(54, y - 42);
                    cs.lineTo(558, y - 42);
                    cs.stroke();
                    y -= 70;
                    if (pageNo == 1) {
                        show(cs, bold, 13, 54, y, "Progress Note - Office Visit "
                                + SampleData.SERVICE_DATE.format(SampleData.US_DATE));
                        y -= 18;
                        show(cs, regular, 10.5f, 54, y, "Provider: " + SampleData.MARSH.signature()
                                + "   NPI: " + SampleData.MARSH.npi() + "   Visit type: established patient");
                        y -= 28;
                    }
                    List<ProgressNoteText.Section> onPage = pageNo == 1 ? sections.subList(0, 4)
                            : sections.subList(4, sections.size());
                    y = sections(cs, regular, bold, y, onPage);
                    if (pageNo == 1) {
                        y = sections(cs, regular, bold, y, List.of(
                                new ProgressNoteText.Section("Current Medications", List.of(
                                        "Lisinopril 20 mg PO once daily",
                                        "Metformin ER 500 mg PO twice daily with meals",
                                        "Atorvastatin 40 mg PO at bedtime",
                                        "Acetaminophen 500 mg PO every 6 hours as needed for headache")),
                                new ProgressNoteText.Section("Allergies", List.of(
                                        "Penicillin (hives). No known food or latex allergies."))));
                    }
                    if (pageNo == 2) {
                        y -= 10;
                        show(cs, regular, 10.5f, 54, y, "Electronically signed by " + SampleData.MARSH.signature()
                                + ", NPI " + SampleData.MARSH.npi() + ", on 03/18/2024 16:05.");
                    }
                    show(cs, regular, 8.5f, 54, 36, "CBIM progress note - generated from EHR");
                    show(cs, regular, 8.5f, 500, 36, "Page " + pageNo + " of 2");
                }
            }
            return save(doc, "Progress note " + p.mrn(), "Synthetic EHR export (medrec sample generator)", 2);
        }
    }

    /**
     * A short referral letter encrypted with AES-128 (standard security handler rev. 4); user password "secret" is required even to open it
     * (owner password "owner-secret"). AES-128 rather than AES-256 because PDFBox derives the AES-128 file key
     * from the passwords and the fixed document ID, so with seeded IVs the file is byte-identical on every run;
     * AES-256 file keys are always freshly random.
     */
    static byte[] encryptedLetter(SampleData.Patient p) throws IOException {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                String[] lines = {SampleData.MAPLE_HOLLOW.name() + " - Referral Letter",
                        "Patient Name: " + p.fullName() + "   MRN: " + p.mrn() + "   DOB: "
                                + p.dob().format(SampleData.US_DATE),
                        "Referred to: Westerly Glen Cardiology (fictional) for palpitations, R00.2.",
                        "Referring provider: " + SampleData.MARSH.signature() + ", NPI " + SampleData.MARSH.npi()};
                float y = 720;
                for (String line : lines) {
                    show(cs, regular, 11, 54, y, line);
                    y -= 20;
                }
            }
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            policy.setPreferAES(true);
            doc.protect(policy);
            doc.getEncryption().getSecurityHandler().setCustomSecureRandom(seededRandom(31415L));
            return save(doc, "Referral letter", "Synthetic EHR export (medrec sample generator)", 3);
        }
    }

    /**
     * A SecureRandom whose output is fixed by its seed (SUN's SHA1PRNG, seeded before first use), so the
     * encryption key, salts and IVs, and hence the bytes of encrypted.pdf, are the same on every run.
     * Never do this for real encryption.
     */
    private static SecureRandom seededRandom(long seed) throws IOException {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG", "SUN");
            random.setSeed(seed);
            return random;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** The first {@code fraction} of a valid PDF: the header and early objects, but no xref, trailer or %%EOF. */
    static byte[] truncate(byte[] pdf, double fraction) {
        return java.util.Arrays.copyOf(pdf, (int) (pdf.length * fraction));
    }

    public static void write(byte[] bytes, Path file) throws IOException {
        Files.write(file, bytes);
    }

    private static float sections(PDPageContentStream cs, PDType1Font regular, PDType1Font bold, float top,
                                  List<ProgressNoteText.Section> sections) throws IOException {
        float y = top;
        for (ProgressNoteText.Section section : sections) {
            show(cs, bold, 12, 54, y, section.heading());
            y -= 17;
            for (String line : section.lines()) {
                show(cs, regular, 10.5f, 64, y, line);
                y -= 15;
            }
            y -= 12;
        }
        return y;
    }

    private static void show(PDPageContentStream cs, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    /** Saves with fixed metadata dates and a fixed trailer /ID, so the output does not depend on the clock. */
    private static byte[] save(PDDocument doc, String title, String producer, long documentId) throws IOException {
        Calendar fixed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        fixed.clear();
        fixed.set(2024, Calendar.MARCH, 18, 9, 30, 0);
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setProducer(producer);
        info.setCreator("medrec SampleScansGenerator");
        info.setCreationDate(fixed);
        info.setModificationDate(fixed);
        doc.setDocumentId(documentId);
        byte[] id = String.format("medrec-sample-%03d", documentId).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        COSArray idArray = new COSArray();
        idArray.add(new COSString(id));
        idArray.add(new COSString(id));
        doc.getDocument().setDocumentID(idArray);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out, CompressParameters.NO_COMPRESSION);
        return out.toByteArray();
    }

    private PdfFiles() {
    }
}
