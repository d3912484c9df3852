package org.iqracity.console.ui.tracking;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.iqracity.console.api.TrackingSettingsDto;
import org.iqracity.console.api.TrackingTechnologyDto;
import org.iqracity.console.api.TrackingVersionDto;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.StatePane;

/** Versions, newest first, with who changed what; one chosen version side by side with the current one. */
final class HistoryPane extends SplitPane {

    private final HistoryViewModel vm;
    private final Messages messages;
    private final DateTimeFormatter when;
    private final VBox compare = new VBox(10);
    private final StatePane listState = new StatePane();
    private final ListView<TrackingVersionDto> list;

    HistoryPane(HistoryViewModel vm, TrackingViewModel screen, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(messages.locale()).withZone(ZoneId.systemDefault());
        setId("historyPane");
        list = new ListView<>(vm.versions());
        list.setId("historyList");
        list.setCellFactory(v -> new VersionCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.selectedProperty().set(now));
        vm.selectedProperty().addListener((obs, old, now) -> {
            if (list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        StackPane left = new StackPane(list, listState);
        vm.stateProperty().addListener((obs, old, now) -> showState());
        showState();

        Button revert = new Button(messages.get("tracking.history.revert"), Icons.of(AppIcon.HISTORY));
        revert.setId("revertButton");
        revert.getStyleClass().add(Styles.DANGER);
        revert.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.selectedSettingsProperty().get() == null || vm.selectedProperty().get() == null
                        || vm.isCurrent(vm.selectedProperty().get())
                        || screen.busyProperty().get(),
                vm.selectedSettingsProperty(), vm.selectedProperty(), screen.busyProperty(), vm.versions()));
        revert.setOnAction(e -> screen.revert(vm.selectedProperty().get()));
        compare.getStyleClass().add(Css.SECTION_CARD);
        compare.setId("historyCompare");
        ScrollPane right = new ScrollPane(new VBox(10, compare, revert));
        right.setFitToWidth(true);
        right.setStyle("-fx-padding: 12px;");
        vm.revertWould().addListener((ListChangeListener<String>) c -> showCompare());
        vm.selectedSettingsProperty().addListener((obs, old, now) -> showCompare());
        vm.currentTechnologies().addListener((ListChangeListener<TrackingTechnologyDto>) c -> showCompare());
        showCompare();
        getItems().addAll(left, right);
        setDividerPositions(0.45);
    }

    private void showState() {
        HistoryViewModel.State now = vm.stateProperty().get();
        listState.setVisible(now != HistoryViewModel.State.READY);
        list.setVisible(now == HistoryViewModel.State.READY);
        switch (now) {
            case LOADING -> listState.loading(messages.get("tracking.history.loading"));
            case ERROR -> listState.error(messages.get("tracking.error.title"), vm.errorProperty().get(),
                    messages.get("tracking.retry"), vm::reload);
            case READY -> { }
        }
    }

    private void showCompare() {
        compare.getChildren().clear();
        TrackingSettingsDto at = vm.selectedSettingsProperty().get();
        TrackingVersionDto selected = vm.selectedProperty().get();
        if (at == null || selected == null) {
            compare.getChildren().add(hint(messages.get("tracking.history.empty")));
            return;
        }
        long current = vm.versions().isEmpty() ? 0 : vm.versions().getFirst().version();
        Label title = new Label(messages.format("tracking.history.compare", at.version(), current));
        title.getStyleClass().add(Css.SECTION_CARD_TITLE);
        compare.getChildren().add(title);
        if (vm.revertWould().isEmpty()) {
            compare.getChildren().add(hint(messages.format("tracking.history.same", at.version())));
        } else {
            compare.getChildren().add(hint(messages.format("tracking.history.revertWould", at.version())));
            vm.revertWould().forEach(line -> compare.getChildren().add(line("\u2022 " + line)));
        }
        VBox then = technologies(messages.format("tracking.history.thisVersion", at.version()),
                vm.selectedTechnologies());
        VBox now = technologies(messages.format("tracking.history.currentVersion", current),
                vm.currentTechnologies());
        HBox.setHgrow(then, Priority.ALWAYS);
        HBox.setHgrow(now, Priority.ALWAYS);
        compare.getChildren().add(new HBox(16, then, now));
    }

    private VBox technologies(String title, List<TrackingTechnologyDto> list) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Css.COLUMN_TITLE);
        VBox box = new VBox(4, heading);
        box.setPrefWidth(200);
        for (TrackingTechnologyDto t : list) {
            box.getChildren().add(line(t.name() + "  \u00b7  "
                    + messages.get("tracking.category." + t.category().name())));
            String flag = vm.flag(t);
            if (flag != null) {
                box.getChildren().add(flag(flag));
            }
        }
        return box;
    }

    private static Label line(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Css.CHANGE_LINE);
        return label;
    }

    private static Label flag(String text) {
        Label label = new Label(text, Icons.of(AppIcon.WARNING));
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add(Css.NECESSITY_FLAG);
        return label;
    }

    /**
     * A flag in a list cell: icon and text side by side, the text given its width, since a cell sizes a wrapped
     * label with a graphic as if it were one line.
     */
    private static HBox flagLine(String text, double width) {
        Label icon = new Label(null, Icons.of(AppIcon.WARNING));
        icon.getStyleClass().add(Css.NECESSITY_FLAG);
        Label label = new Label(text);
        label.setWrapText(true);
        label.setPrefWidth(width);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add(Css.NECESSITY_FLAG);
        HBox line = new HBox(4, icon, label);
        line.setMinHeight(Region.USE_PREF_SIZE);
        return line;
    }

    private static Label hint(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Css.HINT);
        return label;
    }

    /** Version, who and when, then what changed, one line each. */
    private final class VersionCell extends ListCell<TrackingVersionDto> {
        @Override
        protected void updateItem(TrackingVersionDto v, boolean empty) {
            super.updateItem(v, empty);
            if (empty || v == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = new Label(messages.format("tracking.version", v.version()));
            title.getStyleClass().add(Css.COURSE_CELL_TITLE);
            HBox heading = new HBox(8, title);
            heading.setAlignment(Pos.CENTER_LEFT);
            if (vm.isCurrent(v)) {
                Label badge = new Label(messages.get("tracking.history.current"));
                badge.getStyleClass().addAll(Css.BADGE, Css.BADGE_SUCCESS);
                heading.getChildren().add(badge);
            }
            String who = v.by() + "  \u00b7  " + when.format(v.at());
            if (v.revertedFrom() != null) {
                who += "  \u00b7  " + messages.format("tracking.history.reverted", v.revertedFrom());
            }
            Label byWhen = new Label(who);
            byWhen.getStyleClass().add(Css.PAGE_SUBTITLE);
            VBox box = new VBox(2, heading, byWhen);
            for (String change : v.changes()) {
                Label line = new Label("\u2022 " + change);
                line.setWrapText(true);
                line.setMinHeight(Region.USE_PREF_SIZE);
                line.getStyleClass().add(Css.HINT);
                box.getChildren().add(line);
            }
            double width = getListView().getWidth() - 30;
            vm.flagLines(v).forEach(text -> box.getChildren().add(flagLine(text, width - 24)));
            // a wrapped label in a list cell wraps only when the cell says how wide it may be
            box.setMaxWidth(width);
            box.setPrefWidth(width);
            setText(null);
            setGraphic(box);
        }
    }
}
