package org.iqracity.console.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics of a set of samples, in milliseconds. */
record BenchStats(double[] sorted) {

    static BenchStats ofMillis(List<Double> samples) {
        double[] values = samples.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(values);
        return new BenchStats(values);
    }

    int n() {
        return sorted.length;
    }

    /** Nearest-rank percentile: the smallest sample with at least {@code p} percent of samples at or below it. */
    double percentile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    double median() {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    String summary() {
        return String.format("p50 %.1f, p95 %.1f, max %.1f, n=%d", median(), percentile(95), max(), n());
    }
}
