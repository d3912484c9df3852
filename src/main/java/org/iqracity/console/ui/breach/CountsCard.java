package org.iqracity.console.ui.breach;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.iqracity.console.api.breach.BreachPreviewDto;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;

/** Who the notice reaches and how, as the platform counts the saved scope: kept beside the steps that change it. */
final class CountsCard extends VBox {

    private final Messages messages;
    private final BreachFormat format;
    private final Label learners = new Label();
    private final GridPane grid = new GridPane();
    private final Label status = new Label();
    private final ProgressIndicator spinner = new ProgressIndicator();

    private final String countedKey;

    CountsCard(String id, ObservableValue<BreachPreviewDto> preview, ObservableValue<DraftViewModel.PreviewState> state,
               ObservableValue<String> error, Messages messages, BreachFormat format) {
        this(id, preview, state, error, messages, format, "breach.counts.saved");
    }

    /** @param countedKey what the counts are of, said under them */
    CountsCard(String id, ObservableValue<BreachPreviewDto> preview, ObservableValue<DraftViewModel.PreviewState> state,
               ObservableValue<String> error, Messages messages, BreachFormat format, String countedKey) {
        this.messages = messages;
        this.countedKey = countedKey;
        this.format = format;
        setId(id);
        getStyleClass().addAll(Css.SECTION_CARD, Css.COUNTS);
        Label title = new Label(messages.get("breach.counts.title"), Icons.of(AppIcon.PEOPLE));
        title.getStyleClass().add(Css.SECTION_CARD_TITLE);
        spinner.setPrefSize(16, 16);
        HBox head = new HBox(8, title, spinner);
        head.setAlignment(Pos.CENTER_LEFT);
        learners.setId(id + "Learners");
        learners.getStyleClass().add(Css.COUNT_VALUE);
        Label learnersLabel = new Label(messages.get("breach.counts.learners"));
        learnersLabel.getStyleClass().add(Css.COUNT_LABEL);
        grid.setHgap(12);
        grid.setVgap(4);
        status.setWrapText(true);
        status.getStyleClass().add(Css.HINT);
        getChildren().addAll(head, learners, learnersLabel, grid, status);
        setMinWidth(260);
        setPrefWidth(300);
        setMaxWidth(340);
        Runnable show = () -> show(preview.getValue(), state.getValue(), error.getValue());
        preview.addListener(x -> show.run());
        state.addListener(x -> show.run());
        error.addListener(x -> show.run());
        show.run();
    }

    private void show(BreachPreviewDto p, DraftViewModel.PreviewState state, String error) {
        boolean busy = state == DraftViewModel.PreviewState.LOADING;
        spinner.setVisible(busy);
        grid.getChildren().clear();
        if (p == null) {
            learners.setText("\u2014");
            status.setText(state == DraftViewModel.PreviewState.ERROR ? error
                    : messages.get(state == DraftViewModel.PreviewState.CHOOSE ? "breach.counts.choose"
                    : "breach.counts.none"));
            return;
        }
        learners.setText(format.count(p.learners()));
        int row = 0;
        row = line(row, AppIcon.EMAIL, "breach.counts.emailOnly", p.emailOnly(), false);
        row = line(row, AppIcon.LETTER, "breach.counts.letterOnly", p.letterOnly(), false);
        row = line(row, AppIcon.SEND, "breach.counts.both", p.emailAndLetter(), false);
        row = line(row, AppIcon.RETIRED, "breach.counts.retired", p.retired(), p.retired() > 0);
        row = line(row, AppIcon.WARNING, "breach.counts.noEmail", p.noUsableEmail(), p.noUsableEmail() > 0);
        row = line(row, AppIcon.WARNING, "breach.counts.noAddress", p.noMailingAddress(), p.noMailingAddress() > 0);
        row = line(row, AppIcon.WORLD, "breach.counts.unknown", p.unknownJurisdiction(), p.unknownJurisdiction() > 0);
        if (p.notLearnersOfMemberCount() > 0) {
            line(row, AppIcon.CROSS, "breach.counts.notLearners", p.notLearnersOfMemberCount(), true);
        }
        status.setText(state == DraftViewModel.PreviewState.ERROR ? error
                : busy ? messages.get("breach.counts.updating") : messages.get(countedKey));
    }

    private int line(int row, AppIcon icon, String key, long n, boolean flag) {
        Label label = new Label(messages.get(key), Icons.of(icon));
        label.setWrapText(true);
        Label value = new Label(format.count(n));
        value.setMinWidth(44);
        value.setAlignment(Pos.CENTER_RIGHT);
        if (flag) {
            label.getStyleClass().add(Css.COUNT_FLAG);
            value.getStyleClass().add(Css.COUNT_FLAG);
        }
        grid.add(label, 0, row);
        grid.add(value, 1, row);
        return row + 1;
    }
}
