package org.iqracity.console.ui.learners;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.Optional;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Skin;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Messages;

/**
 * The learners table: rows come from the ViewModel's pages; clicking a header asks the platform to sort. It lists a
 * slice of the course ({@link RowWindow}) and hides its own vertical scroll bar; the scroll bar beside it
 * ({@link #withScrollBar()}) stands for the whole course. As someone scrolls towards either end of the slice, the
 * slice moves under the rows on screen, which stay where they are, selection included.
 */
final class LearnerTable extends TableView<LearnerRow> {
    private static final double ROW_HEIGHT = 34;
    /** Rows between the screen and an end of the slice below which the slice moves. */
    private static final int MARGIN_DIVISOR = 5;
    /** The shortest the course bar's thumb gets, in pixels: something a hand can grab. */
    static final double MIN_THUMB_PX = 28;

    // Pseudo-classes, not style classes: a changed style class makes JavaFX look a node's styles up again.
    private static final PseudoClass ODD = PseudoClass.getPseudoClass("odd");
    private static final PseudoClass EVEN = PseudoClass.getPseudoClass("even");

    private final LearnersViewModel vm;
    private final RowWindow window;
    private final ScrollBar courseBar = new ScrollBar();
    private final HBox container;
    private final Runnable afterLayout = this::afterLayout;
    private final Messages messages;
    /** The selected row's place in the course, or -1: kept when the slice moves away from it. */
    private int selectedRow = -1;
    /** The focused row's place in the course, or -1: the keyboard goes on from it after the slice moved away. */
    private int focusedRow = -1;
    /** True while the table itself changes the selection (a move of the slice), not a person. */
    private boolean restoring;
    /** True while the table and its scroll bar are brought in line, so that neither answers the other. */
    private boolean syncing;
    /** The course rows on screen as last told to the ViewModel. */
    private int reportedFrom = -1;
    private int reportedTo = -1;
    private final LearnerColumns columns;
    /** The usernames shown over the left edge while the table is scrolled sideways. */
    private final FrozenUsernames frozen;

    LearnerTable(LearnersViewModel vm, Messages messages) {
        super(vm.window());
        this.vm = vm;
        this.window = vm.window();
        this.messages = messages;
        setId("learnerTable");
        getStyleClass().addAll(Css.LEARNER_TABLE, Css.WINDOWED_TABLE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        // Readable columns with a horizontal scroll bar beat ten squeezed ones.
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setFixedCellSize(ROW_HEIGHT);
        this.columns = new LearnerColumns(messages, this::moreText);
        getColumns().addAll(columns.all());
        setSortPolicy(table -> {
            TableColumn<LearnerRow, ?> first = getSortOrder().isEmpty() ? null : getSortOrder().getFirst();
            LearnerSort by = first == null ? LearnerSort.USERNAME : (LearnerSort) first.getUserData();
            vm.sortBy(by, first != null && first.getSortType() == TableColumn.SortType.DESCENDING);
            return true;
        });
        setRowFactory(t -> new Row());
        RowCopy.install(this, messages);
        getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (restoring || window.moving()) {
                return;
            }
            selectedRow = row == null ? -1 : window.base() + getSelectionModel().getSelectedIndex();
            vm.select(selectedRow);
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !getSelectionModel().isEmpty()) {
                vm.openSelected();
                e.consume();
            }
        });
        getFocusModel().focusedIndexProperty().addListener((obs, old, now) -> {
            if (!restoring && !window.moving()) {
                focusedRow = now.intValue() < 0 ? -1 : window.base() + now.intValue();
            }
        });
        window.onMoved(this::restoreSelection);
        window.onReset(this::selectAfterReset);
        // "Loading" rows say "could not load" after a failure, and "loading" again on retry.
        vm.pages().moreFailedProperty().addListener((obs, old, now) -> refresh());
        addEventFilter(KeyEvent.KEY_PRESSED, this::jumpToEnd);
        addEventFilter(KeyEvent.KEY_PRESSED, this::bringFocusBack);

        courseBar.setId("learnerScrollBar");
        courseBar.setOrientation(Orientation.VERTICAL);
        courseBar.setUnitIncrement(1);
        // Never squeezed: the table's columns ask for more width than the pane has, and the box would take it here.
        courseBar.setMinWidth(Region.USE_PREF_SIZE);
        courseBar.valueProperty().addListener((obs, old, now) -> {
            if (!syncing) {
                scrollToRow(now.doubleValue());
            }
        });
        courseBar.addEventHandler(ScrollEvent.SCROLL, e -> {
            flow().ifPresent(f -> f.scrollPixels(-e.getDeltaY()));
            e.consume();
        });
        frozen = new FrozenUsernames(this, getColumns().getFirst(), this::usernameShown);
        StackPane rows = new StackPane(this, frozen);
        container = new HBox(rows, courseBar);
        HBox.setHgrow(rows, Priority.ALWAYS);
        sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
    }

    /** Shows the columns {@code choice} says, as it changes. */
    void showColumns(ColumnChoice choice) {
        for (TableColumn<LearnerRow, ?> column : getColumns()) {
            column.visibleProperty().bind(choice.shownProperty(LearnerColumns.of(column)));
        }
    }

    /** The table with the scroll bar that stands for the whole course. */
    Node withScrollBar() {
        return container;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new FlowSkin(this);
    }

    private Optional<VirtualFlow<?>> flow() {
        return getSkin() instanceof FlowSkin skin ? Optional.of(skin.flow()) : Optional.empty();
    }

    /** After each layout: the course scroll bar follows the table, and the slice moves when an end comes near. */
    private void afterLayout() {
        VirtualFlow<?> flow = flow().orElse(null);
        if (flow == null || !container.isVisible()) {
            return;
        }
        frozen.update(flow);
        double rowsHeight = rowsHeight(flow);
        double visible = Math.max(1, rowsHeight / ROW_HEIGHT);
        int total = window.total();
        double max = Math.max(0, total - visible);
        alignBarWithRows(flow, rowsHeight);
        syncing = true;
        try {
            courseBar.setMax(max);
            courseBar.setVisibleAmount(Math.min(thumbAmount(visible, max), Math.max(max, 1)));
            courseBar.setBlockIncrement(Math.max(1, Math.floor(visible) - 1));
            courseBar.setVisible(total > visible);
            courseBar.setManaged(total > visible);
            courseBar.setValue(Math.min(max, topRow(flow)));
        } finally {
            syncing = false;
        }
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first == null || last == null) {
            return;
        }
        reportRowsShown(first.getIndex(), last.getIndex());
        int margin = window.capacity() / MARGIN_DIVISOR;
        boolean nearTop = window.base() > 0 && first.getIndex() < margin;
        boolean nearBottom = window.base() + window.size() < total && last.getIndex() >= window.size() - margin;
        if (nearTop || nearBottom) {
            double top = topRow(flow);
            int before = window.base();
            if (window.moveTo(window.baseCentring((int) top)) != before) {
                showRow(flow, top);
            }
        }
    }

    /**
     * Tells the ViewModel which rows of the course are on screen whenever that changes, so that it fetches them
     * whatever drew them (a jump, the bar, a key held down). Not from the cells: a marker row on screen is drawn
     * once and not again until its page comes, so a chain of loads kept going by cells stopped after a jump.
     */
    private void reportRowsShown(int firstIndex, int lastIndex) {
        int size = window.size();
        if (size == 0) {
            return;
        }
        int from = window.base() + Math.clamp(firstIndex, 0, size - 1);
        int to = window.base() + Math.clamp(lastIndex, 0, size - 1);
        if (from != reportedFrom || to != reportedTo) {
            reportedFrom = from;
            reportedTo = to;
            // Layout must not change the list it lays out: the ViewModel hears of it after this pass.
            Platform.runLater(() -> vm.rowsShown(from, to));
        }
    }

    /**
     * The bar's visible amount: the rows on screen, or more when that would make the thumb too short to grab (10,000
     * rows made it 1-2 px). The skin draws the thumb as long as this amount's share of the track, and places it by
     * value along the rest, so a larger amount changes the thumb's length only, never where a value puts the view.
     */
    private double thumbAmount(double visibleRows, double max) {
        double track = courseBar.getHeight();
        if (track <= MIN_THUMB_PX * 2 || max <= 0) {
            return visibleRows;
        }
        return Math.max(visibleRows, max * MIN_THUMB_PX / (track - MIN_THUMB_PX));
    }

    /** The bar runs beside the rows only, from under the column headers to the bottom of the rows. */
    private void alignBarWithRows(VirtualFlow<?> flow, double rowsHeight) {
        double top = flow.getLayoutY();
        double bottom = Math.max(0, getHeight() - top - rowsHeight);
        Insets margin = HBox.getMargin(courseBar);
        if (margin == null || margin.getTop() != top || margin.getBottom() != bottom) {
            HBox.setMargin(courseBar, new Insets(top, 0, bottom, 0));
        }
    }

    /** The height of the rows' viewport: the flow less its horizontal scroll bar when it shows one. */
    private static double rowsHeight(VirtualFlow<?> flow) {
        double bar = 0;
        for (Node child : flow.getChildrenUnmodifiable()) {
            if (child instanceof ScrollBar s && s.getOrientation() == Orientation.HORIZONTAL && s.isVisible()) {
                bar = s.getHeight();
            }
        }
        return Math.max(0, flow.getHeight() - bar);
    }

    /** The course row at the top of the table, with the part of it scrolled past as a fraction. */
    private double topRow(VirtualFlow<?> flow) {
        IndexedCell<?> first = flow.getFirstVisibleCell();
        if (first == null) {
            return window.base();
        }
        double past = Math.clamp(-first.getLayoutY() / ROW_HEIGHT, 0, 1);
        return window.base() + first.getIndex() + past;
    }

    /** Shows course row {@code row} (with a fraction of it scrolled past) at the top, moving the slice if needed. */
    private void scrollToRow(double row) {
        VirtualFlow<?> flow = flow().orElse(null);
        if (flow == null || window.total() == 0) {
            return;
        }
        int whole = (int) Math.clamp(row, 0, window.total() - 1);
        double visible = Math.max(1, rowsHeight(flow) / ROW_HEIGHT);
        if (whole < window.base() || whole + visible > window.base() + window.size()) {
            window.moveTo(window.baseCentring(whole));
        }
        showRow(flow, row);
    }

    private void showRow(VirtualFlow<?> flow, double row) {
        int whole = (int) row;
        flow.scrollToTop(Math.clamp(whole - window.base(), 0, Math.max(0, window.size() - 1)));
        double past = row - whole;
        if (past > 0) {
            flow.scrollPixels(past * ROW_HEIGHT);
        }
    }

    /** Home and End go to the first and last learner of the course, not of the slice. */
    private void jumpToEnd(KeyEvent e) {
        if ((e.getCode() != KeyCode.HOME && e.getCode() != KeyCode.END) || e.isShiftDown() || window.total() == 0) {
            return;
        }
        e.consume();
        int row = e.getCode() == KeyCode.HOME ? 0 : window.total() - 1;
        window.moveTo(window.baseCentring(row));
        int local = row - window.base();
        getSelectionModel().clearAndSelect(local);
        getFocusModel().focus(local);
        scrollTo(local);
    }

    /**
     * Arrow and page keys go on from the focused row even when the slice has moved away from it (the wheel or the bar
     * took the view elsewhere): the slice comes back to it first, as the view would in a table listing every row.
     */
    private void bringFocusBack(KeyEvent e) {
        KeyCode code = e.getCode();
        boolean moves = code == KeyCode.UP || code == KeyCode.DOWN || code == KeyCode.PAGE_UP
                || code == KeyCode.PAGE_DOWN;
        if (moves && focusedRow >= 0 && !inSlice(focusedRow)) {
            scrollToRow(focusedRow);
        }
    }

    private boolean inSlice(int row) {
        return row >= window.base() && row < window.base() + window.size();
    }

    /**
     * After a move of the slice the selection model still holds the old indices: the selected learner is selected
     * again at its new index while the slice holds it, and the focus follows its row the same way.
     */
    private void restoreSelection() {
        restoring = true;
        try {
            if (selectedRow >= 0 && inSlice(selectedRow)) {
                int local = selectedRow - window.base();
                if (getSelectionModel().getSelectedIndex() != local) {
                    getSelectionModel().clearAndSelect(local);
                }
            } else if (!getSelectionModel().isEmpty()) {
                getSelectionModel().clearSelection();
            }
            getFocusModel().focus(focusedRow >= 0 && inSlice(focusedRow) ? focusedRow - window.base() : -1);
        } finally {
            restoring = false;
        }
    }

    /**
     * A new list (a search, a filter, another order): nothing stays selected by its old index, which now holds
     * someone else; the learner whose detail is open is selected again where the new list has them.
     */
    private void selectAfterReset() {
        restoring = true;
        try {
            getSelectionModel().clearSelection();
            getFocusModel().focus(-1);
            selectedRow = -1;
            focusedRow = -1;
        } finally {
            restoring = false;
        }
        int again = vm.indexOfShownLearner();
        if (again >= 0 && again < window.size()) {
            getSelectionModel().select(again);
            getFocusModel().focus(again);
        }
    }

    /** The default skin, with its flow of rows within reach. */
    private static final class FlowSkin extends TableViewSkin<LearnerRow> {
        FlowSkin(LearnerTable table) {
            super(table);
        }

        VirtualFlow<?> flow() {
            return getVirtualFlow();
        }
    }

    /** What the username column shows for a row. */
    private String usernameShown(LearnerRow row) {
        return row.isMore() ? moreText() : row.learner().username();
    }

    private String moreText() {
        return messages.get(vm.pages().moreFailedProperty().get() ? "learners.moreFailed" : "learners.loadingMore");
    }

    /** A row striped by its place in the course; a click opens its detail at once. */
    private final class Row extends TableRow<LearnerRow> {
        Row() {
            setOnMouseClicked(e -> {
                // A click is a deliberate choice of this learner: no need to wait for the selection to rest.
                if (e.getButton() == MouseButton.PRIMARY && !isEmpty() && e.isStillSincePress()) {
                    vm.openSelected();
                }
            });
        }

        @Override
        public void updateIndex(int i) {
            super.updateIndex(i);
            stripe();
        }

        /**
         * Stripes by the row's place in the course, not in the slice (JavaFX's {@code :odd} follows the index in the
         * list), so the stripes stay put when the slice moves by an odd number of rows.
         */
        private void stripe() {
            int index = getIndex();
            if (index >= 0) {
                boolean odd = ((window.base() + index) & 1) == 1;
                pseudoClassStateChanged(ODD, odd);
                pseudoClassStateChanged(EVEN, !odd);
            }
        }

        @Override
        protected void updateItem(LearnerRow row, boolean empty) {
            super.updateItem(row, empty);
            stripe();
        }
    }
}
