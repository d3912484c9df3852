package org.iqracity.console.platform.service.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RegionsTest {
    private final Regions regions = Regions.m49();

    @Test
    void everyCountryCodeTheJdkKnowsHasASubregionAndARegion() {
        List<String> missing = Arrays.stream(Locale.getISOCountries()).filter(c -> !regions.knows(c)).toList();
        assertThat(missing).isEmpty();
        assertThat(regions.size()).isEqualTo(Locale.getISOCountries().length);
    }

    @Test
    void countriesLieInTheirM49SubregionAndRegion() {
        assertThat(regions.subregion("NG")).isEqualTo("Western Africa");
        assertThat(regions.region("NG")).isEqualTo("Africa");
        assertThat(regions.subregion("EG")).isEqualTo("Northern Africa");
        assertThat(regions.subregion("LU")).isEqualTo("Western Europe");
        assertThat(regions.subregion("IS")).isEqualTo("Northern Europe");
        assertThat(regions.subregion("MX")).isEqualTo("Central America");
        assertThat(regions.region("MX")).isEqualTo("Americas");
        assertThat(regions.subregion("nz")).isEqualTo("Australia and New Zealand");
        assertThat(regions.region("VN")).isEqualTo("Asia");
    }

    @Test
    void anUnknownCodeLiesInTheWorldAndIsNeverKeptAsACountry() {
        assertThat(regions.knows("XX")).isFalse();
        assertThat(regions.subregion("XX")).isEqualTo(Regions.WORLD);
        assertThat(regions.region(null)).isEqualTo(Regions.WORLD);
        assertThat(Locations.at("XX", Ladder.Place.COUNTRY, regions)).isEqualTo(Regions.WORLD);
    }
}
