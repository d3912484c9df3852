package org.iqracity.console.api.insights;

import java.util.List;

/** A named run of cells, such as one enrollment mode's enrollments month by month. */
public record InsightSeries(String name, List<InsightCell> cells) {

    public InsightSeries {
        cells = List.copyOf(cells);
    }
}
