package org.iqracity.console.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The canonical form a roster is signed in, shared by the platform (which signs) and the roster file (which
 * verifies offline): each row as an RFC 4180 CSV line ending in CRLF, hashed with SHA-256; the signature covers a
 * short text naming what was exported, by whom and when, and that hash.
 */
public final class RosterCanon {
    public static final String FORMAT = "iqracity-roster-v1";
    /** The form that also signs who exported: every roster since the exporter was signed. */
    public static final String FORMAT_V2 = "iqracity-roster-v2";
    /** The form that also signs the view of the course a roster holds ({@link RosterView}), when it holds one. */
    public static final String FORMAT_V3 = "iqracity-roster-v3";

    private RosterCanon() {
    }

    /** One CSV record with CRLF, quoting only where RFC 4180 needs it. */
    public static String csvLine(List<String> values) {
        StringBuilder sb = new StringBuilder(256);
        appendCsvLine(sb, values);
        return sb.toString();
    }

    /** Appends the RFC 4180 line of {@code values} (CRLF at the end), for callers that reuse one builder. */
    public static void appendCsvLine(StringBuilder sb, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String v = values.get(i) == null ? "" : values.get(i);
            if (needsQuotes(v)) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        sb.append("\r\n");
    }

    /** Whether RFC 4180 needs {@code v} in quotes: a comma, a quote or a line break in it. */
    public static boolean needsQuotes(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    public static String header(List<RosterField> fields) {
        return csvLine(fields.stream().map(RosterField::column).toList());
    }

    /** What the platform's Ed25519 signature was over before it signed the exporter (rosters of that time). */
    public static byte[] signedPayload(String memberId, String courseId, String exportedAt, List<RosterField> fields,
                                       long rowCount, String sha256Hex) {
        return signedPayload(memberId, courseId, exportedAt, null, fields, rowCount, sha256Hex);
    }

    /**
     * What the platform's Ed25519 signature is over for a roster of a whole course: what was exported, when, by whom
     * (the username of the staff member who exported; null only for rosters signed before the exporter was, read in
     * their own form) and the hash of the rows.
     */
    public static byte[] signedPayload(String memberId, String courseId, String exportedAt, String exportedBy,
                                       List<RosterField> fields, long rowCount, String sha256Hex) {
        return signedPayload(memberId, courseId, exportedAt, exportedBy, null, fields, rowCount, sha256Hex);
    }

    /**
     * What the platform's Ed25519 signature is over, {@code view} being the {@link RosterView#text} of the part of
     * the course the roster holds, or null for the whole course. A roster of a view is signed in its own form (v3),
     * which names the view after the exporter; a whole course is signed as before (v2, or v1 without an exporter),
     * so rosters made before views existed verify as they did.
     */
    public static byte[] signedPayload(String memberId, String courseId, String exportedAt, String exportedBy,
                                       String view, List<RosterField> fields, long rowCount, String sha256Hex) {
        String columns = fields.stream().map(RosterField::column).collect(Collectors.joining(","));
        String text;
        if (view != null) {
            if (exportedBy == null || view.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a view's roster names its exporter, and its view is one line");
            }
            text = String.join("\n", FORMAT_V3, memberId, courseId, exportedAt, exportedBy, view, columns,
                    Long.toString(rowCount), sha256Hex);
        } else if (exportedBy == null) {
            text = String.join("\n", FORMAT, memberId, courseId, exportedAt, columns, Long.toString(rowCount),
                    sha256Hex);
        } else {
            text = String.join("\n", FORMAT_V2, memberId, courseId, exportedAt, exportedBy, columns,
                    Long.toString(rowCount), sha256Hex);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
