package org.iqracity.console.ui;

import java.util.Locale;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.iqracity.console.ui.common.Settings;

/** Remembers where the window was and how big, and puts it back only where a screen still shows it. */
final class WindowBounds {

    private final Stage stage;
    private final Settings settings;

    WindowBounds(Stage stage, Settings settings) {
        this.stage = stage;
        this.settings = settings;
    }

    void restore() {
        settings.get(Settings.WINDOW).ifPresent(text -> {
            String[] parts = text.split(",");
            if (parts.length != 5) {
                return;
            }
            try {
                double x = Double.parseDouble(parts[0]);
                double y = Double.parseDouble(parts[1]);
                double w = Double.parseDouble(parts[2]);
                double h = Double.parseDouble(parts[3]);
                boolean visible = Screen.getScreens().stream()
                        .anyMatch(s -> s.getVisualBounds().intersects(new Rectangle2D(x, y, w, h)));
                if (visible && w >= 400 && h >= 300) {
                    stage.setX(x);
                    stage.setY(y);
                    stage.setWidth(w);
                    stage.setHeight(h);
                }
                stage.setMaximized(Boolean.parseBoolean(parts[4]));
            } catch (NumberFormatException ignored) {
                // a damaged line is forgotten: the window opens at its default place
            }
        });
    }

    void remember() {
        if (Double.isNaN(stage.getX()) || stage.getWidth() <= 0) {
            return;
        }
        settings.put(Settings.WINDOW, String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%s", stage.getX(), stage.getY(),
                stage.getWidth(), stage.getHeight(), stage.isMaximized()));
    }
}
