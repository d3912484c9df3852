package org.iqracity.console.ui.tracking;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.text.Collator;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.iqracity.console.api.TrackingParty;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;

/**
 * The course's technologies with add and remove, sortable by any column; the selected one is edited in the form below.
 */
final class TechnologyTable extends VBox {

    /** What the name column shows: the name, and whether the technology has a problem to fix. */
    private record NameCell(String name, boolean problem) {
    }

    private final Messages messages;

    TechnologyTable(TrackingViewModel vm, Messages messages) {
        this.messages = messages;
        getStyleClass().add(Css.SECTION_CARD);
        Label title = new Label(messages.get("tracking.technologies"));
        title.getStyleClass().add(Css.SECTION_CARD_TITLE);
        Button add = new Button(messages.get("tracking.add"), Icons.of(AppIcon.ADD));
        add.setId("addTechnology");
        add.getStyleClass().add(Styles.SMALL);
        Button remove = new Button(messages.get("tracking.remove"), Icons.of(AppIcon.REMOVE));
        remove.setId("removeTechnology");
        remove.getStyleClass().addAll(Styles.SMALL, Styles.DANGER, Styles.FLAT);
        remove.disableProperty().bind(vm.selectedTechnologyProperty().isNull());
        remove.setOnAction(e -> vm.removeSelectedTechnology());
        HBox bar = new HBox(10, title, new Spacer(), add, remove);
        bar.setAlignment(Pos.CENTER_LEFT);

        // The rows are the draft's technologies in the order of the sort arrow; the draft keeps its own order, which
        // is what is saved, so sorting is no edit. A new list (Discard, a merge, Undo) is sorted the same way.
        SortedList<TechnologyDraft> rows = new SortedList<>(vm.draft().technologies());
        TableView<TechnologyDraft> table = new TableView<>(rows);
        rows.comparatorProperty().bind(table.comparatorProperty());
        table.setId("technologyTable");
        table.getStyleClass().add(Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPrefHeight(190);
        table.setPlaceholder(new Label(messages.get("tracking.preview.none")));
        table.getColumns().add(nameColumn());
        table.getColumns().add(column("techColCategory", "tracking.col.category", t -> Bindings.createStringBinding(
                () -> t.categoryProperty().get() == null ? ""
                        : messages.get("tracking.category." + t.categoryProperty().get().name()),
                t.categoryProperty())));
        table.getColumns().add(column("techColParty", "tracking.col.party", t -> Bindings.createStringBinding(
                () -> t.partyProperty().get() == TrackingParty.THIRD_PARTY && !t.providerProperty().get().isBlank()
                        ? t.providerProperty().get().strip()
                        : messages.get("tracking.party." + t.partyProperty().get().name()),
                t.partyProperty(), t.providerProperty())));
        table.getColumns().add(column("techColRunsOn", "tracking.col.runsOn", t -> Bindings.createStringBinding(
                () -> runsOn(t), t.onPagesProperty(), t.inEmailsProperty())));

        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.selectedTechnologyProperty().set(now);
            }
        });
        vm.selectedTechnologyProperty().addListener((obs, old, now) -> {
            table.getSelectionModel().select(now);
            if (now != null) {
                table.scrollTo(now);
            }
        });
        add.setOnAction(e -> vm.addTechnology());
        getChildren().addAll(bar, table);
    }

    private TableColumn<TechnologyDraft, NameCell> nameColumn() {
        TableColumn<TechnologyDraft, NameCell> name = new TableColumn<>(messages.get("tracking.col.name"));
        name.setId("techColName");
        name.setComparator(Comparator.comparing(NameCell::name, Collator.getInstance(messages.locale())));
        name.setPrefWidth(200);
        name.setCellValueFactory(c -> {
            TechnologyDraft t = c.getValue();
            return Bindings.createObjectBinding(() -> new NameCell(t.nameProperty().get().isBlank()
                    ? messages.get("tracking.unnamed") : t.nameProperty().get(), !t.errors().isEmpty()),
                    t.nameProperty(), t.errors());
        });
        name.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(NameCell item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
                if (!empty && item != null && item.problem()) {
                    Label icon = new Label(null, Icons.of(AppIcon.ERROR));
                    icon.getStyleClass().add(Css.FIELD_ERROR);
                    setGraphic(icon);
                } else {
                    setGraphic(null);
                }
            }
        });
        return name;
    }

    private TableColumn<TechnologyDraft, String> column(String id, String key,
            Function<TechnologyDraft, ObservableValue<String>> value) {
        TableColumn<TechnologyDraft, String> column = new TableColumn<>(messages.get(key));
        column.setId(id);
        column.setCellValueFactory(c -> value.apply(c.getValue()));
        column.setPrefWidth(130);
        return column;
    }

    private String runsOn(TechnologyDraft t) {
        if (t.onPagesProperty().get() && t.inEmailsProperty().get()) {
            return messages.get("tracking.surface.COURSE_PAGES") + ", "
                    + messages.get("tracking.surface.COURSE_EMAILS").toLowerCase(messages.locale());
        }
        return t.onPagesProperty().get() ? messages.get("tracking.surface.COURSE_PAGES")
                : t.inEmailsProperty().get() ? messages.get("tracking.surface.COURSE_EMAILS") : "";
    }
}
