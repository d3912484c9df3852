package org.iqracity.console.ui.shell;

import java.util.Locale;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.StatePane;

/** What a screen that a later version brings shows now: said plainly, nothing faked. */
final class PlaceholderView extends StatePane {

    PlaceholderView(Destination destination, Messages messages) {
        getStyleClass().add(Css.PLACEHOLDER);
        setId("placeholder-" + destination.name().toLowerCase(Locale.ROOT));
        String title = messages.get(destination.titleKey());
        message(AppIcon.CONSTRUCTION, messages.format("placeholder.title", title), messages.get("placeholder.text"));
    }
}
