package org.iqracity.console.ui.tracking;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Fit;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;

/** "A learner who allows ... gets:" with what applies and what is withheld, and why. */
final class PreviewPane extends VBox {

    private final Messages messages;
    private final VBox applied = new VBox();
    private final VBox withheld = new VBox();
    private final Label appliedTitle = new Label();
    private final Label withheldTitle = new Label();

    PreviewPane(PreviewViewModel vm, Messages messages) {
        this.messages = messages;
        setId("previewPane");
        getStyleClass().add(Css.SECTION_CARD);
        Label title = new Label(messages.get("tracking.preview"));
        title.getStyleClass().add(Css.SECTION_CARD_TITLE);
        CheckBox analytics = check("previewAnalytics", "tracking.preview.analytics");
        analytics.selectedProperty().bindBidirectional(vm.analyticsProperty());
        CheckBox functional = check("previewFunctional", "tracking.preview.functional");
        functional.selectedProperty().bindBidirectional(vm.functionalProperty());
        CheckBox marketing = check("previewMarketing", "tracking.preview.marketing");
        marketing.selectedProperty().bindBidirectional(vm.marketingProperty());
        CheckBox gpc = check("previewGpc", "tracking.preview.gpc");
        gpc.selectedProperty().bindBidirectional(vm.gpcProperty());
        FlowPane sentence = new FlowPane(8, 6, new Label(messages.get("tracking.preview.who")), analytics, functional,
                marketing, gpc, new Label(messages.get("tracking.preview.gets")));
        appliedTitle.getStyleClass().add(Css.COLUMN_TITLE);
        withheldTitle.getStyleClass().add(Css.COLUMN_TITLE);
        applied.setId("previewApplied");
        withheld.setId("previewWithheld");
        Label note = Fit.wrapping(new Label(messages.get("tracking.preview.note")));
        note.getStyleClass().add(Css.HINT);
        getChildren().addAll(title, sentence, appliedTitle, applied, withheldTitle, withheld, note);
        vm.applied().addListener((ListChangeListener<PreviewViewModel.Row>) c -> fill(applied, appliedTitle,
                "tracking.preview.applied", vm.applied()));
        vm.withheld().addListener((ListChangeListener<PreviewViewModel.Row>) c -> fill(withheld, withheldTitle,
                "tracking.preview.withheld", vm.withheld()));
        fill(applied, appliedTitle, "tracking.preview.applied", vm.applied());
        fill(withheld, withheldTitle, "tracking.preview.withheld", vm.withheld());
    }

    private CheckBox check(String id, String key) {
        CheckBox box = new CheckBox(messages.get(key));
        box.setId(id);
        return box;
    }

    private void fill(VBox into, Label title, String titleKey, ObservableList<PreviewViewModel.Row> rows) {
        title.setText(messages.format(titleKey, rows.size()));
        into.getChildren().clear();
        if (rows.isEmpty()) {
            Label none = new Label(messages.get("tracking.preview.none"));
            none.getStyleClass().add(Css.HINT);
            into.getChildren().add(none);
        }
        for (PreviewViewModel.Row row : rows) {
            Label icon = new Label(null, Icons.of(row.applied() ? AppIcon.CHECK : AppIcon.WITHHELD, 16));
            icon.getStyleClass().add(row.applied() ? Css.PREVIEW_APPLIED : Css.PREVIEW_WITHHELD);
            Label name = new Label(row.name());
            name.getStyleClass().add(Css.COURSE_CELL_TITLE);
            Label detail = new Label(row.applied() ? row.detail() : row.reason());
            detail.getStyleClass().add(Css.HINT);
            detail.setWrapText(true);
            VBox text = new VBox(1, name, detail);
            if (row.flag() != null) {
                Label flag = new Label(row.flag(), Icons.of(AppIcon.WARNING));
                flag.getStyleClass().add(Css.NECESSITY_FLAG);
                flag.setWrapText(true);
                text.getChildren().add(flag);
            }
            HBox line = new HBox(icon, text);
            line.getStyleClass().add(Css.PREVIEW_ROW);
            into.getChildren().add(line);
        }
    }
}
