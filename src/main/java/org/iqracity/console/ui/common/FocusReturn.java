package org.iqracity.console.ui.common;

import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * A list that a screen hides while its rows load again (a search cleared, a filter changed) would lose the focus to the
 * window's next control: a hidden node cannot keep it, so a person at the keyboard would find the focus in the header.
 * This gives the focus back to the list when it shows again, unless the person put it elsewhere on the screen
 * meanwhile.
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
            owed |= holds(list, scene.getFocusOwner());
        } else if (owed) {
            owed = false;
            Node owner = scene.getFocusOwner();
            if (!holds(screen, owner) || !shown(owner)) {
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
