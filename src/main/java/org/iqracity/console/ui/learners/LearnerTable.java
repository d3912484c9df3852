package org.iqracity.console.ui.learners;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Messages;

/** The learners table: rows come from the ViewModel's pages; clicking a header asks the platform to sort. */
final class LearnerTable extends TableView<LearnerRow> {
    // Pseudo-classes, not style classes: a changed style class makes JavaFX look a node's styles up again.
    private static final PseudoClass MORE = PseudoClass.getPseudoClass(Css.ROW_MORE);
    private static final PseudoClass RETIRED = PseudoClass.getPseudoClass(Css.ROW_RETIRED);

    private final LearnersViewModel vm;
    private final Messages messages;
    private final NumberFormat percent;
    private final DateTimeFormatter date;

    LearnerTable(LearnersViewModel vm, Messages messages) {
        super(vm.rows());
        this.vm = vm;
        this.messages = messages;
        this.percent = NumberFormat.getPercentInstance(messages.locale());
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.locale())
                .withZone(ZoneId.systemDefault());
        setId("learnerTable");
        getStyleClass().addAll(Css.LEARNER_TABLE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        // Readable columns with a horizontal scroll bar beat ten squeezed ones.
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setFixedCellSize(34);
        getColumns().addAll(
                text("learners.col.username", 170, LearnerSort.USERNAME, this::usernameOf),
                text("learners.col.name", 170, LearnerSort.NAME, r -> r.retired() ? messages.get("learners.retired") : r.name()),
                text("learners.col.email", 250, null, LearnerRowDto::email),
                text("learners.col.country", 80, null, LearnerRowDto::country),
                text("learners.col.mode", 100, null, r -> r.mode() == null ? "" : capitalized(r.mode().name())),
                text("learners.col.enrolled", 120, LearnerSort.ENROLLED_AT, r -> format(r.enrolledAt())),
                progress(),
                text("learners.col.grade", 80, LearnerSort.GRADE, r -> percent.format(r.grade())),
                text("learners.col.passed", 80, null, r -> messages.get(r.passed() ? "learners.yes" : "learners.no")),
                text("learners.col.lastActivity", 130, LearnerSort.LAST_ACTIVITY_AT, r -> format(r.lastActivityAt())));
        setSortPolicy(table -> {
            TableColumn<LearnerRow, ?> first = getSortOrder().isEmpty() ? null : getSortOrder().getFirst();
            LearnerSort by = first == null ? LearnerSort.USERNAME : (LearnerSort) first.getUserData();
            vm.sortBy(by, first != null && first.getSortType() == TableColumn.SortType.DESCENDING);
            return true;
        });
        setRowFactory(t -> new Row());
        getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null && row.isMore()) {
                vm.retryMore();
            } else {
                vm.open(row);
            }
        });
    }

    private String usernameOf(LearnerRowDto row) {
        return row.username();
    }

    private static String capitalized(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private String format(Instant when) {
        return when == null ? messages.get("detail.never") : date.format(when);
    }

    private TableColumn<LearnerRow, String> text(String key, double width, LearnerSort sort,
                                                 Function<LearnerRowDto, String> value) {
        TableColumn<LearnerRow, String> column = new TableColumn<>(messages.get(key));
        column.setPrefWidth(width);
        column.setUserData(sort);
        column.setSortable(sort != null);
        column.setCellValueFactory(cell -> {
            LearnerRow row = cell.getValue();
            if (row.isMore()) {
                boolean first = getColumns().indexOf(column) == 0;
                return new ReadOnlyObjectWrapper<>(first ? moreText() : null);
            }
            return new ReadOnlyObjectWrapper<>(value.apply(row.learner()));
        });
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                markRow(this, empty, text != null);
            }
        });
        return column;
    }

    /**
     * Marks a cell whose row is a "loading" row (only the cell that says so: the others are blank) or a retired
     * learner. On the cell, not on the row: a row's change of state restyles every node in it, and while someone
     * scrolls fast the rows at the bottom turn from "loading" into learners many times a second.
     */
    private void markRow(TableCell<LearnerRow, ?> cell, boolean empty, boolean hasText) {
        int index = cell.getIndex();
        LearnerRow row = empty || index < 0 || index >= getItems().size() ? null : getItems().get(index);
        boolean more = row != null && row.isMore();
        cell.pseudoClassStateChanged(MORE, more && hasText);
        cell.pseudoClassStateChanged(RETIRED, row != null && !more && row.learner().retired());
    }

    private String moreText() {
        return messages.get(vm.pages().moreFailedProperty().get() ? "learners.moreFailed" : "learners.loadingMore");
    }

    private TableColumn<LearnerRow, LearnerRow> progress() {
        TableColumn<LearnerRow, LearnerRow> column = new TableColumn<>(messages.get("learners.col.progress"));
        column.setPrefWidth(140);
        column.setUserData(LearnerSort.PROGRESS);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label label = new Label();
            private final HBox box = new HBox(6, bar, label);

            {
                bar.getStyleClass().add(Styles.SMALL);
                bar.setPrefWidth(64);
                box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(LearnerRow row, boolean empty) {
                super.updateItem(row, empty);
                markRow(this, empty, false);
                if (empty || row == null || row.isMore()) {
                    setGraphic(null);
                    return;
                }
                bar.setProgress(row.learner().progress());
                label.setText(percent.format(row.learner().progress()));
                setGraphic(box);
            }
        });
        return column;
    }

    /** Tells the ViewModel which rows are on screen. */
    private final class Row extends TableRow<LearnerRow> {
        @Override
        protected void updateItem(LearnerRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                return;
            }
            int index = getIndex();
            // Layout must not change the list it lays out: ask for the next page after this pass.
            javafx.application.Platform.runLater(() -> vm.rowShown(index));
        }
    }
}
