package org.iqracity.console.ui.common;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one handler for failures nobody caught: logs the detail, shows the person a plain sentence, never a trace. */
public final class UncaughtFailures {

    private static final Logger LOGGER = LoggerFactory.getLogger(UncaughtFailures.class);

    private UncaughtFailures() {
    }

    public static void install(Messages messages) {
        AtomicBoolean showing = new AtomicBoolean();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            LOGGER.error("unexpected failure on {}", thread.getName(), e);
            if (showing.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    Alert alert = new Alert(Alert.AlertType.ERROR, messages.get("error.unexpected.hint"),
                            ButtonType.OK);
                    alert.setHeaderText(messages.get("error.unexpected.text"));
                    alert.setTitle(messages.get("app.title"));
                    alert.showAndWait();
                    showing.set(false);
                });
            }
        });
    }
}
