package org.iqracity.console.ui.common;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * A table whose column headers are never cut: once the table is drawn with its theme's fonts, each column is given at
 * least the width its header's words need (and the sort arrow's room). A narrow window then scrolls the table
 * sideways instead of showing "Act..." over a column of numbers.
 */
public final class HeaderWidths {
    /** The sort arrow and the header's own padding beside the words. */
    private static final double ROOM = 22;

    private HeaderWidths() {
    }

    public static <T extends TableView<?>> T keepWhole(T table) {
        table.skinProperty().addListener((obs, old, skin) -> {
            if (skin != null) {
                // After the first layout pass, when the headers exist and have their fonts.
                Platform.runLater(() -> widen(table));
            }
        });
        table.getColumns().addListener((ListChangeListener<Object>) c -> Platform.runLater(
                () -> widen(table)));
        return table;
    }

    private static void widen(TableView<?> table) {
        table.applyCss();
        for (Node header : table.lookupAll(".column-header")) {
            if (!(header instanceof TableColumnHeader h) || h.getTableColumn() == null) {
                continue;
            }
            TableColumnBase<?, ?> column = h.getTableColumn();
            if (header.lookup(".label") instanceof Label label && label.getText() != null) {
                double needed = Math.ceil(label.prefWidth(-1) + ROOM);
                if (column.getMinWidth() < needed) {
                    column.setMinWidth(needed);
                }
                if (column.getPrefWidth() < needed) {
                    column.setPrefWidth(needed);
                }
            }
        }
    }
}
