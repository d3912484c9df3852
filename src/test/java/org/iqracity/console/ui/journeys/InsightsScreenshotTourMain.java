package org.iqracity.console.ui.journeys;

/**
 * Plain entry point for {@link InsightsScreenshotTour}: a main class extending Application cannot start from the class
 * path.
 */
public final class InsightsScreenshotTourMain {
    private InsightsScreenshotTourMain() {
    }

    public static void main(String[] args) throws Exception {
        InsightsScreenshotTour.main(args);
    }
}
