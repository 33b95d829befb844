package org.medrec.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.ODFNotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.medrec.intake.TempFileSharedStrings;
import org.medrec.record.Failures;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams an Excel 2007+ workbook (.xlsx) with POI's event API: the package is opened read-only,
 * shared strings are read once into temporary files ({@link TempFileSharedStrings}: POI's
 * {@code ReadOnlySharedStringsTable} would keep them all on the heap), number formats come from
 * the {@link StylesTable}, and each sheet's XML is parsed with SAX, one row at a time, so memory
 * grows neither with the row count nor with the number of distinct strings.
 *
 * <p>Rows are parsed by {@link XlsxSheetHandler}, modelled on POI's {@code XSSFSheetXMLHandler}:
 * that handler's {@code SheetContentsHandler} receives only a formatted string per cell (no stored
 * value, cell type or formula result type) and formats dates in the 1900 system even in a 1904
 * workbook. A second, cheap SAX pass per sheet ({@link XlsxSheetLayoutHandler}) collects hidden
 * columns and merged cells, which sit before and after the rows in the XML.
 *
 * <p>Not thread-safe.
 */
final class XlsxTableReader implements TableReader {

    private static final Pattern XLSB_WORKBOOK = Pattern.compile("/xl/workbook\\.bin", Pattern.CASE_INSENSITIVE);

    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final TempFileSharedStrings strings;
    private final StylesTable styles;
    private final CellValues values;
    private final List<WorkbookSheet> workbookSheets;
    private List<SheetInfo> sheets;

    /** A sheet as workbook.xml lists it. */
    record WorkbookSheet(String name, SheetInfo.Visibility visibility, String relationId) {
    }

    private XlsxTableReader(OPCPackage pkg, XSSFReader reader, TempFileSharedStrings strings, StylesTable styles,
                            boolean date1904, List<WorkbookSheet> workbookSheets) {
        this.pkg = pkg;
        this.reader = reader;
        this.strings = strings;
        this.styles = styles;
        this.values = new CellValues(date1904);
        this.workbookSheets = workbookSheets;
    }

    static XlsxTableReader open(Path file) throws TableReadException {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            if (!pkg.getPartsByName(XLSB_WORKBOOK).isEmpty()) {
                throw new TableReadException(TableReadException.Problem.UNSUPPORTED, "an Excel binary workbook (.xlsb);"
                        + " open it in Excel and save it as .xlsx", null);
            }
            if (pkg.isStrictOoxmlFormat()) {
                throw new TableReadException(TableReadException.Problem.UNSUPPORTED, "a Strict Open XML workbook;"
                        + " save it in Excel as a standard .xlsx (Excel Workbook)", null);
            }
            XSSFReader reader = new XSSFReader(pkg);
            WorkbookHandler workbook = new WorkbookHandler();
            try (InputStream in = reader.getWorkbookData()) {
                parse(in, workbook);
            }
            TempFileSharedStrings strings = TempFileSharedStrings.open(pkg);
            StylesTable styles = reader.getStylesTable();
            return new XlsxTableReader(pkg, reader, strings, styles, workbook.date1904, List.copyOf(workbook.sheets));
        } catch (TableReadException e) {
            revertQuietly(pkg);
            throw e;
        } catch (Exception | StackOverflowError e) {
            revertQuietly(pkg);
            throw failure(e, file, null, 0);
        }
    }

    /** True when the workbook uses the 1904 date system (workbook.xml {@code workbookPr date1904}). */
    boolean date1904() {
        return values.date1904();
    }

    @Override
    public List<SheetInfo> sheets() throws TableReadException {
        if (sheets == null) {
            List<SheetInfo> infos = new ArrayList<>();
            for (int i = 0; i < workbookSheets.size(); i++) {
                WorkbookSheet sheet = workbookSheets.get(i);
                XlsxSheetLayoutHandler layout = new XlsxSheetLayoutHandler();
                try (InputStream in = reader.getSheet(sheet.relationId())) {
                    parse(in, layout);
                } catch (XlsxSheetLayoutHandler.Done done) {
                    // merged cells read: the rest of the sheet is page setup
                } catch (Exception | StackOverflowError e) {
                    throw failure(e, null, sheet.name(), 0);
                }
                infos.add(new SheetInfo(i, sheet.name(), sheet.visibility(), layout.hiddenColumns(), layout.mergedRegions()));
            }
            sheets = List.copyOf(infos);
        }
        return sheets;
    }

    @Override
    public void read(SheetInfo info, RowHandler handler) throws TableReadException {
        if (info.index() >= workbookSheets.size() || !workbookSheets.get(info.index()).name().equals(info.name())) {
            throw new IllegalArgumentException("no sheet named '" + info.name() + "'");
        }
        XlsxSheetHandler rows = new XlsxSheetHandler(info.name(), strings, styles, values, handler);
        try (InputStream in = reader.getSheet(workbookSheets.get(info.index()).relationId())) {
            parse(in, rows);
        } catch (XlsxSheetHandler.Stop stop) {
            if (stop.handlerFailure() != null) {
                throw stop.handlerFailure();
            }
        } catch (Exception | StackOverflowError e) {
            throw failure(e, null, info.name(), rows.lastRowNumber());
        }
    }

    @Override
    public void close() {
        pkg.revert();
    }

    static void parse(InputStream in, ContentHandler handler) throws IOException, SAXException {
        XMLReader xml;
        try {
            xml = XMLHelper.newXMLReader();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("no SAX parser", e);
        }
        xml.setContentHandler(handler);
        xml.parse(new InputSource(in));
    }

    /** What went wrong, in words a technician can act on; never the file's path. */
    static TableReadException failure(Throwable e, Path file, String sheet, int rowNumber) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null && all.length() < 2000; t = t.getCause()) {
            all.append(t.getMessage()).append(' ');
        }
        String messages = all.toString();
        if (e instanceof EncryptedDocumentException) {
            return new TableReadException(TableReadException.Problem.ENCRYPTED,
                    "a password is required to open it; remove the password in Excel and migrate it again", sheet, rowNumber, e);
        }
        if (messages.contains("DOCTYPE is disallowed")) {
            return new TableReadException(TableReadException.Problem.HOSTILE, "its XML declares a DOCTYPE, which Excel"
                    + " never writes (an XML bomb or external-entity attack); it was not read", sheet, rowNumber, e);
        }
        if (messages.contains("Zip bomb detected")) {
            return new TableReadException(TableReadException.Problem.HOSTILE, "a part of the ZIP container expands"
                    + " far beyond its compressed size (a ZIP bomb); it was not read", sheet, rowNumber, e);
        }
        if (e instanceof ODFNotOfficeXmlFileException) {
            return new TableReadException(TableReadException.Problem.UNSUPPORTED, "an OpenDocument file (.ods);"
                    + " save it as .xlsx", sheet, rowNumber, e);
        }
        if (messages.contains("Strict OOXML")) {
            return new TableReadException(TableReadException.Problem.UNSUPPORTED, "a Strict Open XML workbook;"
                    + " save it in Excel as a standard .xlsx (Excel Workbook)", sheet, rowNumber, e);
        }
        return new TableReadException(TableReadException.Problem.DAMAGED, "the XLSX workbook cannot be read ("
                + Failures.kind(e) + ")",
                sheet, rowNumber, e);
    }

    private static void revertQuietly(OPCPackage pkg) {
        if (pkg != null) {
            try {
                pkg.revert();
            } catch (RuntimeException ignored) {
                // already failing
            }
        }
    }

    /** Reads workbook.xml: the date system and the sheets with their state and part. */
    private static final class WorkbookHandler extends DefaultHandler {
        private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        boolean date1904;
        final List<WorkbookSheet> sheets = new ArrayList<>();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if ("workbookPr".equals(localName)) {
                String value = attributes.getValue("date1904");
                date1904 = "1".equals(value) || "true".equalsIgnoreCase(value);
            } else if ("sheet".equals(localName)) {
                String state = String.valueOf(attributes.getValue("state"));
                SheetInfo.Visibility visibility = switch (state) {
                    case "hidden" -> SheetInfo.Visibility.HIDDEN;
                    case "veryHidden" -> SheetInfo.Visibility.VERY_HIDDEN;
                    default -> SheetInfo.Visibility.VISIBLE;
                };
                String id = attributes.getValue(RELATIONSHIPS, "id");
                if (id == null) {
                    id = attributes.getValue("r:id");
                }
                sheets.add(new WorkbookSheet(String.valueOf(attributes.getValue("name")), visibility, id));
            }
        }
    }
}
