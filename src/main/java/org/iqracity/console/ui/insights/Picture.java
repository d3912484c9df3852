package org.iqracity.console.ui.insights;

/**
 * What a chart looked like, as pixels the View took from it (ARGB, row by row): the ViewModel writes it as PNG
 * without touching the scene graph.
 */
public record Picture(int width, int height, int[] argb) {

    public Picture {
        if (width <= 0 || height <= 0 || argb.length != width * height) {
            throw new IllegalArgumentException("a picture needs width x height pixels");
        }
    }
}
