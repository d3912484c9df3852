package org.iqracity.console.ui.common;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.controlsfx.control.MaskerPane;

/**
 * A designed empty, loading or error state: icon, a title, a sentence and maybe one action. Never blank. While a
 * screen loads, ControlsFX's {@link MaskerPane} covers its place with a spinner and what is being loaded; a pane that
 * reloads at every step of the arrow keys (a learner's detail) shows a small spinner instead ({@link #small()}).
 */
public class StatePane extends VBox {

    private final Label icon = new Label();
    private final Label title = new Label();
    private final Label text = new Label();
    private final Button action = new Button();
    private final MaskerPane masker = new MaskerPane();
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final boolean masked;

    /** A screen's state: loading is shown by a MaskerPane over the place. */
    public StatePane() {
        this(true);
    }

    /** A pane's state that changes often: loading is a small spinner over its title. */
    public static StatePane small() {
        return new StatePane(false);
    }

    private StatePane(boolean masked) {
        this.masked = masked;
        getStyleClass().add(Css.STATE_PANE);
        setAlignment(Pos.CENTER);
        setSpacing(10);
        setFillWidth(false);
        icon.getStyleClass().add(Css.STATE_ICON);
        title.getStyleClass().add(Css.STATE_TITLE);
        text.getStyleClass().add(Css.STATE_TEXT);
        text.setWrapText(true);
        text.setMaxWidth(420);
        text.setAlignment(Pos.CENTER);
        text.setTextAlignment(TextAlignment.CENTER);
        masker.setId("loadingMask");
        // A mask says "loading"; it is nothing to act on, and Tab must not stop on it.
        masker.setFocusTraversable(false);
        masker.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        VBox.setVgrow(masker, Priority.ALWAYS);
        spinner.setPrefSize(36, 36);
        action.getStyleClass().add(Styles.ACCENT);
        getChildren().addAll(masker, spinner, icon, title, text, action);
    }

    public StatePane loading(String message) {
        masker.setText(message);
        return show(null, masked ? null : message, null, null, null, true);
    }

    public StatePane message(AppIcon glyph, String heading, String sentence) {
        return show(glyph, heading, sentence, null, null, false);
    }

    public StatePane error(String heading, UserMessage problem, String actionText, Runnable onAction) {
        String sentence = problem == null ? "" : problem.text() + " " + problem.hint();
        return show(AppIcon.ERROR, heading, sentence, actionText, onAction, false);
    }

    private StatePane show(AppIcon glyph, String heading, String sentence, String actionText, Runnable onAction,
                           boolean busy) {
        boolean mask = busy && masked;
        masker.setVisible(mask);
        masker.setManaged(mask);
        spinner.setVisible(busy && !masked);
        spinner.setManaged(busy && !masked);
        // The mask covers the whole place; a message sits in the middle at its own width.
        setFillWidth(mask);
        title.setVisible(!mask);
        title.setManaged(!mask);
        icon.setGraphic(glyph == null ? null : Icons.of(glyph, 48));
        icon.setVisible(glyph != null);
        icon.setManaged(glyph != null);
        title.setText(heading);
        text.setText(sentence == null ? "" : sentence);
        text.setVisible(sentence != null && !sentence.isBlank());
        text.setManaged(text.isVisible());
        action.setText(actionText);
        action.setOnAction(e -> {
            if (onAction != null) {
                onAction.run();
            }
        });
        action.setVisible(actionText != null);
        action.setManaged(actionText != null);
        return this;
    }
}
