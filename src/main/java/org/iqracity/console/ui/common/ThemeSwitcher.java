package org.iqracity.console.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** Applies PrimerLight or PrimerDark: the person's choice, or the desktop's preference when they made none. */
public final class ThemeSwitcher {

    private final AppState app;
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper();

    public ThemeSwitcher(AppState app) {
        this.app = app;
        app.themeProperty().addListener((obs, old, mode) -> apply());
        Platform.getPreferences().colorSchemeProperty().addListener((obs, old, scheme) -> apply());
        apply();
    }

    private void apply() {
        boolean useDark = switch (app.themeProperty().get()) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
        };
        Application.setUserAgentStylesheet(useDark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        dark.set(useDark);
    }

    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }
}
