package org.iqracity.console.platform.service.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JoinHistoryTest {
    private static final QuasiIdentifiers SHOWN = new QuasiIdentifiers("1990-1994", "US", "female", "bachelor",
            "2026-01", "0");

    @Test
    void aDigestChainsThePreviousOneTheExportNumberAndEveryQuasiIdentifier() {
        String first = JoinHistory.next(null, 1, SHOWN);
        assertThat(first).matches("[0-9a-f]{32}").isEqualTo(JoinHistory.next(null, 1, SHOWN));
        assertThat(JoinHistory.next(null, 2, SHOWN)).isNotEqualTo(first);
        assertThat(JoinHistory.next(first, 2, SHOWN)).isNotEqualTo(JoinHistory.next(null, 2, SHOWN));
        QuasiIdentifiers onePostMore = new QuasiIdentifiers("1990-1994", "US", "female", "bachelor", "2026-01", "1");
        assertThat(JoinHistory.next(null, 1, onePostMore)).isNotEqualTo(first);
    }

    @Test
    void leftOutOfAnExportIsPartOfTheHistory() {
        // a and b were shown alike by export 1; export 2 shows a and leaves b out
        String afterOne = JoinHistory.next(null, 1, SHOWN);
        JoinHistory before = new JoinHistory(1, Map.of("a", afterOne), Map.of(afterOne, 2));
        LearnerRecord a = Populations.record("a", 1990, "US", "f", "b", Populations.START);
        Map<String, String> after = before.after(List.of(new KAnonymity.Row(a, SHOWN)));
        assertThat(after).containsOnlyKeys("a");
        assertThat(after.get("a")).isNotEqualTo(afterOne).isEqualTo(JoinHistory.next(afterOne, 2, SHOWN));
        assertThat(before.nextExport()).isEqualTo(2);
        assertThat(before.of("b")).as("b was not asked about").isNull();
    }

    @Test
    void anExportWithAKeyOfItsOwnHasNoHistory() {
        assertThat(JoinHistory.NONE.exports()).isZero();
        assertThat(JoinHistory.NONE.of("anyone")).isNull();
        assertThat(JoinHistory.NONE.isEmpty()).isTrue();
    }
}
