package org.medrec.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Looks into ZIP and OLE2 containers: an XLSX is streamed sheet by sheet (memory does not grow
 * with the file), an XLS is read by HSSF; anything else in such a container is named in the
 * reason. Thread-safe (stateless).
 */
final class WorkbookProbe {

    private WorkbookProbe() {
    }

    static ProbeResult probeZip(Path file) {
        Set<String> names;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            names = new java.util.HashSet<>();
            zip.stream().map(ZipEntry::getName).forEach(names::add);
        } catch (IOException | RuntimeException e) {
            return ProbeResult.refused(FileFormat.OTHER, "damaged ZIP container (.xlsx?): " + Reasons.describe(e));
        }
        if (names.contains("xl/workbook.xml")) {
            return probeXlsx(file);
        }
        if (names.contains("xl/workbook.bin")) {
            return ProbeResult.refused(FileFormat.OTHER, "Excel binary workbook (.xlsb) is not supported:"
                    + " open it in Excel and save it as .xlsx");
        }
        if (names.contains("word/document.xml")) {
            return ProbeResult.refused(FileFormat.OTHER, "Word document (.docx) is not supported:"
                    + " print it to PDF or scan it, then migrate that");
        }
        if (names.contains("content.xml") && names.contains("mimetype")) {
            return ProbeResult.refused(FileFormat.OTHER, "OpenDocument file (.ods/.odt) is not supported:"
                    + " save it as .xlsx or PDF");
        }
        return ProbeResult.refused(FileFormat.OTHER, "ZIP archive: unpack it and migrate the files inside");
    }

    private static ProbeResult probeXlsx(Path file) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            if (pkg.isStrictOoxmlFormat()) {
                return ProbeResult.refused(FileFormat.XLSX, "Strict Open XML workbook is not supported:"
                        + " save it in Excel as a standard .xlsx (Excel Workbook)");
            }
            // shared strings are parsed whole (a bomb there shows now), into temporary files, not the heap
            TempFileSharedStrings.open(pkg).close();
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            int count = 0;
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    var xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new DefaultHandler() {
                        @Override
                        public void startElement(String uri, String localName, String qName, Attributes attributes) {
                            // reading to the end is the check; rows are counted by the spreadsheet stage
                        }
                    });
                    xml.parse(new org.xml.sax.InputSource(sheet));
                }
                count++;
            }
            if (count == 0) {
                return ProbeResult.refused(FileFormat.XLSX, "workbook has no sheets");
            }
            return ProbeResult.accepted(FileFormat.XLSX, null);
        } catch (EncryptedDocumentException e) {
            return encrypted(FileFormat.XLSX);
        } catch (Exception | StackOverflowError e) {
            if (String.valueOf(e.getMessage()).contains("DOCTYPE is disallowed")) {
                return ProbeResult.refused(FileFormat.XLSX, "hostile XLSX workbook: its XML declares a DOCTYPE, which"
                        + " Excel never writes (an XML bomb or external-entity attack); it was not read");
            }
            return ProbeResult.refused(FileFormat.XLSX, "damaged XLSX workbook: it cannot be read (" + Reasons.describe(e) + ")");
        }
    }

    static ProbeResult probeOle2(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            var root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                return encrypted(FileFormat.XLSX);
            }
            if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("Book") || root.hasEntry("BOOK")) {
                try (HSSFWorkbook workbook = new HSSFWorkbook(root, false)) {
                    if (workbook.getNumberOfSheets() == 0) {
                        return ProbeResult.refused(FileFormat.XLS, "workbook has no sheets");
                    }
                    return ProbeResult.accepted(FileFormat.XLS, null);
                }
            }
            if (root.hasEntry("WordDocument")) {
                return ProbeResult.refused(FileFormat.OTHER, "Word document (.doc) is not supported:"
                        + " print it to PDF or scan it, then migrate that");
            }
            return ProbeResult.refused(FileFormat.OTHER, "an Office file that is not a workbook (no Workbook stream)");
        } catch (EncryptedDocumentException e) {
            return encrypted(FileFormat.XLS);
        } catch (OldExcelFormatException e) {
            return ProbeResult.refused(FileFormat.XLS, "Excel 5.0/95 or older workbook (BIFF5 or earlier) is not supported:"
                    + " open it in Excel and save it as .xlsx");
        } catch (Exception | StackOverflowError e) {
            return ProbeResult.refused(FileFormat.XLS, "damaged XLS workbook: it cannot be read (" + Reasons.describe(e) + ")");
        }
    }

    private static ProbeResult encrypted(FileFormat format) {
        return ProbeResult.refused(format, "encrypted workbook: a password is required to open it;"
                + " remove the password in Excel and migrate it again");
    }
}
