package org.iqracity.console.ui.common;

import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * A list that a screen hides while its rows load again (a search cleared, a filter changed) would lose the focus to the
 * window's next control: a hidden node cannot keep it, so a person at the keyboard would find the focus in the header.
 * The screen holds the focus meanwhile, and gives it back to the list when it shows again, unless the person put it
 * elsewhere on the screen.
 */
public final class FocusReturn {
    private final Node screen;
    private final Node list;
    private boolean owed;

    public FocusReturn(Node screen, Node list) {
        this.screen = screen;
        this.list = list;
    }

    /** Before the list is hidden (or shown): notes whether it has the focus, and gives it back once it shows. */
    public void listShown(boolean shown) {
        Scene scene = list.getScene();
        if (scene == null) {
            return;
        }
        if (!shown) {
            if (holds(list, scene.getFocusOwner())) {
                owed = true;
                // Meanwhile the screen holds it: its keys (Escape) still act while the rows load.
                screen.requestFocus();
            }
        } else if (owed) {
            owed = false;
            Node owner = scene.getFocusOwner();
            if (owner == screen || !holds(screen, owner) || !shown(owner)) {
                list.requestFocus();
            }
        }
    }

    /** The loading mask over the list may have taken the focus, and goes as the list shows. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(Node parent, Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == parent) {
                return true;
            }
        }
        return false;
    }
}
