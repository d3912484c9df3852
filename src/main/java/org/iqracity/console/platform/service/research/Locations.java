package org.iqracity.console.platform.service.research;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iqracity.console.platform.service.research.Ladder.Place;

/**
 * The place each record shows. Starting at a given precision, any place shared by fewer than k learners of the
 * course is folded one step up (country to sub-region to region to World) until every place shown is shared by at
 * least k, or is World. Rare countries thus disappear into their region while common ones stay named.
 */
final class Locations {
    private Locations() {
    }

    static String[] assign(List<LearnerRecord> records, Place start, int k, Regions regions) {
        int n = records.size();
        String[] shown = new String[n];
        Place[] level = new Place[n];
        for (int i = 0; i < n; i++) {
            String country = records.get(i).country();
            if (country == null || country.isBlank()) {
                shown[i] = Coarsening.UNKNOWN;
            } else {
                level[i] = start;
                shown[i] = at(country, start, regions);
            }
        }
        for (int round = 0; round < Place.values().length; round++) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if (level[i] != null) {
                    counts.merge(shown[i], 1, Integer::sum);
                }
            }
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                if (level[i] != null && level[i] != Place.WORLD && counts.get(shown[i]) < k) {
                    level[i] = level[i].coarser();
                    shown[i] = at(records.get(i).country(), level[i], regions);
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return shown;
    }

    static String at(String country, Place place, Regions regions) {
        return switch (place) {
            case COUNTRY -> regions.knows(country) ? country.toUpperCase(Locale.ROOT) : Regions.WORLD;
            case SUBREGION -> regions.subregion(country);
            case REGION -> regions.region(country);
            case WORLD -> Regions.WORLD;
        };
    }
}
