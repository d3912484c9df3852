package org.iqracity.console.ui.journeys;

/** Plain entry point: a main class extending Application cannot start from the class path. */
public final class ScreenshotTourMain {
    private ScreenshotTourMain() {
    }

    public static void main(String[] args) throws Exception {
        ScreenshotTour.main(args);
    }
}
