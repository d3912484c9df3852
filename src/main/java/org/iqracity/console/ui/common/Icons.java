package org.iqracity.console.ui.common;

import org.kordamp.ikonli.javafx.FontIcon;

/** Makes the icon nodes views show; sizes in pixels. */
public final class Icons {

    private Icons() {
    }

    public static FontIcon of(AppIcon icon) {
        return new FontIcon(icon.ikon());
    }

    public static FontIcon of(AppIcon icon, int size) {
        FontIcon node = new FontIcon(icon.ikon());
        node.setIconSize(size);
        return node;
    }
}
