package org.iqracity.console.platform.service.breach;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iqracity.console.api.breach.JurisdictionDto;

/**
 * Which channels a learner's jurisdiction calls for, read from the table kept as data in
 * {@code jurisdictions.csv}. A region row overrides its country row; an unknown place gets email and a flag.
 */
public final class Jurisdictions {
    private static final String RESOURCE = "/org/iqracity/console/platform/breach/jurisdictions.csv";

    private final Map<String, JurisdictionDto> byKey;

    Jurisdictions(List<JurisdictionDto> rows) {
        Map<String, JurisdictionDto> map = new LinkedHashMap<>();
        for (JurisdictionDto row : rows) {
            if (map.putIfAbsent(key(row.country(), row.region()), row) != null) {
                throw new IllegalArgumentException("Jurisdiction listed twice: " + row.label());
            }
        }
        this.byKey = map;
    }

    public static Jurisdictions bundled() {
        try (InputStream in = Jurisdictions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The jurisdiction table is missing from the build: " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Jurisdictions parse(BufferedReader reader) throws IOException {
        List<JurisdictionDto> rows = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = splitCsv(line);
            if (cells.size() != 6) {
                throw new IllegalArgumentException("Jurisdiction table line " + number + " needs 6 cells");
            }
            rows.add(new JurisdictionDto(cells.get(0), cells.get(1).isEmpty() ? null : cells.get(1), cells.get(2),
                    yes(cells.get(3), number), yes(cells.get(4), number),
                            cells.get(5).isEmpty() ? null : cells.get(5)));
        }
        return new Jurisdictions(rows);
    }

    /** The rule for a learner living here; {@link Placement#known()} is false where the table has no entry. */
    public Placement place(String country, String region) {
        if (country != null) {
            JurisdictionDto exact = region == null ? null : byKey.get(key(country, region));
            if (exact != null) {
                return new Placement(exact, true);
            }
            JurisdictionDto whole = byKey.get(key(country, null));
            if (whole != null) {
                return new Placement(whole, true);
            }
        }
        String label = country == null ? "Unknown country" : "Not in the table (" + country + ")";
        return new Placement(new JurisdictionDto(country, null, label, true, false,
                "No rule on file: email is used; review before sending."), false);
    }

    public List<JurisdictionDto> all() {
        return List.copyOf(byKey.values());
    }

    /** A jurisdiction's rule, and whether it came from the table. */
    public record Placement(JurisdictionDto rule, boolean known) {
        public String label() {
            return rule.label();
        }
    }

    private static String key(String country, String region) {
        return country.toUpperCase(Locale.ROOT) + "|" + (region == null ? "" : region.toLowerCase(Locale.ROOT));
    }

    private static boolean yes(String cell, int line) {
        return switch (cell) {
            case "y" -> true;
            case "n" -> false;
            default -> throw new IllegalArgumentException("Jurisdiction table line " + line + ": use y or n");
        };
    }

    static List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
