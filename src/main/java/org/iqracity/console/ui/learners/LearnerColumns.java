package org.iqracity.console.ui.learners;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.LearnerValues;
import org.iqracity.console.ui.common.Messages;

/** The learners table's columns and their cells. */
final class LearnerColumns {
    // Pseudo-classes, not style classes: a changed style class makes JavaFX look a node's styles up again.
    private static final PseudoClass MORE = PseudoClass.getPseudoClass(Css.ROW_MORE);
    private static final PseudoClass RETIRED = PseudoClass.getPseudoClass(Css.ROW_RETIRED);

    private final Messages messages;
    private final Supplier<String> moreText;
    private final LearnerValues values;

    LearnerColumns(Messages messages, Supplier<String> moreText) {
        this.messages = messages;
        this.moreText = moreText;
        this.values = new LearnerValues(messages);
    }

    List<TableColumn<LearnerRow, ?>> all() {
        List<TableColumn<LearnerRow, ?>> columns = new ArrayList<>();
        for (LearnerColumn c : LearnerColumn.values()) {
            columns.add(switch (c) {
                case USERNAME -> text(c, LearnerRowDto::username);
                case NAME -> text(c, r -> r.retired() ? messages.get("learners.retired") : r.name());
                case EMAIL -> text(c, LearnerRowDto::email);
                case COUNTRY -> text(c, LearnerRowDto::country);
                case MODE -> text(c, r -> r.mode() == null ? "" : values.mode(r.mode().name()));
                case ENROLLED -> text(c, r -> values.day(r.enrolledAt()));
                case PROGRESS -> progress(c);
                case GRADE -> text(c, r -> values.percent(r.grade()));
                case PASSED -> text(c, r -> values.yesNo(r.passed()));
                case LAST_ACTIVITY -> text(c, r -> values.day(r.lastActivityAt()));
            });
        }
        return columns;
    }

    /** The column a table column stands for. */
    static LearnerColumn of(TableColumnBase<?, ?> column) {
        return (LearnerColumn) column.getProperties().get(LearnerColumn.class);
    }

    private <T> TableColumn<LearnerRow, T> column(LearnerColumn c) {
        TableColumn<LearnerRow, T> column = new TableColumn<>(messages.get(c.key));
        column.setId("col-" + c.name().toLowerCase(Locale.ROOT));
        column.getProperties().put(LearnerColumn.class, c);
        column.setPrefWidth(c.width);
        column.setUserData(c.sort);
        column.setSortable(c.sort != null);
        // Reordering would let a column take the username's place at the left.
        column.setReorderable(false);
        return column;
    }

    private TableColumn<LearnerRow, String> text(LearnerColumn c, Function<LearnerRowDto, String> value) {
        TableColumn<LearnerRow, String> column = column(c);
        boolean first = c == LearnerColumn.USERNAME;
        column.setCellValueFactory(cell -> {
            LearnerRow row = cell.getValue();
            if (row.isMore()) {
                return new ReadOnlyObjectWrapper<>(first ? moreText.get() : null);
            }
            return new ReadOnlyObjectWrapper<>(value.apply(row.learner()));
        });
        column.setCellFactory(col -> new TextCell());
        return column;
    }

    /**
     * A cell of text, with its whole value as a tooltip when the column cuts it. A "loading" row says so in its
     * first cell, in a label allowed past the cell's right edge (the rest of such a row is blank), so the words are
     * never cut to the column's width. The label is the cell's graphic all along, shown or not by the content
     * display: putting a graphic on and off restyles it from scratch.
     */
    private final class TextCell extends TableCell<LearnerRow, String> {
        private final Label marker = new Label();
        private Tooltip whole;

        TextCell() {
            marker.setMinWidth(Region.USE_PREF_SIZE);
            marker.getStyleClass().add(Css.ROW_MORE_LABEL);
            setGraphic(marker);
            setContentDisplay(ContentDisplay.TEXT_ONLY);
            textTruncatedProperty().addListener((obs, was, cut) -> showWhole(cut));
        }

        private void showWhole(boolean cut) {
            if (cut && whole == null) {
                whole = new Tooltip();
                whole.textProperty().bind(textProperty());
            }
            setTooltip(cut ? whole : null);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            boolean more = markRow(this, empty, text != null);
            if (more && text != null) {
                marker.setText(text);
                setText(null);
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            } else {
                setText(empty ? null : text);
                setContentDisplay(ContentDisplay.TEXT_ONLY);
            }
        }
    }

    /**
     * Marks a cell whose row is a "loading" row (only the cell that says so: the others are blank) or a retired
     * learner. On the cell, not on the row: a row's change of state restyles every node in it, and while someone
     * scrolls fast the rows at the bottom turn from "loading" into learners many times a second.
     */
    private static boolean markRow(TableCell<LearnerRow, ?> cell, boolean empty, boolean hasText) {
        int index = cell.getIndex();
        var items = cell.getTableView() == null ? null : cell.getTableView().getItems();
        LearnerRow row = empty || items == null || index < 0 || index >= items.size() ? null : items.get(index);
        boolean more = row != null && row.isMore();
        cell.pseudoClassStateChanged(MORE, more && hasText);
        cell.pseudoClassStateChanged(RETIRED, row != null && !more && row.learner().retired());
        return more;
    }

    private TableColumn<LearnerRow, LearnerRow> progress(LearnerColumn c) {
        TableColumn<LearnerRow, LearnerRow> column = column(c);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(col -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label label = new Label();
            private final HBox box = new HBox(6, bar, label);

            {
                bar.getStyleClass().add(Styles.SMALL);
                bar.setPrefWidth(64);
                // Determinate from the start: a new bar is indeterminate, which runs an animation.
                bar.setProgress(0);
                box.setAlignment(Pos.CENTER_LEFT);
                // Set once and hidden when there is nothing to show: taking the graphic off and putting it back (a
                // "loading" row turning into a learner, many times a second while someone drags the bar) made JavaFX
                // restyle the bar and its label from scratch each time, the scroll's largest CSS cost.
                setGraphic(box);
            }

            @Override
            protected void updateItem(LearnerRow row, boolean empty) {
                super.updateItem(row, empty);
                markRow(this, empty, false);
                boolean shown = !empty && row != null && !row.isMore();
                box.setVisible(shown);
                if (shown) {
                    bar.setProgress(row.learner().progress());
                    label.setText(values.percent(row.learner().progress()));
                }
            }
        });
        return column;
    }
}
