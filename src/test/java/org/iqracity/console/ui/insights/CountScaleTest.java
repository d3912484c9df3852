package org.iqracity.console.ui.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The count axis keeps room above the peak (a point drawn at the top edge is cut) and ticks at whole numbers. */
class CountScaleTest {

    @Test
    void thePeakOfEveryCountUpToAMillionHasRoomAboveIt() {
        LongStream.concat(LongStream.rangeClosed(0, 5_000),
                LongStream.iterate(5_000, n -> n <= 1_000_000, n -> n + 997))
                .forEach(max -> {
                    CountScale scale = CountScale.of(max);
                    assertThat(scale.upper()).as("upper for %d", max)
                            .isGreaterThanOrEqualTo((long) Math.ceil(max * 1.05))
                            .isGreaterThan(max);
                    assertThat(scale.upper() % scale.step()).as("upper is a tick for %d", max).isZero();
                    assertThat(scale.upper() / scale.step()).as("ticks for %d", max).isBetween(3L, 10L);
                    assertThat(scale.step()).isPositive();
                });
    }

    @Test
    void theEnrollmentPeakOf640ThatWasCutNowEndsBelowTheTop() {
        assertThat(CountScale.of(640)).isEqualTo(new CountScale(700, 100));
        assertThat(CountScale.of(34)).isEqualTo(new CountScale(40, 10));
        assertThat(CountScale.of(0)).isEqualTo(new CountScale(5, 1));
    }
}
