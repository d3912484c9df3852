package org.iqracity.console.ui.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * A short notice in the window's bottom right corner, ControlsFX's {@link Notifications}: work that ran in the
 * background is done, whatever screen the person went on to. It goes by itself after a while, or on its close button.
 */
public final class Notices {

    /**
     * Style class of the console's notices, beside ControlsFX's own {@code notification-bar} that console.css styles.
     */
    public static final String STYLE = "console-notice";
    private static final Duration SHOWN_FOR = Duration.seconds(8);

    private Notices() {
    }

    /** Tells of finished work; {@code anchor} is any node in the window it belongs to (nothing shows without one). */
    public static void done(Node anchor, String title, String text) {
        if (anchor.getScene() == null || anchor.getScene().getWindow() == null) {
            return;
        }
        Notifications.create()
                .owner(anchor.getScene().getWindow())
                .title(title)
                .text(text)
                .graphic(Icons.of(AppIcon.CHECK, 28))
                .styleClass(STYLE)
                // Above the status bar: the top right corner holds Sign out, which a notice must not cover.
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(SHOWN_FOR)
                .show();
        keepEscapeForTheWindow();
    }

    /**
     * A popup takes the window's Escape to hide itself; a notice in the corner is not what a person means Escape for
     * (clearing a search, closing a detail), so its popups leave that key to the window. They go by themselves or on
     * their close button.
     */
    private static void keepEscapeForTheWindow() {
        for (Window window : Window.getWindows()) {
            if (window instanceof PopupWindow popup && popup.getScene() != null
                    && !popup.getScene().getRoot().lookupAll("." + STYLE).isEmpty()) {
                popup.setHideOnEscape(false);
            }
        }
    }
}
