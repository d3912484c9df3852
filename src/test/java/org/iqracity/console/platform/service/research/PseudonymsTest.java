package org.iqracity.console.platform.service.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PseudonymsTest {
    private static final List<String> IDS = IntStream.range(0, 500).mapToObj(i -> "lrn" + i).toList();
    private final SecureRandom random = new SecureRandom();

    private static Set<String> all(Pseudonyms p) {
        return IDS.stream().map(p::of).collect(Collectors.toSet());
    }

    @Test
    void freshKeysGiveTwoExportsNoPseudonymInCommon() {
        try (Pseudonyms a = Pseudonyms.fresh(random); Pseudonyms b = Pseudonyms.fresh(random)) {
            Set<String> first = all(a);
            Set<String> second = all(b);
            assertThat(first).hasSize(IDS.size());
            first.retainAll(second);
            assertThat(first).isEmpty();
        }
    }

    @Test
    void theSameKeyGivesEveryLearnerTheSamePseudonymInEveryExport() {
        byte[] key = Pseudonyms.newKey(random);
        try (Pseudonyms a = Pseudonyms.withKey(key); Pseudonyms b = Pseudonyms.withKey(key)) {
            for (String id : IDS) {
                assertThat(a.of(id)).isEqualTo(b.of(id)).isEqualTo(a.of(id));
            }
        }
    }

    @Test
    void aPseudonymIsHexOfAKeyedHashAndHoldsNeitherTheIdNorTheKey() throws Exception {
        byte[] key = Pseudonyms.newKey(random);
        try (Pseudonyms p = Pseudonyms.withKey(key)) {
            String pseudonym = p.of("lrn42");
            assertThat(pseudonym).matches("[0-9a-f]{32}").doesNotContain("lrn42");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            assertThat(pseudonym).isEqualTo(HexFormat.of().formatHex(mac.doFinal("lrn42".getBytes()), 0, 16));
            assertThat(HexFormat.of().formatHex(key)).doesNotContain(pseudonym);
        }
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> Pseudonyms.withKey(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
