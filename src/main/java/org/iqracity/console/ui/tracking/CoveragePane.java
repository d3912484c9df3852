package org.iqracity.console.ui.tracking;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Messages;

/** How many active learners allow each category, as the platform gives the counts (small ones suppressed). */
final class CoveragePane extends VBox {

    private final GridPane rows = new GridPane();

    CoveragePane(TrackingViewModel vm, Messages messages) {
        setId("coveragePane");
        getStyleClass().add(Css.SECTION_CARD);
        Label title = new Label(messages.get("tracking.coverage"));
        title.getStyleClass().add(Css.SECTION_CARD_TITLE);
        Label of = new Label();
        of.setWrapText(true);
        of.getStyleClass().add(Css.HINT);
        of.textProperty().bind(vm.coverageNoteProperty());
        rows.setHgap(16);
        rows.setVgap(4);
        Label note = new Label(messages.get("tracking.coverage.note"));
        note.setWrapText(true);
        note.getStyleClass().add(Css.HINT);
        getChildren().addAll(title, of, rows, note);
        vm.coverage().addListener((ListChangeListener<TrackingViewModel.CoverageRow>) c -> fill(vm));
        fill(vm);
    }

    private void fill(TrackingViewModel vm) {
        rows.getChildren().clear();
        int i = 0;
        for (TrackingViewModel.CoverageRow row : vm.coverage()) {
            Label label = new Label(row.label());
            label.getStyleClass().add(Css.KEY);
            Label value = new Label(row.display());
            value.setId("coverage-" + i);
            value.getStyleClass().add(Css.VALUE);
            rows.addRow(i++, label, value);
        }
    }
}
