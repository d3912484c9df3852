package org.iqracity.console.platform.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Packed texts order exactly as Java's Strings do, which is the order H2's indexes keep (SearchSnapshot relies on it).
 */
class PackedTextTest {
    /**
     * Short texts over letters that differ in the first, last and high UTF-16 units, prefixes of each other included.
     */
    private static final String ALPHABET = "ab.z\u00e9\u00c9_\ud83d\ude00\uffff";

    @Test
    void comparesAsStringsDo() {
        Random random = new Random(42);
        List<String> texts = new ArrayList<>(List.of("", "a", "ab", "abc", "b"));
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(6);
            for (int c = 0; c < length; c++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            texts.add(sb.toString());
        }
        PackedText packed = new PackedText();
        texts.forEach(packed::add);
        PackedText trimmed = packed.trimmed();

        assertThat(trimmed.size()).isEqualTo(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            assertThat(trimmed.get(i)).isEqualTo(texts.get(i));
            for (int j = 0; j < texts.size(); j++) {
                int expected = Integer.signum(texts.get(i).compareTo(texts.get(j)));
                assertThat(Integer.signum(packed.compare(i, j))).as("%s vs %s", texts.get(i), texts.get(j))
                        .isEqualTo(expected);
                assertThat(Integer.signum(trimmed.compareTo(i, texts.get(j)))).isEqualTo(expected);
            }
        }
    }

    @Test
    void growsPastItsFirstArrays() {
        PackedText packed = new PackedText();
        String long1 = "x".repeat(40_000);
        for (int i = 0; i < 3_000; i++) {
            packed.add(i == 1_500 ? long1 : "learner" + i);
        }
        assertThat(packed.size()).isEqualTo(3_000);
        assertThat(packed.get(2_999)).isEqualTo("learner2999");
        assertThat(packed.get(1_500)).isEqualTo(long1);
        assertThat(packed.trimmed().get(1_499)).isEqualTo("learner1499");
    }

    @Test
    void keepsLatin1TextsAByteAUnitUntilAWiderOneComes() {
        PackedText packed = new PackedText();
        List<String> texts = new ArrayList<>(List.of("chen", "garcia", "zo\u00eb", "\u00ff", ""));
        texts.forEach(packed::add);
        assertThat(packed.compact()).isTrue();
        assertThat(packed.trimmed().compact()).isTrue();
        assertThat(Integer.signum(packed.compare(3, 0))).as("\u00ff after c, as a String").isEqualTo(1);
        texts.add("\u0142ukasz");
        packed.add("\u0142ukasz");
        assertThat(packed.compact()).isFalse();
        for (int i = 0; i < texts.size(); i++) {
            assertThat(packed.get(i)).isEqualTo(texts.get(i));
            for (int j = 0; j < texts.size(); j++) {
                assertThat(Integer.signum(packed.compare(i, j)))
                        .isEqualTo(Integer.signum(texts.get(i).compareTo(texts.get(j))));
            }
        }
    }
}
