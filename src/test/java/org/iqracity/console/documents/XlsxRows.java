package org.iqracity.console.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** Counts rows per sheet of a workbook too big to open whole: POI's streaming reader and a SAX count. */
public final class XlsxRows {
    private XlsxRows() {
    }

    /** Sheet name to rows, header included, in workbook order. */
    public static Map<String, Long> countPerSheet(Path xlsx)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        Map<String, Long> counts = new LinkedHashMap<>();
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    long[] rows = {0};
                    SAXParser parser = factory.newSAXParser();
                    parser.parse(in, new DefaultHandler() {
                        @Override
                        public void startElement(String uri, String local, String qName, Attributes attributes) {
                            if ("row".equals(local)) {
                                rows[0]++;
                            }
                        }
                    });
                    counts.put(sheets.getSheetName(), rows[0]);
                }
            }
        }
        return counts;
    }
}
