package org.iqracity.console.ui.common;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.MaskerPane;

/**
 * A designed empty, loading or error state: icon, a title, a sentence and maybe one action. Never blank. While
 * loading, ControlsFX's {@link MaskerPane} covers the place with its spinner and what is being loaded.
 */
public class StatePane extends VBox {

    private final Label icon = new Label();
    private final Label title = new Label();
    private final Label text = new Label();
    private final Button action = new Button();
    private final MaskerPane masker = new MaskerPane();

    public StatePane() {
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
        text.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        masker.setId("loadingMask");
        masker.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        VBox.setVgrow(masker, Priority.ALWAYS);
        action.getStyleClass().add(Styles.ACCENT);
        getChildren().addAll(masker, icon, title, text, action);
    }

    public StatePane loading(String message) {
        masker.setText(message);
        return show(null, null, null, null, null, true);
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
        masker.setVisible(busy);
        masker.setManaged(busy);
        // The mask covers the whole place; a message sits in the middle at its own width.
        setFillWidth(busy);
        title.setVisible(!busy);
        title.setManaged(!busy);
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
