package org.iqracity.console.ui.breach;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Learner ids and email addresses out of whatever a person pastes or imports. A CSV whose first line names an id or
 * email column gives that column only (other columns, such as names, are not entries); anything else is read as
 * entries separated by new lines, commas, semicolons, tabs or spaces. Quotes are dropped; duplicates count once
 * (addresses without regard to case). Nothing is checked here: the platform resolves the list among the Member's own
 * learners only.
 */
public final class ScopeEntries {

    /** Column titles that hold one learner each, in order of preference. */
    private static final List<String> ENTRY_COLUMNS = List.of("learner_id", "learnerid", "learner id", "id",
            "email", "e-mail", "email_address", "email address", "learner_email");
    private static final Pattern SEPARATORS = Pattern.compile("[,;\\t\\r\\n ]+");
    private static final Pattern LINES = Pattern.compile("\\r?\\n|\\r");

    private ScopeEntries() {
    }

    public static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String[] lines = LINES.split(text.strip());
        int column = entryColumn(cells(lines[0]));
        List<String> raw = new ArrayList<>();
        if (column >= 0) {
            for (int i = 1; i < lines.length; i++) {
                List<String> row = cells(lines[i]);
                if (row.size() > column) {
                    raw.add(row.get(column));
                }
            }
        } else {
            for (String token : SEPARATORS.split(text)) {
                raw.add(unquote(token));
            }
        }
        return distinct(raw);
    }

    /** One entry a line: how a list is shown again for editing. */
    public static String format(List<String> entries) {
        return String.join("\n", entries);
    }

    private static int entryColumn(List<String> header) {
        if (header.size() < 2) {
            return header.size() == 1 && ENTRY_COLUMNS.contains(header.getFirst().toLowerCase(Locale.ROOT)) ? 0 : -1;
        }
        for (String wanted : ENTRY_COLUMNS) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).toLowerCase(Locale.ROOT).equals(wanted)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** One CSV line split on commas, semicolons or tabs outside double quotes. */
    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (!quoted && (c == ',' || c == ';' || c == '\t')) {
                out.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString().strip());
        return out;
    }

    private static List<String> distinct(List<String> raw) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String r : raw) {
            String entry = unquote(r);
            if (entry.isEmpty() || ENTRY_COLUMNS.contains(entry.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String key = entry.contains("@") ? entry.toLowerCase(Locale.ROOT) : entry;
            if (seen.add(key)) {
                out.add(entry);
            }
        }
        return List.copyOf(out);
    }

    private static String unquote(String s) {
        String t = s.strip();
        while (!t.isEmpty() && (t.charAt(0) == '"' || t.charAt(0) == '\'')) {
            t = t.substring(1);
        }
        while (!t.isEmpty() && (t.charAt(t.length() - 1) == '"' || t.charAt(t.length() - 1) == '\'')) {
            t = t.substring(0, t.length() - 1);
        }
        return t.strip();
    }

    /**
     * The entries of a pasted-list file (CSV or one a line), read as UTF-8, else Latin-1: spreadsheets write either.
     */
    static List<String> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return parse(text);
    }
}
