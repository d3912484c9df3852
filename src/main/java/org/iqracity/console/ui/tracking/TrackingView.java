package org.iqracity.console.ui.tracking;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.TrackingSettingsDto;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.EnrolledText;
import org.iqracity.console.ui.common.Fit;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.LeaveGuard;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Notices;
import org.iqracity.console.ui.common.StatePane;

/** Courses & tracking: the course list, the settings editor with preview and coverage, the version history. */
public final class TrackingView extends BorderPane implements LeaveGuard, AutoCloseable {

    /**
     * Below this width (a 1,024 px window) the course list and the preview narrow, so that the settings keep the
     * room their table and form need.
     */
    private static final double NARROW = 1000;
    private static final PseudoClass NARROW_CLASS = PseudoClass.getPseudoClass("narrow");

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);

    private final TrackingViewModel vm;
    private final Messages messages;
    private final DateTimeFormatter when;
    private final StatePane state = new StatePane();
    private final ListView<CourseDto> courseList;
    private final BorderPane editor = new BorderPane();
    private final BooleanBinding narrow = widthProperty().lessThan(NARROW).and(widthProperty().greaterThan(0));
    private final Message notice = new Message();
    private final Message problems = new Message();
    private final TechnologyForm form;

    public TrackingView(TrackingViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(messages.locale()).withZone(ZoneId.systemDefault());
        setId("trackingView");
        getStyleClass().add(Css.TRACKING);
        narrow.addListener((obs, was, now) -> pseudoClassStateChanged(NARROW_CLASS, now));
        courseList = new ListView<>(vm.courses());
        this.form = new TechnologyForm(messages);
        setLeft(courses());
        editor.setTop(header());
        editor.setCenter(tabs());
        setCenter(new StackPane(editor, state));
        vm.stateProperty().addListener((obs, old, now) -> showState());
        vm.errorProperty().addListener((obs, old, now) -> showState());
        showState();
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(SAVE, () -> saveShortcut(scene));
            }
        });
        vm.load();
    }

    private void saveShortcut(Scene scene) {
        // The accelerator belongs to the whole window; it acts only while this screen is in it.
        if (getScene() == scene && vm.stateProperty().get() == TrackingViewModel.State.READY) {
            vm.save();
        }
    }

    private Node courses() {
        Label title = new Label(messages.get("tracking.courses"));
        title.getStyleClass().add(Css.SECTION_TITLE);
        title.setStyle("-fx-padding: 12px 12px 4px 12px;");
        courseList.setId("trackingCourses");
        courseList.setCellFactory(list -> new CourseCell());
        courseList.setFixedCellSize(66);
        courseList.getSelectionModel().selectedItemProperty().addListener((obs, old, picked) -> {
            if (picked != null && !picked.equals(vm.courseProperty().get())) {
                // After the click is handled: the question may open a dialog, and a "stay" resets the selection.
                Platform.runLater(() -> {
                    vm.selectCourse(picked);
                    courseList.getSelectionModel().select(vm.courseProperty().get());
                });
            }
        });
        vm.courseProperty().addListener((obs, old, now) -> courseList.getSelectionModel().select(now));
        VBox.setVgrow(courseList, Priority.ALWAYS);
        VBox box = new VBox(title, courseList);
        box.getStyleClass().add(Css.TRACKING_COURSES);
        return box;
    }

    private Node header() {
        Label title = new Label();
        title.setId("trackingTitle");
        title.getStyleClass().add(Css.PAGE_TITLE);
        title.textProperty().bind(vm.courseProperty().map(CourseDto::title).orElse(""));
        Label version = new Label();
        version.setId("trackingVersion");
        version.getStyleClass().add(Css.PAGE_SUBTITLE);
        Fit.wrapping(version);
        version.textProperty().bind(vm.savedProperty().map(this::versionText).orElse(""));
        Label unsaved = new Label(messages.get("tracking.unsaved"));
        unsaved.setId("unsavedBadge");
        unsaved.getStyleClass().addAll(Css.BADGE);
        unsaved.visibleProperty().bind(vm.draft().dirtyProperty());
        unsaved.managedProperty().bind(unsaved.visibleProperty());

        Button discard = Fit.whole(new Button(messages.get("tracking.discard"), Icons.of(AppIcon.UNDO)));
        discard.setId("trackingDiscard");
        discard.setTooltip(new Tooltip(messages.get("tracking.discard.tooltip")));
        discard.disableProperty().bind(vm.draft().dirtyProperty().not().or(vm.busyProperty()));
        discard.setOnAction(e -> vm.discard());
        Button save = Fit.whole(new Button(messages.get("tracking.save"), Icons.of(AppIcon.SAVE)));
        save.setId("trackingSave");
        save.getStyleClass().add(Styles.ACCENT);
        save.setTooltip(new Tooltip(messages.get("tracking.save.tooltip")));
        save.disableProperty().bind(vm.draft().dirtyProperty().not().or(vm.busyProperty())
                .or(form.invalidProperty()));
        save.setOnAction(e -> vm.save());

        VBox heading = new VBox(2, title, version);
        heading.setMinWidth(0);
        HBox.setHgrow(heading, Priority.ALWAYS);
        Fit.whole(unsaved);
        HBox bar = new HBox(heading, unsaved, discard, save);
        bar.getStyleClass().add(Css.TRACKING_HEADER);

        notice.setId("trackingNotice");
        notice.managedProperty().bind(notice.visibleProperty());
        vm.noticeProperty().addListener((obs, old, now) -> showNotice(now));
        showNotice(null);
        VBox top = new VBox(bar, padded(notice), padded(undoBar()));
        return top;
    }

    /** What Discard or Remove just did, with the button that brings it back. */
    private Node undoBar() {
        Label text = new Label();
        text.setId("trackingUndoText");
        text.setWrapText(true);
        text.textProperty().bind(vm.undoTextProperty());
        Button undo = Fit.whole(new Button(messages.get("tracking.undo"), Icons.of(AppIcon.UNDO)));
        undo.setId("trackingUndo");
        undo.getStyleClass().add(Styles.SMALL);
        undo.setOnAction(e -> vm.undo());
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox bar = new HBox(12, text, undo);
        bar.setId("trackingUndoBar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Css.SECTION_CARD);
        bar.visibleProperty().bind(vm.undoTextProperty().isNotNull());
        return bar;
    }

    private String versionText(TrackingSettingsDto s) {
        if (s.version() == 0 || s.updatedAt() == null) {
            return messages.get("tracking.version.default");
        }
        return messages.format("tracking.version.by", s.version(), s.updatedBy(), when.format(s.updatedAt()));
    }

    /**
     * A save that went through is told by a notification that passes (the form stays where it is, as the person left
     * it); what needs their attention stays above the form until it is dealt with.
     */
    private void showNotice(TrackingViewModel.Notice now) {
        boolean passing = now != null && now.kind() == TrackingViewModel.NoticeKind.SUCCESS;
        notice.setVisible(now != null && !passing);
        if (passing) {
            Notices.done(this, messages.get("tracking.notice.saved.title"), now.text());
        }
        if (now == null || passing) {
            return;
        }
        notice.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
        notice.getStyleClass().add(switch (now.kind()) {
            case SUCCESS -> Styles.SUCCESS;
            case WARNING -> Styles.WARNING;
            case DANGER -> Styles.DANGER;
        });
        notice.setGraphic(Icons.of(now.kind() == TrackingViewModel.NoticeKind.SUCCESS ? AppIcon.CHECK
                : AppIcon.WARNING));
        notice.setTitle(null);
        notice.setDescription(now.text());
    }

    private Node tabs() {
        Tab settings = new Tab(messages.get("tracking.tab.settings"), settings());
        settings.setId("settingsTab");
        Tab history = new Tab(messages.get("tracking.tab.history"), new HistoryPane(vm.history(), vm, messages));
        history.setId("historyTab");
        TabPane tabs = new TabPane(settings, history);
        tabs.setId("trackingTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private Node settings() {
        problems.setId("problems");
        problems.getStyleClass().add(Styles.DANGER);
        problems.setGraphic(Icons.of(AppIcon.ERROR));
        problems.setTitle(messages.get("tracking.problems"));
        problems.managedProperty().bind(problems.visibleProperty());
        vm.draft().revisionProperty().addListener((obs, old, now) -> showProblems());
        vm.draft().generalErrors().addListener((ListChangeListener<String>) c -> showProblems());
        vm.noticeProperty().addListener((obs, old, now) -> showProblems());
        showProblems();
        vm.selectedTechnologyProperty().addListener((obs, old, now) -> form.show(now));

        VBox main = new VBox(12, categories(), problems, new TechnologyTable(vm, messages), form);
        main.setStyle("-fx-padding: 12px 16px;");
        // narrower than this, the table's headers and the form's choices would be cut: the settings scroll instead
        main.setMinWidth(460);
        ScrollPane mainScroll = new ScrollPane(main);
        mainScroll.setFitToWidth(true);
        vm.noticeProperty().addListener((obs, old, now) -> {
            TechnologyDraft selected = vm.selectedTechnologyProperty().get();
            if (now != null && now.kind() == TrackingViewModel.NoticeKind.WARNING && selected != null
                    && !selected.errors().isEmpty()) {
                // The fields to fix are in the form at the bottom: bring it into view.
                Platform.runLater(() -> mainScroll.setVvalue(mainScroll.getVmax()));
            }
        });
        VBox side = new VBox(12, new PreviewPane(vm.preview(), messages), new CoveragePane(vm, messages));
        side.setStyle("-fx-padding: 12px 16px 12px 4px;");
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.minWidthProperty().bind(Bindings.when(narrow).then(250).otherwise(300));
        SplitPane split = new SplitPane(mainScroll, sideScroll);
        split.setDividerPositions(0.64);
        SplitPane.setResizableWithParent(sideScroll, false);
        editor.disableProperty().bind(vm.busyProperty());
        return split;
    }

    private void showProblems() {
        boolean show = vm.noticeProperty().get() != null && vm.draft().hasErrors();
        problems.setVisible(show);
        if (show) {
            problems.setDescription("\u2022 " + String.join("\n\u2022 ", vm.draft().problemSummary()));
        }
    }

    private Node categories() {
        Label title = new Label(messages.get("tracking.categories"));
        title.getStyleClass().add(Css.SECTION_CARD_TITLE);
        Label text = new Label(messages.get("tracking.categories.text"));
        text.getStyleClass().add(Css.HINT);
        text.setWrapText(true);
        ToggleSwitch necessary = toggle("catNecessary", "tracking.category.STRICTLY_NECESSARY");
        necessary.setSelected(true);
        necessary.setDisable(true);
        necessary.setMinWidth(Region.USE_PREF_SIZE);
        Label always = Fit.wrapping(new Label(messages.get("tracking.category.alwaysOn"), Icons.of(AppIcon.LOCK)));
        always.getStyleClass().add(Css.HINT);
        HBox.setHgrow(always, Priority.ALWAYS);
        ToggleSwitch performance = toggle("catPerformance", "tracking.category.PERFORMANCE");
        performance.selectedProperty().bindBidirectional(vm.draft().performanceProperty());
        ToggleSwitch functionality = toggle("catFunctionality", "tracking.category.FUNCTIONALITY");
        functionality.selectedProperty().bindBidirectional(vm.draft().functionalityProperty());
        ToggleSwitch marketing = toggle("catMarketing", "tracking.category.MARKETING");
        marketing.selectedProperty().bindBidirectional(vm.draft().marketingProperty());
        ToggleSwitch gpc = toggle("honourGpc", "tracking.gpc");
        gpc.selectedProperty().bindBidirectional(vm.draft().honourGpcProperty());

        HBox necessaryRow = new HBox(16, necessary, always);
        necessaryRow.setAlignment(Pos.CENTER_LEFT);
        VBox switches = new VBox(10, necessaryRow, performance, functionality, marketing, new Separator(), gpc);
        VBox card = new VBox(title, text, switches);
        card.setId("categoriesCard");
        card.getStyleClass().add(Css.SECTION_CARD);
        return card;
    }

    /** A switch whose words wrap in a narrow window, the switch beside them still whole. */
    private ToggleSwitch toggle(String id, String key) {
        ToggleSwitch toggle = Fit.wrapping(new ToggleSwitch(messages.get(key)));
        toggle.setId(id);
        return toggle;
    }

    private static Node padded(Node node) {
        StackPane box = new StackPane(node);
        box.setStyle("-fx-padding: 0 16px 4px 16px;");
        box.managedProperty().bind(node.visibleProperty());
        box.visibleProperty().bind(node.visibleProperty());
        return box;
    }

    private void showState() {
        TrackingViewModel.State now = vm.stateProperty().get();
        state.setVisible(now != TrackingViewModel.State.READY);
        editor.setVisible(now == TrackingViewModel.State.READY);
        switch (now) {
            case LOADING -> state.loading(messages.get(vm.courseProperty().get() == null ? "tracking.loadingCourses"
                    : "tracking.loading"));
            case NO_COURSES -> state.message(AppIcon.COURSE, messages.get("tracking.noCourses.title"),
                    messages.get("tracking.noCourses.text"));
            case ERROR -> state.error(messages.get("tracking.error.title"), vm.errorProperty().get(),
                    messages.get("tracking.retry"), vm::reload);
            case READY -> { }
        }
    }

    @Override
    public void leave(Runnable proceed) {
        vm.leave(proceed);
    }

    @Override
    public void close() {
        vm.dispose();
    }

    /** Title, then key and enrollment count. */
    private final class CourseCell extends ListCell<CourseDto> {
        @Override
        protected void updateItem(CourseDto course, boolean empty) {
            super.updateItem(course, empty);
            if (empty || course == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Label title = new Label(course.title());
            title.getStyleClass().add(Css.COURSE_CELL_TITLE);
            Label key = new Label(course.id() + "\n" + EnrolledText.of(messages, course));
            key.getStyleClass().add(Css.COURSE_CELL_KEY);
            setText(null);
            setGraphic(new VBox(2, title, key));
            // a narrow window cuts a long title or id: the whole of both on hover
            setTooltip(new Tooltip(course.title() + "\n" + course.id()));
        }
    }
}
