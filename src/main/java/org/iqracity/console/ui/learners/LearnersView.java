package org.iqracity.console.ui.learners;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.CoursePicker;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.ExportRequest;
import org.iqracity.console.ui.common.FocusReturn;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Searchable;
import org.iqracity.console.ui.common.Settings;
import org.iqracity.console.ui.common.StatePane;

/** The learners screen: course picker, search, filters, the paged table and the detail pane. */
public final class LearnersView extends BorderPane implements Searchable, AutoCloseable {

    private final LearnersViewModel vm;
    private final Messages messages;
    private final CustomTextField search = new CustomTextField();
    private final StatePane state = new StatePane();
    private final LearnerTable table;
    private final ColumnChoice columns;
    private final Consumer<ExportRequest> exportRoster;
    private final FocusReturn focusReturn;

    public LearnersView(LearnersViewModel vm, Messages messages) {
        this(vm, messages, Settings.inMemory());
    }

    public LearnersView(LearnersViewModel vm, Messages messages, Settings settings) {
        this(vm, messages, settings, null);
    }

    /** With {@code exportRoster} null, the screen offers no export (the person may not export rosters). */
    public LearnersView(LearnersViewModel vm, Messages messages, Settings settings,
                        Consumer<ExportRequest> exportRoster) {
        this.vm = vm;
        this.exportRoster = exportRoster;
        this.messages = messages;
        setId("learnersView");
        this.table = new LearnerTable(vm, messages);
        this.focusReturn = new FocusReturn(this, table);
        this.columns = new ColumnChoice(settings);
        table.showColumns(columns);
        setTop(new VBox(toolbar(), new FilterBar(vm, messages, search)));
        StackPane tableArea = new StackPane(table.withScrollBar(), state);
        LearnerDetailView detail = new LearnerDetailView(vm.detail(), messages);
        SplitPane split = new SplitPane(tableArea, detail);
        split.setDividerPositions(0.66);
        SplitPane.setResizableWithParent(detail, false);
        detail.setMinWidth(340);
        setCenter(split);
        vm.stateProperty().addListener((obs, old, now) -> showState());
        vm.errorProperty().addListener((obs, old, now) -> showState());
        showState();
        // A handler, not a filter: an open drop-down or menu takes its own Escape first.
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && escape()) {
                e.consume();
            }
        });
        vm.load();
    }

    /** Escape clears the search first, then the selection (and with it the detail). */
    private boolean escape() {
        if (vm.clearSearch()) {
            return true;
        }
        if (!table.getSelectionModel().isEmpty()) {
            table.getSelectionModel().clearSelection();
            return true;
        }
        return false;
    }

    private Node toolbar() {
        ComboBox<CourseDto> courses = CoursePicker.searchable(vm.courses(), messages);
        courses.setId("coursePicker");
        // Never narrower than the chosen course's title (CoursePicker): the search gives up its room first.
        courses.setPrefWidth(380);
        HBox.setHgrow(courses, Priority.SOMETIMES);
        courses.valueProperty().bindBidirectional(vm.courseProperty());
        courses.setPromptText(messages.get("learners.course"));

        search.setId("search");
        search.setPromptText(messages.get("learners.search.prompt"));
        search.setLeft(Icons.of(AppIcon.SEARCH));
        search.setPrefWidth(380);
        search.setMinWidth(160);
        HBox.setHgrow(search, Priority.SOMETIMES);
        search.setTooltip(new Tooltip(messages.get("learners.search.tooltip")));
        search.textProperty().bindBidirectional(vm.searchProperty());
        Button clear = new Button(null, Icons.of(AppIcon.CLEAR));
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        clear.setOnAction(e -> search.clear());
        clear.setAccessibleText(messages.get("learners.search.clear"));
        clear.setTooltip(new Tooltip(messages.get("learners.search.clear")));
        clear.visibleProperty().bind(search.textProperty().isNotEmpty());
        search.setRight(clear);

        Label total = new Label();
        total.setId("total");
        total.getStyleClass().add(Css.TOTAL);
        total.setMinWidth(Region.USE_PREF_SIZE);
        // With filters on, the chips row says the count beside them; the room goes to the search.
        total.visibleProperty().bind(Bindings.isEmpty(vm.filters().chips()));
        total.managedProperty().bind(total.visibleProperty());
        total.textProperty().bind(Bindings.createStringBinding(this::totalText, vm.totalProperty(),
                vm.courseProperty(), vm.stateProperty()));

        // The count takes the free room and keeps to the right: no spacer, whose gaps a 1,024 px window cannot spare.
        total.setMaxWidth(Double.MAX_VALUE);
        total.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(total, Priority.ALWAYS);
        HBox bar = new HBox(courses, search, total, columnMenu());
        if (exportRoster != null) {
            Button export = new Button(null, Icons.of(AppIcon.DOWNLOAD));
            export.setId("exportFromLearners");
            export.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            // The tooltip says what would be exported, with the count: this view's learners, or the whole course.
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(vm.exportTextProperty());
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            export.setTooltip(tip);
            export.accessibleHelpProperty().bind(vm.exportTextProperty());
            export.setAccessibleText(messages.get("learners.export"));
            export.setAccessibleText(messages.get("learners.export"));
            export.disableProperty().bind(vm.exportable().not());
            export.setOnAction(e -> {
                ExportRequest request = vm.exportRequest(Arrays.stream(LearnerColumn.values())
                        .filter(c -> columns.shownProperty(c).get()).toList());
                if (request != null) {
                    exportRoster.accept(request);
                }
            });
            bar.getChildren().add(export);
        }
        bar.getStyleClass().add(Css.TOOLBAR);
        return bar;
    }

    /**
     * Shows and hides columns, in a ControlsFX {@link PopOver} under the button: it stays open while a person ticks
     * several, and goes on Escape or a click elsewhere. The username always shows.
     */
    private Node columnMenu() {
        Button chooser = new Button(null, Icons.of(AppIcon.COLUMNS));
        chooser.setId("columnChooser");
        chooser.setAccessibleText(messages.get("learners.columns"));
        chooser.setMinWidth(Region.USE_PREF_SIZE);
        chooser.getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_ICON);
        chooser.setTooltip(new Tooltip(messages.get("learners.columns.tooltip")));
        VBox boxes = new VBox();
        boxes.setId("columnChoices");
        boxes.getStyleClass().add(Css.COLUMN_CHOOSER);
        for (LearnerColumn c : LearnerColumn.values()) {
            if (!c.hideable()) {
                continue;
            }
            CheckBox box = new CheckBox(messages.get(c.key()));
            box.setId("show-" + c.name().toLowerCase(Locale.ROOT));
            box.setMnemonicParsing(false);
            box.selectedProperty().bindBidirectional(columns.shownProperty(c));
            boxes.getChildren().add(box);
        }
        PopOver popOver = new PopOver(boxes);
        popOver.setTitle(messages.get("learners.columns"));
        popOver.setHeaderAlwaysVisible(true);
        popOver.setDetachable(false);
        popOver.setAnimated(false);
        popOver.setArrowLocation(PopOver.ArrowLocation.TOP_RIGHT);
        chooser.setOnAction(e -> {
            if (popOver.isShowing()) {
                popOver.hide();
            } else {
                popOver.show(chooser);
                if (!boxes.getChildren().isEmpty()) {
                    boxes.getChildren().getFirst().requestFocus();
                }
            }
        });
        return chooser;
    }

    private String totalText() {
        CourseDto course = vm.courseProperty().get();
        LearnersViewModel.State now = vm.stateProperty().get();
        if (course == null || now == LearnersViewModel.State.LOADING || now == LearnersViewModel.State.ERROR
                || now == LearnersViewModel.State.INVALID) {
            return "";
        }
        long total = vm.totalProperty().get();
        boolean narrowed = !vm.searchProperty().get().isBlank() || vm.filtered();
        // A course administrator always gets the course's exact count; without one, the total stands alone.
        return narrowed && course.enrollmentCount() != null
                ? messages.format("learners.total.of", total, course.enrollmentCount())
                : messages.format("learners.total", total);
    }

    private void showState() {
        LearnersViewModel.State now = vm.stateProperty().get();
        focusReturn.listShown(false);
        state.setVisible(now != LearnersViewModel.State.READY);
        table.withScrollBar().setVisible(now == LearnersViewModel.State.READY);
        table.setVisible(now == LearnersViewModel.State.READY);
        focusReturn.listShown(now == LearnersViewModel.State.READY);
        switch (now) {
            case LOADING -> state.loading(messages.get("learners.loading"));
            case EMPTY -> state.message(AppIcon.EMPTY, messages.get("learners.empty.title"),
                    messages.get("learners.empty.text"));
            case NO_COURSES -> state.message(AppIcon.COURSE, messages.get("learners.noCourses.title"),
                    messages.get("learners.noCourses.text"));
            case ERROR -> state.error(messages.get("learners.error.title"), vm.errorProperty().get(),
                    messages.get("learners.retry"), vm::reload);
            case INVALID -> state.message(AppIcon.WARNING, messages.get("learners.invalid.title"),
                    messages.get("learners.invalid.text"));
            case READY -> { }
        }
    }

    @Override
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    @Override
    public void close() {
        vm.dispose();
    }
}
