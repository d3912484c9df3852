package org.iqracity.console.platform.service.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.iqracity.console.platform.service.research.Ladder.Place;
import org.junit.jupiter.api.Test;

class LocationsTest {
    private final Regions regions = Regions.m49();

    private static List<LearnerRecord> people(Object... countryAndCount) {
        List<LearnerRecord> out = new ArrayList<>();
        for (int i = 0; i < countryAndCount.length; i += 2) {
            for (int n = 0; n < (Integer) countryAndCount[i + 1]; n++) {
                out.add(Populations.record("p" + out.size(), 1990, (String) countryAndCount[i], "f", "b",
                        Populations.START));
            }
        }
        return out;
    }

    @Test
    void aCountryWithFewerThanKLearnersIsShownAsItsSubregionWhileCommonOnesStayNamed() {
        List<LearnerRecord> r = people("US", 10, "DE", 6, "LU", 2, "BE", 3, "NL", 1);
        List<String> shown = List.of(Locations.assign(r, Place.COUNTRY, 5, regions));
        assertThat(Collections.frequency(shown, "US")).isEqualTo(10);
        assertThat(Collections.frequency(shown, "DE")).isEqualTo(6);
        assertThat(Collections.frequency(shown, "Western Europe")).isEqualTo(6);
        assertThat(shown).doesNotContain("LU", "BE", "NL");
    }

    @Test
    void aSubregionStillTooSmallIsFoldedIntoItsRegionAndThenTheWorld() {
        List<String> shown = List.of(Locations
                .assign(people("US", 10, "IS", 1, "LU", 1, "KE", 2, "NG", 2), Place.COUNTRY,
                5, regions));
        // Northern and Western Europe hold one each: Europe holds two, still too few; Africa holds four: too few
        assertThat(shown).containsOnly("US", "World");
        assertThat(Collections.frequency(shown, "World")).isEqualTo(6);
    }

    @Test
    void unknownPlacesStayUnknownAndStartingCoarserFoldsEveryone() {
        List<LearnerRecord> r = people("US", 6, "CA", 6, null, 3);
        assertThat(List.of(Locations.assign(r, Place.COUNTRY, 5, regions))).containsOnly("US", "CA", "unknown");
        assertThat(List.of(Locations.assign(r, Place.SUBREGION, 5, regions)))
                .containsOnly("Northern America", "unknown");
        assertThat(List.of(Locations.assign(r, Place.WORLD, 5, regions))).containsOnly("World", "unknown");
    }
}
