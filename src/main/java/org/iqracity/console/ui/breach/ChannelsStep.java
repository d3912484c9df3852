package org.iqracity.console.ui.breach;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Messages;

/** Step 3: how each jurisdiction's learners are told, from the jurisdiction table kept on the platform. */
final class ChannelsStep extends SideBySide {

    ChannelsStep(DraftViewModel vm, Messages messages, BreachFormat format) {
        // The table needs about this much beside the card; narrower, the card goes under it.
        super(16, 560);
        setId("channelsStep");
        TableView<DraftViewModel.JurisdictionRow> table = new TableView<>(vm.jurisdictionRows());
        table.setId("jurisdictionTable");
        table.getStyleClass().addAll(Styles.STRIPED, Css.WRAPPING_HEADERS);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(wrapping(column(messages.get("breach.channels.col.jurisdiction"), 170,
                DraftViewModel.JurisdictionRow::label)));
        table.getColumns().add(wrapping(column(messages.get("breach.channels.col.channels"), 150,
                DraftViewModel.JurisdictionRow::channels)));
        TableColumn<DraftViewModel.JurisdictionRow, String> learners = column(
                messages.get("breach.channels.col.learners"), 90, r -> format.count(r.learners()));
        learners.setStyle("-fx-alignment: CENTER-RIGHT;");
        learners.setMinWidth(90);
        table.getColumns().add(learners);
        table.getColumns().add(wrapping(column(messages.get("breach.channels.col.note"), 300,
                DraftViewModel.JurisdictionRow::note)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(DraftViewModel.JurisdictionRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(PseudoClass.getPseudoClass("unknown"),
                        !empty && row != null && !row.known());
            }
        });
        table.setPlaceholder(new Label(messages.get("breach.channels.empty")));
        Label hint = new Label(messages.get("breach.channels.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Css.HINT);
        VBox left = new VBox(10, hint, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        CountsCard counts = new CountsCard("channelCounts", vm.previewProperty(), vm.previewStateProperty(),
                vm.previewErrorProperty(), messages, format);
        set(left, counts);
    }

    /** Long text wraps inside its cell, and the row grows to hold it. */
    static <T> TableColumn<T, String> wrapping(TableColumn<T, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            private final Label text = new Label();

            {
                text.setWrapText(true);
                text.maxWidthProperty().bind(column.widthProperty().subtract(14));
                setGraphic(text);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
            }
        });
        return column;
    }

    static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        // Room for the header's longest word; the header wraps its words (Css.WRAPPING_HEADERS).
        column.setMinWidth(Math.min(width, 100));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }
}
