package org.iqracity.console.roster.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sort's own lower-casing beside {@code String.toLowerCase(Locale.ROOT)}, which it must equal. */
class LowerCasedTest {

    /** What lets the decoder lower-case unit by unit: the JDK does the same for every other unit, alone or not. */
    @Test
    void everyUnitButSigmaDottedIAndSurrogatesLowerCasesOnItsOwn() {
        for (int unit = 0; unit <= Character.MAX_VALUE; unit++) {
            if (unit == '\u03A3' || unit == '\u0130' || Character.isSurrogate((char) unit)) {
                continue;
            }
            String alone = String.valueOf((char) unit);
            int lower = Character.toLowerCase(unit);
            assertThat(lower).as("U+%04X", unit).isLessThanOrEqualTo(Character.MAX_VALUE);
            assertThat(alone.toLowerCase(Locale.ROOT)).as("U+%04X", unit).isEqualTo(String.valueOf((char) lower));
            assertThat(("A" + alone + "\u0100").toLowerCase(Locale.ROOT)).as("U+%04X among others", unit)
                    .isEqualTo("a" + (char) lower + "\u0101");
        }
    }

    @Test
    void valuesLowerCaseAsTheJdkDoesSigmaAndDottedIIncluded() {
        String[] pieces = {"A", "z", " ", "É", "é", "Ł", "Ễ", "ΣΟΦΙΑ", "Σ", "ΟΣ ", "Σ.", "İ", "İstanbul", "ẞ", "\u212A",
            "\uD83D\uDE00", "\uD801\uDC00", "Ω", "Ǆ", "ǅ", "ﬀ", "Ⅻ", "Ⓐ", "Ａ", "-", "'"};
        SplittableRandom random = new SplittableRandom(7);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = 1 + random.nextInt(5); n > 0; n--) {
                value.append(pieces[random.nextInt(pieces.length)]);
            }
            values.add(value.toString());
        }
        LowerCased lowerCased = new LowerCased(values.size());
        boolean[] seen = new boolean[Character.MAX_VALUE + 1];
        for (int place = 0; place < values.size(); place++) {
            byte[] bytes = values.get(place).getBytes(StandardCharsets.UTF_8);
            lowerCased.add(place, bytes, 0, bytes.length, seen);
        }
        for (int place = 0; place < values.size(); place++) {
            int at = lowerCased.indexOf(place);
            int start = at == 0 ? 0 : lowerCased.ends()[at - 1];
            String expected = values.get(place).toLowerCase(Locale.ROOT);
            assertThat(new String(lowerCased.units(), start, lowerCased.ends()[at] - start)).as(values.get(place))
                    .isEqualTo(expected);
            expected.chars().forEach(unit -> assertThat(seen[unit]).isTrue());
        }
    }
}
