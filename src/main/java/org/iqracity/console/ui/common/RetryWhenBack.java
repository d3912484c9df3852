package org.iqracity.console.ui.common;

import java.util.function.BooleanSupplier;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;

/**
 * Loads a screen again when the platform answers again, if what it shows is the failure of its last load: a screen
 * that said "the platform cannot be reached" shows its content once it can, and a screen whose load met the end of
 * the session shows its content once the person signed in again, without a click. Held by the screen's
 * ViewModel; the application state holds only a weak reference, so a closed screen is not kept alive by it.
 */
public final class RetryWhenBack {
    private final InvalidationListener listener;

    public RetryWhenBack(AppState app, BooleanSupplier failed, Runnable load) {
        this.listener = obs -> {
            if (app.connectionProperty().get() == ConnectionState.ONLINE && !app.signInAgainNeededProperty().get()
                    && failed.getAsBoolean()) {
                load.run();
            }
        };
        app.connectionProperty().addListener(new WeakInvalidationListener(listener));
        // Signing in again leaves the connection as it was (online): the end of the ask is the moment to load.
        app.signInAgainNeededProperty().addListener(new WeakInvalidationListener(listener));
    }
}
