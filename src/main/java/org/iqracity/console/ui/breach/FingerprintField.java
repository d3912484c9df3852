package org.iqracity.console.ui.breach;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Messages;

/**
 * A fingerprint on one line in its short form ("3f2a 91bc 07de 55a1"), monospace, selectable like text but not
 * editable, with the full value in its tooltip and a menu entry that copies it.
 */
final class FingerprintField extends TextField {

    private final Messages messages;
    private String full = "";

    FingerprintField(String id, Messages messages) {
        this.messages = messages;
        setId(id);
        setEditable(false);
        getStyleClass().add(Css.FINGERPRINT);
        // Reads as a value, not as a box to type in.
        setStyle("-fx-background-color: transparent; -fx-background-insets: 0; -fx-border-color: transparent; "
                + "-fx-padding: 2px 0; -fx-font-size: 1.1em;");
        setPrefColumnCount(21);
        setMaxWidth(Region.USE_PREF_SIZE);
        setMinWidth(Region.USE_PREF_SIZE);
        MenuItem copy = new MenuItem(messages.get("breach.fingerprint.copy"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(full);
            Clipboard.getSystemClipboard().setContent(content);
        });
        setContextMenu(new ContextMenu(copy));
    }

    void show(String fingerprint) {
        full = fingerprint == null ? "" : fingerprint;
        setText(BreachFormat.shortFingerprint(full));
        setTooltip(full.isEmpty() ? null : new Tooltip(messages.format("breach.fingerprint.full", full)));
    }

    /** The whole fingerprint, as the platform names it. */
    String full() {
        return full;
    }
}
