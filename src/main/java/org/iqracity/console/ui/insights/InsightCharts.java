package org.iqracity.console.ui.insights;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.iqracity.console.api.insights.CourseInsightsDto;
import org.iqracity.console.api.insights.InsightCell;
import org.iqracity.console.api.insights.InsightSeries;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Messages;

/**
 * Builds each insight as a JavaFX chart styled by the theme. A suppressed count is never drawn as a value: a bar
 * gets a hatched mark on the zero line, and a line is broken where its point is withheld.
 */
final class InsightCharts {

    /** The widest month label ("May 26") and week label ("19 Jan 26") with room on each side, in pixels. */
    private static final double MONTH_LABEL_WIDTH = 58;
    private static final double WEEK_LABEL_WIDTH = 84;

    /** What one chart shows: the chart, its legend if it has one, and how many counts were withheld. */
    record Built(Node chart, Node legend, int withheld) {
    }

    private final Messages messages;
    private final InsightWords words;

    InsightCharts(Messages messages, InsightWords words) {
        this.messages = messages;
        this.words = words;
    }

    Built build(InsightChart chart, CourseInsightsDto dto) {
        return switch (chart) {
            case ENROLLMENTS -> enrollments(dto.enrollmentsByMonth());
            case ACTIVE -> active(dto.activeByWeek());
            case FUNNEL -> bars(dto.funnel(), words::stage, false);
            case PROGRESS -> axis(bars(dto.progress(), InsightWords::range, false), "insights.axis.progress");
            case GRADES -> axis(bars(dto.grades(), InsightWords::range, false), "insights.axis.grade");
            case COUNTRIES -> bars(byCount(dto.countries()), words::country, true);
            case EDUCATION -> bars(dto.education(), words::education, true);
        };
    }

    /** Names the category axis of a bar chart: "Progress (%)" under buckets that say only "50–60". */
    private Built axis(Built built, String key) {
        if (built.chart() instanceof XYChart<?, ?> chart) {
            chart.getXAxis().setLabel(messages.get(key));
        }
        return built;
    }

    /**
     * Shown counts largest first, then the withheld ones, then "not stated": where a hidden count sits tells nothing.
     */
    private static List<InsightCell> byCount(List<InsightCell> cells) {
        return cells.stream().sorted(Comparator
                .comparing((InsightCell c) -> CourseInsightsDto.NOT_STATED.equals(c.key()))
                .thenComparing(InsightCell::suppressed)
                .thenComparing(c -> c.suppressed() ? 0 : -c.count())
                .thenComparing(InsightCell::key)).toList();
    }

    private Built bars(List<InsightCell> cells, Function<String, String> label, boolean horizontal) {
        CategoryAxis categories = new CategoryAxis();
        NumberAxis counts = new NumberAxis();
        counts.setLabel(messages.get("insights.axis.learners"));
        counts.setTickLabelFormatter(integers());
        counts.setMinorTickVisible(false);
        CountScale.of(largestShown(cells))
                .applyTo(counts);
        MarkedCharts.Bars<?, ?> chart;
        XYChart.Series<Object, Object> series = new XYChart.Series<>();
        List<Object[]> points = new ArrayList<>();
        // a horizontal chart lists its categories from the bottom up: reversed, the first reads at the top
        List<InsightCell> ordered = horizontal ? reversed(cells) : cells;
        for (InsightCell c : ordered) {
            String name = label.apply(c.key());
            Number value = c.suppressed() ? 0 : c.count();
            points.add(new Object[] {name, value, c});
            series.getData().add(horizontal ? new XYChart.Data<>(value, name) : new XYChart.Data<>(name, value));
        }
        if (horizontal) {
            chart = new MarkedCharts.Bars<>(counts, categories);
        } else {
            chart = new MarkedCharts.Bars<>(categories, counts);
        }
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setCategoryGap(horizontal ? 4 : 8);
        @SuppressWarnings("unchecked")
        XYChart<Object, Object> plain = (XYChart<Object, Object>) (XYChart<?, ?>) chart;
        plain.getData().add(series);
        int withheld = 0;
        for (int i = 0; i < points.size(); i++) {
            String name = (String) points.get(i)[0];
            InsightCell c = (InsightCell) points.get(i)[2];
            if (c.suppressed()) {
                withheld++;
                chart.marks().mark(name, horizontal ? words.suppressed() : "",
                        name + ": " + messages.get("insights.suppressed.tooltip"));
            } else {
                tooltip(series.getData().get(i).getNode(), name + ": " + words.count(c));
            }
        }
        chart.showMarks();
        if (horizontal) {
            chart.setPrefHeight(Math.max(240, 26 * cells.size() + 80));
        }
        return new Built(chart, null, withheld);
    }

    private static long largestShown(List<InsightCell> cells) {
        return cells.stream().filter(c -> !c.suppressed() && c.count() != null).mapToLong(InsightCell::count).max()
                .orElse(0);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    /** One line per mode, month by month; a withheld month breaks the line and is marked on the zero line. */
    private Built enrollments(List<InsightSeries> modes) {
        List<YearMonth> months = modes.isEmpty() ? List.of()
                : modes.getFirst().cells().stream().map(c -> YearMonth.parse(c.key())).toList();
        NumberAxis x = timeAxis(months.isEmpty() ? 0 : index(months.getFirst()),
                months.isEmpty() ? 1 : index(months.getLast()), 1, v -> {
                    long m = Math.round(v);
                    return DateTimeFormatter.ofPattern("MMM yy", messages.locale())
                            .format(YearMonth.of((int) Math.floorDiv(m, 12), (int) Math.floorMod(m, 12) + 1));
                });
        fitTicks(x, months.size(), 1, MONTH_LABEL_WIDTH);
        x.setLabel(messages.get("insights.axis.month"));
        MarkedCharts.Lines<Number, Number> chart = new MarkedCharts.Lines<>(x,
                countAxis(modes.stream().flatMap(mode -> mode.cells().stream()).toList()));
        FlowPane legend = new FlowPane(14, 4);
        legend.getStyleClass().add(Css.INSIGHT_LEGEND);
        int withheld = 0;
        List<List<XYChart.Series<Number, Number>>> runsByMode = new ArrayList<>();
        for (int m = 0; m < modes.size(); m++) {
            InsightSeries mode = modes.get(m);
            String name = words.mode(mode.name());
            List<XYChart.Series<Number, Number>> segments = segments(mode.cells(),
                    c -> (double) index(YearMonth.parse(c.key())), name, words::month);
            runsByMode.add(segments);
            for (InsightCell c : mode.cells()) {
                if (c.suppressed()) {
                    withheld++;
                    chart.marks().mark((double) index(YearMonth.parse(c.key())), "",
                            name + ", " + words.month(c.key()) + ": " + messages.get("insights.suppressed.tooltip"));
                }
            }
            Region swatch = new Region();
            swatch.getStyleClass().addAll(Css.INSIGHT_SWATCH, Css.INSIGHT_COLOR + m);
            Label entry = new Label(name, swatch);
            legend.getChildren().add(entry);
        }
        // all runs at once, then their colours: adding series makes the chart restyle every series by its index
        runsByMode.forEach(chart.getData()::addAll);
        for (int m = 0; m < runsByMode.size(); m++) {
            color(runsByMode.get(m), m);
        }
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.showMarks();
        return new Built(chart, legend, withheld);
    }

    /** Active learners week by week, as an area; withheld weeks break it. */
    private Built active(List<InsightCell> weeks) {
        long first = weeks.isEmpty() ? 0 : LocalDate.parse(weeks.getFirst().key()).toEpochDay();
        long last = weeks.isEmpty() ? 7 : LocalDate.parse(weeks.getLast().key()).toEpochDay();
        long weeksShown = (last - first) / 7 + 1;
        NumberAxis x = timeAxis(first, last, 7, v -> DateTimeFormatter.ofPattern("d MMM yy", messages.locale())
                .format(LocalDate.ofEpochDay(Math.round(v))));
        fitTicks(x, weeksShown, 7, WEEK_LABEL_WIDTH);
        x.setLabel(messages.get("insights.axis.week"));
        MarkedCharts.Areas<Number, Number> chart = new MarkedCharts.Areas<>(x, countAxis(weeks));
        List<XYChart.Series<Number, Number>> segments = segments(weeks,
                c -> (double) LocalDate.parse(c.key()).toEpochDay(), messages.get(InsightChart.ACTIVE.titleKey()),
                words::week);
        chart.setCreateSymbols(false);
        chart.getData().addAll(segments);
        color(segments, 0);
        int withheld = 0;
        for (InsightCell c : weeks) {
            if (c.suppressed()) {
                withheld++;
                chart.marks().mark((double) LocalDate.parse(c.key()).toEpochDay(), "",
                        words.week(c.key()) + ": " + messages.get("insights.suppressed.tooltip"));
            }
        }
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.showMarks();
        return new Built(chart, null, withheld);
    }

    /** Runs of shown cells: a line is drawn through shown counts only, never across a withheld one. */
    private List<XYChart.Series<Number, Number>> segments(List<InsightCell> cells, Function<InsightCell, Double> x,
                                                          String name, Function<String, String> when) {
        List<XYChart.Series<Number, Number>> runs = new ArrayList<>();
        XYChart.Series<Number, Number> run = null;
        for (InsightCell c : cells) {
            if (c.suppressed()) {
                run = null;
                continue;
            }
            if (run == null) {
                run = new XYChart.Series<>();
                run.setName(name);
                runs.add(run);
            }
            XYChart.Data<Number, Number> point = new XYChart.Data<>(x.apply(c), c.count());
            point.setExtraValue(name + ", " + when.apply(c.key()) + ": " + words.count(c));
            run.getData().add(point);
        }
        return runs;
    }

    /** All runs of one series in one colour of the theme's chart palette, whatever their index in the chart. */
    private static void color(List<XYChart.Series<Number, Number>> runs, int index) {
        String style = Css.INSIGHT_COLOR + index;
        for (XYChart.Series<Number, Number> run : runs) {
            Node node = run.getNode();
            if (node instanceof Group group) {
                group.getChildren().forEach(n -> n.getStyleClass().add(style));
            } else if (node != null) {
                node.getStyleClass().add(style);
            }
            for (XYChart.Data<Number, Number> point : run.getData()) {
                if (point.getNode() != null) {
                    point.getNode().getStyleClass().add(style);
                    tooltip(point.getNode(), String.valueOf(point.getExtraValue()));
                }
            }
        }
    }

    private static void tooltip(Node node, String text) {
        if (node != null) {
            Tooltip tip = new Tooltip(text);
            tip.setShowDelay(Duration.millis(150));
            Tooltip.install(node, tip);
        }
    }

    private NumberAxis countAxis(List<InsightCell> cells) {
        NumberAxis y = new NumberAxis();
        y.setLabel(messages.get("insights.axis.learners"));
        y.setTickLabelFormatter(integers());
        y.setMinorTickVisible(false);
        CountScale.of(largestShown(cells))
                .applyTo(y);
        return y;
    }

    /**
     * A tick every {@code unit}, or every few where the axis is too narrow for each label to stand apart: a label is
     * never drawn over its neighbour, whatever the window's width.
     */
    private static void fitTicks(NumberAxis x, long shown, double unit, double labelWidth) {
        double first = x.getLowerBound() + unit;
        double last = x.getUpperBound() - unit;
        Runnable fit = () -> {
            double width = x.getWidth() > 0 ? x.getWidth() : 400;
            long every = Math.max(1, (long) Math.ceil((shown + 2) * labelWidth / width));
            x.setTickUnit(unit * every);
            x.setLowerBound(first - unit * every);
            x.setUpperBound(last + unit * every);
        };
        fit.run();
        x.widthProperty().addListener((obs, old, now) -> fit.run());
    }

    private static NumberAxis timeAxis(double lower, double upper, double unit, Function<Double, String> label) {
        NumberAxis x = new NumberAxis(lower - unit, upper + unit, unit);
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return value.doubleValue() < lower - 0.01 || value.doubleValue() > upper + 0.01 ? ""
                        : label.apply(value.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        return x;
    }

    private StringConverter<Number> integers() {
        return new StringConverter<>() {
            @Override
            public String toString(Number value) {
                double v = value.doubleValue();
                return v == Math.rint(v) ? String.format(messages.locale(), "%,d", (long) v) : "";
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        };
    }

    private static long index(YearMonth month) {
        return month.getYear() * 12L + month.getMonthValue() - 1;
    }
}
