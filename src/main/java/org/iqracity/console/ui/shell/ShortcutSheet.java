package org.iqracity.console.ui.shell;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;

/** Every keyboard shortcut of the shell, over the window on F1 or Ctrl+/ until Escape, Close or the key again. */
final class ShortcutSheet extends StackPane {

    private final Button close;

    ShortcutSheet(Messages messages, List<Destination> destinations) {
        setId("shortcutSheet");
        getStyleClass().add(Css.SHEET_SCRIM);
        GridPane keys = new GridPane();
        keys.setHgap(18);
        keys.setVgap(8);
        int row = 0;
        for (int i = 0; i < destinations.size(); i++) {
            add(keys, row++, messages.format("nav.shortcut", i + 1),
                    messages.format("shortcuts.go", messages.get(destinations.get(i).titleKey())));
        }
        add(keys, row++, "Ctrl+F", messages.get("shortcuts.search"));
        add(keys, row++, "Esc", messages.get("shortcuts.escape"));
        add(keys, row++, "Ctrl+S", messages.get("shortcuts.save"));
        add(keys, row++, "Tab", messages.get("shortcuts.tab"));
        add(keys, row, "F1, Ctrl+/", messages.get("shortcuts.sheet"));

        Label title = new Label(messages.get("shortcuts.title"), Icons.of(AppIcon.KEYBOARD, 20));
        title.getStyleClass().addAll(Css.SECTION_CARD_TITLE, Styles.TITLE_3);
        close = new Button(messages.get("shortcuts.close"));
        close.setId("closeShortcuts");
        close.setCancelButton(false);
        close.setOnAction(e -> hide());
        VBox card = new VBox(14, title, keys, close);
        card.setId("shortcutCard");
        card.getStyleClass().addAll(Css.DIALOG, Css.POPUP_CARD);
        card.setAlignment(Pos.TOP_LEFT);
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        getChildren().add(card);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                hide();
                e.consume();
            }
        });
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) {
                hide();
            }
        });
        setVisible(false);
    }

    private static void add(GridPane grid, int row, String key, String what) {
        Label chord = new Label(key);
        chord.getStyleClass().add(Css.KEY_CHORD);
        chord.setMinWidth(Region.USE_PREF_SIZE);
        Label words = new Label(what);
        words.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(chord, 0, row);
        grid.add(words, 1, row);
    }

    void toggle() {
        if (isVisible()) {
            hide();
        } else {
            setVisible(true);
            close.requestFocus();
        }
    }

    void hide() {
        setVisible(false);
    }
}
