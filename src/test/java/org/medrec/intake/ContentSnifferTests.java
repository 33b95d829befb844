package org.medrec.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentSnifferTests {

    private static ContentSniffer.Kind sniff(byte[] head) {
        return ContentSniffer.sniff(head, head.length);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void shouldRecogniseContainersByTheirFirstBytes() {
        assertThat(sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ContentSniffer.Kind.PDF);
        assertThat(sniff(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0))).isEqualTo(ContentSniffer.Kind.PNG);
        assertThat(sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0))).isEqualTo(ContentSniffer.Kind.JPEG);
        assertThat(sniff(bytes('I', 'I', 42, 0, 8, 0))).isEqualTo(ContentSniffer.Kind.TIFF);
        assertThat(sniff(bytes('M', 'M', 0, 42, 0, 8))).isEqualTo(ContentSniffer.Kind.TIFF);
        assertThat(sniff(bytes('P', 'K', 3, 4, 20, 0))).isEqualTo(ContentSniffer.Kind.ZIP);
        assertThat(sniff(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1))).isEqualTo(ContentSniffer.Kind.OLE2);
        assertThat(ContentSniffer.sniff(new byte[0], 0)).isEqualTo(ContentSniffer.Kind.EMPTY);
    }

    @Test
    void shouldFindPdfHeaderAfterLeadingJunkAsReadersDo() {
        byte[] head = ("\r\n   garbage from a scanner driver\n%PDF-1.4\n").getBytes(StandardCharsets.US_ASCII);

        assertThat(sniff(head)).isEqualTo(ContentSniffer.Kind.PDF);
    }

    @Test
    void shouldTellTextFromBinary() {
        assertThat(sniff("MRN,Name\n1,Ann\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(ContentSniffer.Kind.TEXT);
        assertThat(sniff("MRN;Name\r\n1;B\u00e9land\r\n".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(ContentSniffer.Kind.TEXT);
        assertThat(sniff(bytes('a', 0, 'b', 0))).isEqualTo(ContentSniffer.Kind.OTHER);
    }

    @Test
    void shouldNameCommonFormatsMedrecDoesNotRead() {
        assertThat(ContentSniffer.describeOther("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEqualTo("a GIF image");
        assertThat(ContentSniffer.describeOther(bytes(0x1f, 0x8b, 8, 0))).isEqualTo("a gzip archive");
        assertThat(ContentSniffer.describeOther(bytes(0, 1, 2, 3))).isNull();
    }
}
