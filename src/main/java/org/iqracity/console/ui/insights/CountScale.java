package org.iqracity.console.ui.insights;

import javafx.scene.chart.NumberAxis;

/**
 * A count axis from zero to a round number a little above the largest count, in whole steps of 1, 2, 2.5 or 5 times a
 * power of ten: the highest point keeps room above it (JavaFX's own range ends at the largest value, where a peak's
 * symbol is cut by the plot's edge), and every tick is a whole number of learners.
 */
record CountScale(long upper, long step) {
    /** Room kept above the largest count, as a share of it. */
    private static final double HEADROOM = 0.05;
    private static final int TARGET_STEPS = 7;

    static CountScale of(long largest) {
        long max = Math.max(0, largest);
        double wanted = Math.max(1, max * (1 + HEADROOM) / TARGET_STEPS);
        long magnitude = (long) Math.pow(10, Math.floor(Math.log10(wanted)));
        long step = 0;
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            double candidate = factor * magnitude;
            if (candidate >= wanted && candidate == Math.rint(candidate)) {
                step = (long) candidate;
                break;
            }
        }
        long upper = step * (long) Math.ceil(Math.max(1, max * (1 + HEADROOM)) / step);
        if (upper <= max) {
            upper += step;
        }
        if (step == 1) {
            upper = Math.max(upper, 5); // a course of few learners still gets an axis of five steps, not one
        }
        return new CountScale(upper, step);
    }

    void applyTo(NumberAxis axis) {
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setUpperBound(upper);
        axis.setTickUnit(step);
    }
}
