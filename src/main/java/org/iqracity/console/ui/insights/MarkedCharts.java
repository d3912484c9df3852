package org.iqracity.console.ui.insights;

import java.util.List;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;

/** JavaFX's charts with room for the marks of suppressed counts in their plot (see {@link Marks}). */
final class MarkedCharts {
    private MarkedCharts() {
    }

    /** A chart that can mark where a count was withheld. */
    interface Marked {
        Marks marks();

        /** Puts the marks made since the last call into the plot, replacing the old ones. */
        void showMarks();
    }

    static final class Bars<X, Y> extends BarChart<X, Y> implements Marked {
        private final Marks marks = new Marks();
        private List<Label> shown = List.of();

        Bars(Axis<X> x, Axis<Y> y) {
            super(x, y);
        }

        @Override
        public Marks marks() {
            return marks;
        }

        @Override
        public void showMarks() {
            Marks.sync(getPlotChildren(), shown, shown = marks.labels());
            requestChartLayout();
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            marks.layout(this);
        }
    }

    static final class Lines<X, Y> extends LineChart<X, Y> implements Marked {
        private final Marks marks = new Marks();
        private List<Label> shown = List.of();

        Lines(Axis<X> x, Axis<Y> y) {
            super(x, y);
        }

        @Override
        public Marks marks() {
            return marks;
        }

        @Override
        public void showMarks() {
            Marks.sync(getPlotChildren(), shown, shown = marks.labels());
            requestChartLayout();
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            marks.layout(this);
        }
    }

    static final class Areas<X, Y> extends AreaChart<X, Y> implements Marked {
        private final Marks marks = new Marks();
        private List<Label> shown = List.of();

        Areas(Axis<X> x, Axis<Y> y) {
            super(x, y);
        }

        @Override
        public Marks marks() {
            return marks;
        }

        @Override
        public void showMarks() {
            Marks.sync(getPlotChildren(), shown, shown = marks.labels());
            requestChartLayout();
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            marks.layout(this);
        }
    }
}
