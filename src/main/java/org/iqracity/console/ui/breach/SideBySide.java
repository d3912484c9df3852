package org.iqracity.console.ui.breach;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * A step's form with its side card (the counts, the preview) to its right while there is room for both, and under it
 * when the window is narrow: nothing is cut off and nothing scrolls sideways. The form takes the width the card
 * leaves; the card keeps its preferred width.
 */
class SideBySide extends Pane {

    private final double gap;
    private final double narrowest;
    private final boolean fullHeightSide;
    /** A step fills the width with its form; a row of fields keeps each part at its own width. */
    private final boolean fill;
    private Node main;
    private Node side;

    /** @param narrowest the least width the form needs beside the card; below it, the card goes under the form */
    SideBySide(double gap, double narrowest) {
        this(gap, narrowest, false);
    }

    /** @param fullHeightSide side by side, the card is as tall as the form (a preview), not as its content */
    SideBySide(double gap, double narrowest, boolean fullHeightSide) {
        this(gap, narrowest, fullHeightSide, true);
    }

    private SideBySide(double gap, double narrowest, boolean fullHeightSide, boolean fill) {
        this.gap = gap;
        this.narrowest = narrowest;
        this.fullHeightSide = fullHeightSide;
        this.fill = fill;
    }

    /** Two parts of a row of fields (a start and an end date) on one line where they fit, else one under the other. */
    static SideBySide row(double gap, Node first, Node second) {
        SideBySide row = new SideBySide(gap, 0, false, false);
        row.set(first, second);
        return row;
    }

    void set(Node main, Node side) {
        this.main = main;
        this.side = side;
        getChildren().setAll(main, side);
    }

    private boolean wide(double width) {
        return width - sideWidth() - gap >= (fill ? narrowest : main.prefWidth(-1));
    }

    private double sideWidth() {
        return Math.max(side.minWidth(-1), side.prefWidth(-1));
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + Math.max(main.minWidth(-1), side.minWidth(-1));
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + main.prefWidth(-1) + gap + sideWidth();
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = (width < 0 ? computePrefWidth(-1) : width) - snappedLeftInset() - snappedRightInset();
        double h;
        if (wide(inner)) {
            h = Math.max(main.prefHeight(inner - sideWidth() - gap), side.prefHeight(sideWidth()));
        } else {
            h = main.prefHeight(inner) + gap + side.prefHeight(Math.min(inner, sideWidth()));
        }
        return snappedTopInset() + snappedBottomInset() + h;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double h = getHeight() - y - snappedBottomInset();
        if (wide(w)) {
            double sw = sideWidth();
            double mw = fill ? w - sw - gap : main.prefWidth(-1);
            double mh = fill ? Math.max(h, main.prefHeight(mw)) : main.prefHeight(mw);
            main.resizeRelocate(x, y, mw, mh);
            side.resizeRelocate(x + mw + gap, y, sw, fullHeightSide ? mh : side.prefHeight(sw));
        } else {
            double mw = fill ? w : Math.min(w, main.prefWidth(-1));
            double mh = main.prefHeight(mw);
            main.resizeRelocate(x, y, mw, mh);
            double sw = Math.min(w, sideWidth());
            side.resizeRelocate(x, y + mh + gap, sw, side.prefHeight(sw));
        }
    }
}
