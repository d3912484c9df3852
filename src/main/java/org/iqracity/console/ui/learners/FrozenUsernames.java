package org.iqracity.console.ui.learners;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import org.iqracity.console.ui.common.Css;

/**
 * Keeps the username in view while the other columns scroll sideways: once the table is scrolled to the right, a
 * strip over its left edge shows the username column's header and the username of each row on screen, in the row's
 * colours (stripe, selection). A strip and not the column itself: with a fixed row height the table makes cells only
 * for the columns in view, so the username's cells are gone once it scrolls out. The strip lets clicks through to
 * the row beneath it; its header sorts by username like the column's own.
 */
final class FrozenUsernames extends Pane {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass ODD = PseudoClass.getPseudoClass("odd");
    private static final PseudoClass MORE = PseudoClass.getPseudoClass(Css.ROW_MORE);
    private static final PseudoClass RETIRED = PseudoClass.getPseudoClass(Css.ROW_RETIRED);

    private final TableView<LearnerRow> table;
    private final TableColumn<LearnerRow, ?> column;
    private final Function<LearnerRow, String> text;
    private final Label header = new Label();
    private final List<Label> cells = new ArrayList<>();
    private final Rectangle clip = new Rectangle();
    private ScrollBar sideways;

    FrozenUsernames(TableView<LearnerRow> table, TableColumn<LearnerRow, ?> column,
                    Function<LearnerRow, String> text) {
        this.table = table;
        this.column = column;
        this.text = text;
        setId("frozenUsernames");
        getStyleClass().add(Css.FROZEN_STRIP);
        setManaged(false);
        setVisible(false);
        setPickOnBounds(false);
        setClip(clip);
        header.getStyleClass().add(Css.FROZEN_HEADER);
        header.textProperty().bind(column.textProperty());
        header.setOnMouseClicked(e -> sortByUsername());
        getChildren().add(header);
    }

    /** After each layout of the table: shows, places and fills the strip, or hides it when nothing is scrolled. */
    void update(VirtualFlow<?> flow) {
        if (sideways == null) {
            sideways = flow.getChildrenUnmodifiable().stream()
                    .filter(n -> n instanceof ScrollBar s && s.getOrientation() == Orientation.HORIZONTAL)
                    .map(n -> (ScrollBar) n).findFirst().orElse(null);
        }
        boolean scrolled = sideways != null && sideways.isVisible() && sideways.getValue() > 0.5
                && column.isVisible();
        setVisible(scrolled);
        if (!scrolled) {
            return;
        }
        double width = column.getWidth();
        Parent parent = getParent();
        Bounds rows = parent.sceneToLocal(flow.localToScene(flow.getLayoutBounds()));
        double headerHeight = Math.max(0, rows.getMinY());
        resizeRelocate(0, 0, table.getWidth(), table.getHeight());
        clip.setWidth(table.getWidth());
        clip.setHeight(rows.getMaxY() - sidewaysHeight());
        header.resizeRelocate(0, 0, width, headerHeight);
        int used = 0;
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        int from = first == null ? 0 : first.getIndex();
        int to = last == null ? -1 : last.getIndex();
        for (int index = from; index <= to; index++) {
            IndexedCell<?> row = flow.getVisibleCell(index);
            if (row == null || !row.isVisible() || index < 0 || index >= table.getItems().size()) {
                continue;
            }
            Bounds at = parent.sceneToLocal(row.localToScene(row.getLayoutBounds()));
            if (at.getMaxY() <= headerHeight || at.getMinY() >= rows.getMaxY()) {
                continue;
            }
            Label cell = cell(used++);
            LearnerRow item = table.getItems().get(index);
            cell.setText(text.apply(item));
            cell.pseudoClassStateChanged(SELECTED, table.getSelectionModel().isSelected(index));
            cell.pseudoClassStateChanged(ODD, row.getPseudoClassStates().contains(ODD));
            cell.pseudoClassStateChanged(MORE, item.isMore());
            cell.pseudoClassStateChanged(RETIRED, !item.isMore() && item.learner().retired());
            // A "loading" row's words run on over its blank cells rather than being cut to the column.
            double cellWidth = item.isMore() ? Math.max(width, cell.prefWidth(-1)) : width;
            cell.resizeRelocate(0, at.getMinY(), cellWidth, at.getHeight());
            cell.setVisible(true);
        }
        for (int i = used; i < cells.size(); i++) {
            cells.get(i).setVisible(false);
        }
    }

    private double sidewaysHeight() {
        return sideways != null && sideways.isVisible() ? sideways.getHeight() : 0;
    }

    private Label cell(int i) {
        while (cells.size() <= i) {
            Label cell = new Label();
            cell.getStyleClass().add(Css.FROZEN_CELL);
            cell.setMouseTransparent(true);
            cells.add(cell);
            getChildren().add(cell);
        }
        return cells.get(i);
    }

    /** The strip's header does what the username column's header does: sorts by username, flipping on each click. */
    private void sortByUsername() {
        boolean ascending = table.getSortOrder().size() == 1 && table.getSortOrder().getFirst() == column
                && column.getSortType() == TableColumn.SortType.ASCENDING;
        column.setSortType(ascending ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
        table.getSortOrder().setAll(List.of(column));
    }

    /** The strip is placed by {@link #update} over the table and takes no room of its own. */
    @Override
    protected void layoutChildren() {
    }
}
