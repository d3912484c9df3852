package org.iqracity.console.ui.insights;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.iqracity.console.ui.common.Css;

/**
 * Where a chart had a suppressed count (R11): a hatched mark on the zero line instead of a bar or a point, with a
 * tooltip that says why. It has no height of its own to read a number from.
 */
final class Marks {
    private final Map<Object, Label> marks = new LinkedHashMap<>();

    /** Marks {@code at} (a category, or an x value); {@code text} may be empty where the mark is narrow. */
    Label mark(Object at, String text, String tooltip) {
        Label same = marks.get(at);
        if (same != null) {
            // several series withheld at one place: one mark that names them all
            Tooltip tip = same.getTooltip();
            tip.setText(tip.getText() + "\n" + tooltip);
            return same;
        }
        Label label = new Label(text);
        label.getStyleClass().add(Css.INSIGHT_SUPPRESSED);
        label.setManaged(false);
        Tooltip tip = new Tooltip(tooltip);
        tip.setShowDelay(Duration.millis(200));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        label.setTooltip(tip);
        marks.put(at, label);
        return label;
    }

    List<Label> labels() {
        return List.copyOf(marks.values());
    }

    void clear() {
        marks.clear();
    }

    boolean isEmpty() {
        return marks.isEmpty();
    }

    /** Lays the marks on the chart's zero line, after the chart laid out its own plot. */
    @SuppressWarnings("unchecked")
    void layout(XYChart<?, ?> chart) {
        Axis<Object> x = (Axis<Object>) chart.getXAxis();
        Axis<Object> y = (Axis<Object>) chart.getYAxis();
        boolean horizontal = (Axis<?>) y instanceof CategoryAxis;
        for (Map.Entry<Object, Label> e : marks.entrySet()) {
            Label label = e.getValue();
            double w = Math.max(label.prefWidth(-1), 14);
            double h = Math.max(label.prefHeight(-1), 12);
            if (horizontal) {
                double at = y.getDisplayPosition(e.getKey());
                double zero = x.getDisplayPosition(zero(x));
                label.resizeRelocate(zero + 2, at - h / 2, w, h);
            } else {
                double at = x.getDisplayPosition(e.getKey());
                double zero = y.getDisplayPosition(zero(y));
                double width = (Axis<?>) x instanceof CategoryAxis c ? Math.max(w, c.getCategorySpacing() * 0.5) : w;
                label.resizeRelocate(at - width / 2, zero - h, width, h);
            }
        }
    }

    private static Object zero(Axis<Object> axis) {
        return (Axis<?>) axis instanceof CategoryAxis ? null : (Object) 0;
    }

    /** The plot's own nodes, for a chart that keeps its marks there. */
    static void sync(List<Node> plotChildren, List<Label> before, List<Label> now) {
        plotChildren.removeAll(before);
        plotChildren.addAll(now);
    }
}
