package org.iqracity.console.documents;

import java.util.List;

/**
 * The small parts of an .xlsx package, made once the sheets are known: the workbook (sheet names, filter ranges),
 * relationships, content types and styles.
 */
final class XlsxParts {
    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    static final String XML_DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    private static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

    static final String PACKAGE_RELATIONSHIPS = XML_DECL + "<Relationships xmlns=\"" + PKG_REL + "\"><Relationship "
            + "Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

    /** A sheet's name, and the cell range its filter covers (null: none). */
    record Sheet(String name, String filter) {
    }

    private XlsxParts() {
    }

    static String workbook(List<Sheet> sheets) {
        StringBuilder b = new StringBuilder(XML_DECL).append("<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL
                + "\"><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>");
        for (int i = 0; i < sheets.size(); i++) {
            b.append("<sheet name=\"").append(attribute(sheets.get(i).name())).append("\" sheetId=\"").append(i + 1)
                    .append("\" r:id=\"rId").append(i + 1).append("\"/>");
        }
        b.append("</sheets>");
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < sheets.size(); i++) {
            String filter = sheets.get(i).filter();
            if (filter != null) {
                // the hidden name Excel itself gives a filter's range
                String[] corners = filter.split(":");
                names.append("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"").append(i)
                        .append("\" hidden=\"1\">")
                        .append(attribute("'" + sheets.get(i).name().replace("'", "''") + "'!" + absolute(corners[0])
                                + ":" + absolute(corners[1])))
                        .append("</definedName>");
            }
        }
        if (!names.isEmpty()) {
            b.append("<definedNames>").append(names).append("</definedNames>");
        }
        return b.append("</workbook>").toString();
    }

    /** Sheets 1..n are rId1..n, then the styles, then the shared strings when there are any. */
    static String workbookRelationships(int sheets, boolean shared) {
        StringBuilder rels = new StringBuilder(XML_DECL).append("<Relationships xmlns=\"" + PKG_REL + "\">");
        for (int i = 1; i <= sheets; i++) {
            rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"" + REL + "/worksheet\" Target=\"")
                    .append("worksheets/sheet").append(i).append(".xml\"/>");
        }
        rels.append("<Relationship Id=\"rId").append(sheets + 1)
                .append("\" Type=\"" + REL + "/styles\" Target=\"styles.xml\"/>");
        if (shared) {
            rels.append("<Relationship Id=\"rId").append(sheets + 2)
                    .append("\" Type=\"" + REL + "/sharedStrings\" Target=\"sharedStrings.xml\"/>");
        }
        return rels.append("</Relationships>").toString();
    }

    static String contentTypes(int sheets, boolean shared) {
        StringBuilder types = new StringBuilder(XML_DECL).append(
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" "
                        + "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + TYPE + "sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"" + TYPE + "styles+xml\"/>");
        for (int i = 1; i <= sheets; i++) {
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"")
                    .append(TYPE).append("worksheet+xml\"/>");
        }
        if (shared) {
            types.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"" + TYPE
                    + "sharedStrings+xml\"/>");
        }
        return types.append("</Types>").toString();
    }

    /** {@code B12} as {@code $B$12}. */
    private static String absolute(String cell) {
        int digits = 0;
        while (!Character.isDigit(cell.charAt(digits))) {
            digits++;
        }
        return "$" + cell.substring(0, digits) + "$" + cell.substring(digits);
    }

    private static String attribute(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c < 0x20 ? '?' : c);
            }
        }
        return b.toString();
    }

    /**
     * Fonts: the default and its bold. Fills: none and gray125 (which every workbook has) and the header's grey.
     * Cell formats in the order of XlsxPackage's style constants; 9 is Excel's built-in "0%".
     */
    static final String STYLES = XML_DECL + "<styleSheet xmlns=\"" + MAIN + "\">"
            + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/>"
            + "<numFmt numFmtId=\"165\" formatCode=\"yyyy-mm-dd hh:mm:ss\"/></numFmts>"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><color theme=\"1\"/><name val=\"Calibri\"/><family val=\"2\"/>"
            + "<scheme val=\"minor\"/></font><font><b/><sz val=\"11\"/><color theme=\"1\"/><name val=\"Calibri\"/>"
            + "<family val=\"2\"/><scheme val=\"minor\"/></font></fonts>"
            + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill>"
            + "<fill><patternFill patternType=\"solid\"><fgColor indexed=\"22\"/><bgColor "
                    + "indexed=\"64\"/></patternFill>"
            + "</fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"7\">"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"/>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"9\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">"
            + "<alignment wrapText=\"1\" vertical=\"top\"/></xf>"
            + "</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>";
}
