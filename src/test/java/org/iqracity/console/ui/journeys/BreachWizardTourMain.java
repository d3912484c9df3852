package org.iqracity.console.ui.journeys;

/**
 * Plain entry point for {@link BreachWizardTour}: a main class extending Application cannot start from the class path.
 */
public final class BreachWizardTourMain {
    private BreachWizardTourMain() {
    }

    public static void main(String[] args) throws Exception {
        BreachWizardTour.main(args);
    }
}
