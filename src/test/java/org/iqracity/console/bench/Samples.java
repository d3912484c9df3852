package org.iqracity.console.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latencies of one measurement, in nanoseconds, summarised as nearest-rank percentiles in milliseconds. */
final class Samples {
    private long[] nanos = new long[64];
    private int size;

    synchronized void add(long elapsedNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = elapsedNanos;
    }

    synchronized int size() {
        return size;
    }

    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.clamp(rank - 1, 0, size - 1)] / 1e6;
    }

    double p50() {
        return percentileMillis(50);
    }

    double p95() {
        return percentileMillis(95);
    }

    double max() {
        return percentileMillis(100);
    }

    /** e.g. {@code 4.1 (p50 3.2, n=300)}. */
    String describe() {
        return String.format(Locale.ROOT, "%.1f (p50 %.1f, n=%d)", p95(), p50(), size());
    }
}
