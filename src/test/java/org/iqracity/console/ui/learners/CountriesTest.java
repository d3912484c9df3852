package org.iqracity.console.ui.learners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.iqracity.console.ui.learners.Countries.Country;
import org.junit.jupiter.api.Test;

class CountriesTest {
    private final Countries countries = new Countries(Locale.ENGLISH);

    @Test
    void countriesAreFoundByAnyWordOfTheirNameOrByTheirCodeInAnyCase() {
        assertThat(countries.matching("germ")).extracting(Country::code).containsExactly("DE");
        assertThat(countries.matching("de")).extracting(Country::code).contains("DE");
        assertThat(countries.matching("south")).extracting(Country::code).contains("ZA", "KR", "SS");
        assertThat(countries.matching("cote")).extracting(Country::code).contains("CI");
        assertThat(countries.matching("")).hasSize(countries.all().size());
    }

    @Test
    void namesAreInTheReadersLanguageAndOrder() {
        assertThat(countries.name("ke")).isEqualTo("Kenya");
        assertThat(new Countries(Locale.GERMAN).name("DE")).isEqualTo("Deutschland");
        assertThat(countries.all().getFirst().name()).isEqualTo("Afghanistan");
        assertThat(countries.all()).hasSizeGreaterThan(240);
    }
}
