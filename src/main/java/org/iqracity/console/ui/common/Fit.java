package org.iqracity.console.ui.common;

import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;

/**
 * Controls that keep their words whole when the window narrows: a box lays them out at the width their text needs and
 * takes the room from what can give it (a text field, a wrapping label), instead of cutting "Save" to "...".
 */
public final class Fit {

    private Fit() {
    }

    /** Never narrower than its text and icon. */
    public static <T extends Labeled> T whole(T control) {
        control.setMinWidth(Region.USE_PREF_SIZE);
        return control;
    }

    /**
     * Text that may be long (a course's title and id, a date and a name): it wraps to further lines rather than being
     * cut, and its height follows. Underscores are shown as they are, never taken as keyboard shortcuts.
     */
    public static <T extends Labeled> T wrapping(T control) {
        control.setWrapText(true);
        control.setMnemonicParsing(false);
        control.setMinHeight(Region.USE_PREF_SIZE);
        control.setMinWidth(0);
        return control;
    }
}
