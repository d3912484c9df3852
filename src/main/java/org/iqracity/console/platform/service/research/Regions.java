package org.iqracity.console.platform.service.research;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a country lies in the UN M49 geographic regions, read from {@code m49-regions.csv}: the sub-region (the
 * intermediate region where M49 has one, such as Western Africa or South America) and the region (continent). A
 * code the table does not know lies in {@link #WORLD}, so an unexpected value can only be folded further, never kept.
 */
public final class Regions {
    public static final String WORLD = "World";
    private static final String RESOURCE = "/org/iqracity/console/platform/research/m49-regions.csv";

    private record Place(String subregion, String region) {
    }

    private final Map<String, Place> places;

    private Regions(Map<String, Place> places) {
        this.places = Map.copyOf(places);
    }

    /** The table shipped with the platform. */
    public static Regions m49() {
        try (InputStream in = Regions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Regions read(InputStream in) throws IOException {
        Map<String, Place> places = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        boolean header = true;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 3) {
                throw new IOException("a row of the region table does not have three cells");
            }
            places.put(cells[0].strip(), new Place(cells[1].strip(), cells[2].strip()));
        }
        return new Regions(places);
    }

    public boolean knows(String country) {
        return country != null && places.containsKey(country.toUpperCase(Locale.ROOT));
    }

    public String subregion(String country) {
        Place p = country == null ? null : places.get(country.toUpperCase(Locale.ROOT));
        return p == null ? WORLD : p.subregion();
    }

    public String region(String country) {
        Place p = country == null ? null : places.get(country.toUpperCase(Locale.ROOT));
        return p == null ? WORLD : p.region();
    }

    public int size() {
        return places.size();
    }
}
