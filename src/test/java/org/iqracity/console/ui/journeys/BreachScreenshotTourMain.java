package org.iqracity.console.ui.journeys;

/**
 * Plain entry point for {@link BreachScreenshotTour}: a main class extending Application cannot start from the class
 * path.
 */
public final class BreachScreenshotTourMain {
    private BreachScreenshotTourMain() {
    }

    public static void main(String[] args) throws Exception {
        BreachScreenshotTour.main(args);
    }
}
