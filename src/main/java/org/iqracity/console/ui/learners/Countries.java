package org.iqracity.console.ui.learners;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The countries a person can filter by: ISO 3166-1 codes with their names in the console's language. */
final class Countries {

    /** One country: its ISO code as the platform stores it, its name as the person reads it. */
    record Country(String code, String name) {
        boolean matches(String search) {
            String term = LearnerMatch.folded(search.strip());
            if (term.isEmpty() || code.equalsIgnoreCase(term)) {
                return true;
            }
            return Arrays.stream(LearnerMatch.folded(name).split("[^\\p{L}\\p{N}]+"))
                    .anyMatch(word -> word.startsWith(term)) || LearnerMatch.folded(name).startsWith(term);
        }
    }

    private final Locale locale;
    private final List<Country> all;

    Countries(Locale locale) {
        this.locale = locale;
        Collator collator = Collator.getInstance(locale);
        collator.setStrength(Collator.PRIMARY);
        this.all = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).stream()
                .map(code -> new Country(code, name(code)))
                .sorted(Comparator.comparing(Country::name, collator))
                .toList();
    }

    List<Country> all() {
        return all;
    }

    /** Countries whose name has a word starting with {@code search}, or whose code it is ("de", "Germ", "south"). */
    List<Country> matching(String search) {
        return search == null || search.isBlank() ? all : all.stream().filter(c -> c.matches(search)).toList();
    }

    /** "Kenya" for "KE"; an unknown code as it is. */
    String name(String code) {
        String name = Locale.of("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(locale);
        return name == null || name.isBlank() ? code : name;
    }
}
