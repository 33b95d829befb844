package org.medrec.intake;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared strings kept in temporary files instead of the heap: the sharedStrings
 * part is parsed once with SAX (the same hardened parser as the sheets), each string is written
 * to a data file and its position to an index file, and both are memory-mapped read-only (the
 * files are deleted at once, so nothing is left behind, even after a kill). A million distinct
 * strings cost the page cache, not the heap, whose use stays a few kilobytes. Text of phonetic
 * runs ({@code rPh}) is left out, as POI's {@code ReadOnlySharedStringsTable} does by default.
 *
 * <p>Reading is thread-safe once open; {@link #close()} must not race with reads.
 */
public final class TempFileSharedStrings implements SharedStrings, AutoCloseable {

    private static final int SEGMENT_BITS = 30;   // data mapped in 1 GB segments; no string crosses one
    private static final long SEGMENT = 1L << SEGMENT_BITS;

    private final List<MappedByteBuffer> data;
    private final MappedByteBuffer index;
    private final int count;

    private TempFileSharedStrings(List<MappedByteBuffer> data, MappedByteBuffer index, int count) {
        this.data = data;
        this.index = index;
        this.count = count;
    }

    /** Reads the package's shared strings (none: an empty table). */
    public static TempFileSharedStrings open(OPCPackage pkg) throws IOException, SAXException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        Path dataFile = Files.createTempFile("medrec-strings", ".bin");
        Path indexFile = Files.createTempFile("medrec-strings", ".idx");
        try {
            Writer writer = new Writer(dataFile, indexFile);
            try (writer) {
                if (!parts.isEmpty()) {
                    try (InputStream in = parts.get(0).getInputStream()) {
                        XMLReader xml;
                        try {
                            xml = XMLHelper.newXMLReader();
                        } catch (javax.xml.parsers.ParserConfigurationException e) {
                            throw new IllegalStateException("no SAX parser", e);
                        }
                        xml.setContentHandler(new Handler(writer));
                        xml.parse(new InputSource(in));
                    }
                }
            }
            List<MappedByteBuffer> segments = new ArrayList<>();
            MappedByteBuffer index;
            try (FileChannel channel = FileChannel.open(dataFile, StandardOpenOption.READ)) {
                for (long start = 0; start < channel.size(); start += SEGMENT) {
                    segments.add(channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(SEGMENT, channel.size() - start)));
                }
            }
            try (FileChannel channel = FileChannel.open(indexFile, StandardOpenOption.READ)) {
                index = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            }
            return new TempFileSharedStrings(segments, index, writer.count);
        } finally {
            Files.deleteIfExists(dataFile);   // mapped pages stay readable until unmapped
            Files.deleteIfExists(indexFile);
        }
    }

    @Override
    public RichTextString getItemAt(int idx) {
        return new XSSFRichTextString(text(idx));
    }

    /** The string at {@code idx} (from 0). */
    public String text(int idx) {
        if (idx < 0 || idx >= count) {
            throw new IndexOutOfBoundsException("shared string " + idx + " of " + count);
        }
        long position = index.getLong(idx * 8);
        ByteBuffer segment = data.get((int) (position >>> SEGMENT_BITS));
        int offset = (int) (position & (SEGMENT - 1));
        int length = segment.getInt(offset);
        byte[] bytes = new byte[length];
        segment.get(offset + 4, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public int getCount() {
        return count;
    }

    @Override
    public int getUniqueCount() {
        return count;
    }

    /** Nothing to release but the mappings, which the garbage collector unmaps. */
    @Override
    public void close() {
        // the files are already deleted
    }

    /** Appends strings: length-prefixed UTF-8 in the data file, each one's position in the index. */
    private static final class Writer implements AutoCloseable {
        private final DataOutputStream data;
        private final DataOutputStream index;
        private long position;
        int count;

        Writer(Path dataFile, Path indexFile) throws IOException {
            this.data = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(dataFile), 1 << 16));
            this.index = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(indexFile), 1 << 16));
        }

        void add(String s) throws IOException {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            long room = SEGMENT - (position & (SEGMENT - 1));
            if (bytes.length + 4L > room) {
                pad(data, room);
                position += room;
            }
            index.writeLong(position);
            data.writeInt(bytes.length);
            data.write(bytes);
            position += 4L + bytes.length;
            count++;
            if (count < 0) {
                throw new IOException("more shared strings than a workbook can have");
            }
        }

        private static void pad(OutputStream out, long n) throws IOException {
            for (long i = 0; i < n; i++) {
                out.write(0);
            }
        }

        @Override
        public void close() throws IOException {
            try (data; index) {
                data.flush();
                index.flush();
            }
        }
    }

    /** {@code <si>} items: the text of their {@code <t>} elements, except inside {@code <rPh>}. */
    private static final class Handler extends DefaultHandler {
        private final Writer writer;
        private final StringBuilder text = new StringBuilder();
        private boolean inItem;
        private boolean inText;
        private int phonetic;

        Handler(Writer writer) {
            this.writer = writer;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "si" -> {
                    inItem = true;
                    text.setLength(0);
                }
                case "rPh" -> phonetic++;
                case "t" -> inText = inItem && phonetic == 0;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "si" -> {
                    inItem = false;
                    try {
                        writer.add(text.toString());
                    } catch (IOException e) {
                        throw new SAXException(e);
                    }
                }
                case "rPh" -> phonetic--;
                case "t" -> inText = false;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                text.append(ch, start, length);
            }
        }
    }
}
