package org.iqracity.console.ui.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.ui.common.Messages;
import org.junit.jupiter.api.Test;

class BreachWordsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private final BreachWords words = new BreachWords(Messages.english());

    private String left(Duration d) {
        return words.countdown(Countdown.of(NOW.plus(d), NOW, false));
    }

    @Test
    void theClockReadsInHoursAndMinutesAndTurnsRedUnderTwelveHours() {
        assertThat(left(Duration.ofHours(71).plusMinutes(59))).isEqualTo("71 h 59 min left");
        assertThat(left(Duration.ofMinutes(35))).isEqualTo("35 min left");
        assertThat(left(Duration.ofHours(-5).minusMinutes(3))).isEqualTo("Overdue by 5 h 3 min");
        assertThat(left(Duration.ofDays(-5))).isEqualTo("Overdue by 5 d 0 h");
        assertThat(Countdown.of(NOW.plus(Duration.ofHours(12)), NOW, false).urgent()).isFalse();
        assertThat(Countdown.of(NOW.plus(Duration.ofHours(12)).minusSeconds(1), NOW, false).urgent()).isTrue();
        assertThat(Countdown.of(NOW.minus(Duration.ofHours(1)), NOW, true).urgent()).isFalse();
    }

    @Test
    void anUnknownTimelineStepReadsAsItsCodeTidied() {
        assertThat(words.step("SUBMITTED")).isEqualTo("Submitted");
        assertThat(words.step("LETTERS_PRINTED")).isEqualTo("Letters printed");
    }

    @Test
    void everyStateStatusAndCategoryHasWords() {
        for (var s : IncidentState.values()) {
            assertThat(words.state(s)).doesNotStartWith("!");
        }
        for (var s : DeliveryStatus.values()) {
            assertThat(words.status(s)).doesNotStartWith("!");
        }
        for (var c : DataCategory.values()) {
            assertThat(words.category(c)).doesNotStartWith("!");
        }
    }
}
