package org.iqracity.console.api;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The one guard every CSV the project writes for people goes through (R14): a spreadsheet runs a cell that starts
 * with {@code =}, {@code +}, {@code -} or {@code @} as a formula, and a tab or carriage return in front can hide the
 * sign from a check; such a cell gets a leading apostrophe, which spreadsheets read as "this is text". Numbers
 * ({@code -5}, {@code +1.5e3}) stay numbers. The roster's canonical line ({@link RosterCanon#csvLine}) is not guarded:
 * the platform signs those exact bytes; the CSV copies made from a roster are.
 */
public final class SpreadsheetCsv {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private SpreadsheetCsv() {
    }

    /** {@code value} as a spreadsheet will show it as typed; null becomes an empty cell. */
    public static String guard(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        boolean formulaSign = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formulaSign && !NUMBER.matcher(value).matches() ? "'" + value : value;
    }

    /** A guarded cell as it was typed, for a document (a PDF) that shows text as text; other cells unchanged. */
    public static String unguard(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'') {
            String rest = cell.substring(1);
            return guard(rest).equals(cell) ? rest : cell;
        }
        return cell;
    }

    /** One RFC 4180 line (CRLF at the end) of guarded cells. */
    public static String line(List<String> values) {
        return RosterCanon.csvLine(values.stream().map(SpreadsheetCsv::guard).toList());
    }
}
