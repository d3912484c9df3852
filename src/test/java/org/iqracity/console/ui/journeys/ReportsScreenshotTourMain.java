package org.iqracity.console.ui.journeys;

/**
 * Plain entry point for {@link ReportsScreenshotTour}: a main class extending Application cannot start from the class
 * path.
 */
public final class ReportsScreenshotTourMain {
    private ReportsScreenshotTourMain() {
    }

    public static void main(String[] args) throws Exception {
        ReportsScreenshotTour.main(args);
    }
}
