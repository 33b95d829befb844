package org.medrec.intake;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Recognises a file's container from its first bytes. Thread-safe (stateless).
 *
 * <p>The answer is a first guess: ZIP and OLE2 containers, and text, are looked into by the probes.
 */
public final class ContentSniffer {

    /** What the first bytes say. */
    public enum Kind { EMPTY, PDF, TIFF, PNG, JPEG, ZIP, OLE2, TEXT, OTHER }

    /** The number of leading bytes {@link #sniff} wants. */
    public static final int HEAD_LENGTH = 8192;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private ContentSniffer() {
    }

    public static Kind sniff(byte[] head, long size) {
        if (size == 0) {
            return Kind.EMPTY;
        }
        if (indexOf(head, "%PDF-".getBytes(StandardCharsets.US_ASCII), 1024) >= 0) {
            return Kind.PDF;
        }
        if (startsWith(head, PNG)) {
            return Kind.PNG;
        }
        if (head.length >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return Kind.JPEG;
        }
        if (startsWith(head, new byte[] {'I', 'I', 42, 0}) || startsWith(head, new byte[] {'M', 'M', 0, 42})
                || startsWith(head, new byte[] {'I', 'I', 43, 0}) || startsWith(head, new byte[] {'M', 'M', 0, 43})) {
            return Kind.TIFF;
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4}) || startsWith(head, new byte[] {'P', 'K', 5, 6})) {
            return Kind.ZIP;
        }
        if (startsWith(head, OLE2)) {
            return Kind.OLE2;
        }
        if (looksLikeText(head)) {
            return Kind.TEXT;
        }
        return Kind.OTHER;
    }

    /** A name for a format medrec does not read, for the quarantine reason; null when unknown. */
    public static String describeOther(byte[] head) {
        String ascii = new String(head, 0, Math.min(head.length, 64), StandardCharsets.ISO_8859_1);
        if (ascii.startsWith("GIF8")) {
            return "a GIF image";
        }
        if (ascii.startsWith("BM")) {
            return "a BMP image";
        }
        if (ascii.startsWith("RIFF") && ascii.startsWith("WEBP", 8)) {
            return "a WebP image";
        }
        if (ascii.startsWith("ftyp", 4) && (ascii.startsWith("heic", 8) || ascii.startsWith("mif1", 8))) {
            return "a HEIC photo";
        }
        if (startsWith(head, new byte[] {0, 0, 0, 12, 'j', 'P'}) || startsWith(head, new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51})) {
            return "a JPEG 2000 image";
        }
        if (head.length > 132 && new String(head, 128, 4, StandardCharsets.ISO_8859_1).equals("DICM")) {
            return "a DICOM medical image (not a scanned chart)";
        }
        if (head.length > 4 && head[0] == 0x09 && (head[1] == 0x00 || head[1] == 0x02 || head[1] == 0x04) && head[3] == 0x00) {
            return "an Excel 2.x-4.0 workbook (BIFF2-4), which is not supported: open it in Excel and save it as .xlsx";
        }
        if (ascii.startsWith("%!PS")) {
            return "a PostScript file";
        }
        if (ascii.startsWith("{\\rtf")) {
            return "an RTF document";
        }
        if (startsWith(head, new byte[] {0x1f, (byte) 0x8b})) {
            return "a gzip archive";
        }
        if (ascii.startsWith("7z")) {
            return "a 7-Zip archive";
        }
        if (ascii.startsWith("Rar!")) {
            return "a RAR archive";
        }
        return null;
    }

    static boolean looksLikeText(byte[] head) {
        int control = 0;
        for (byte b : head) {
            int c = b & 0xff;
            if (c == 0) {
                return false;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                control++;
            }
        }
        return control <= head.length / 100;
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] head, byte[] needle, int within) {
        int end = Math.min(head.length, within) - needle.length;
        for (int i = 0; i <= end; i++) {
            if (Arrays.equals(head, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
