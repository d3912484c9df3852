package org.iqracity.console.ui.insights;

/** The charts of the insights screen, each saved on its own as a picture or as its data. */
public enum InsightChart {
    ENROLLMENTS("enrollments-by-month"),
    ACTIVE("active-learners-by-week"),
    FUNNEL("completion-funnel"),
    PROGRESS("progress"),
    GRADES("grades"),
    COUNTRIES("learners-by-country"),
    EDUCATION("learners-by-education");

    private final String fileStem;

    InsightChart(String fileStem) {
        this.fileStem = fileStem;
    }

    /** The start of a file name for this chart, before the course's number and the extension. */
    public String fileStem() {
        return fileStem;
    }

    /** The resource-bundle key of the chart's title. */
    public String titleKey() {
        return "insights.chart." + name();
    }
}
