package org.iqracity.console.ui.exports;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.research.ResearchExportRequest;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.CoursePicker;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.DesktopFileOpener;
import org.iqracity.console.ui.common.FieldChecks;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Notices;
import org.iqracity.console.ui.common.SavedFiles;
import org.iqracity.console.ui.common.UserMessage;
import org.iqracity.console.ui.exports.ResearchExportViewModel.State;

/** The research export form: course, k, pseudonym kind, what the file holds, where to save; then the report. */
public final class ResearchExportView extends BorderPane implements AutoCloseable {

    private final ResearchExportViewModel vm;
    private final Messages messages;
    private final FieldChecks checks = new FieldChecks();

    public ResearchExportView(ResearchExportViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        setId("researchView");
        getStyleClass().add(Css.EXPORTS);
        setTop(header());
        HBox columns = new HBox(24, choices(), contents());
        columns.setPadding(new Insets(4, 24, 24, 24));
        HBox.setHgrow(columns.getChildren().getFirst(), Priority.ALWAYS);
        HBox.setHgrow(columns.getChildren().getLast(), Priority.ALWAYS);
        ScrollPane scroll = new ScrollPane(columns);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        setCenter(scroll);
        setBottom(footer());
        vm.load();
    }

    private Node header() {
        Label title = new Label(messages.get("research.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label text = new Label(messages.get("research.subtitle"));
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.setWrapText(true);
        VBox top = new VBox(4, title, text);
        top.setPadding(new Insets(20, 24, 12, 24));
        return top;
    }

    private Node choices() {
        ComboBox<CourseDto> course = CoursePicker.searchable(vm.courses(), messages);
        course.setId("researchCourse");
        course.setPromptText(messages.get("research.course.prompt"));
        course.setMaxWidth(Double.MAX_VALUE);
        course.valueProperty().bindBidirectional(vm.courseProperty());

        Spinner<Integer> k = new Spinner<>(ResearchExportRequest.MIN_K, ResearchExportViewModel.MAX_OFFERED_K,
                vm.kProperty().get());
        k.setId("researchK");
        k.setEditable(true);
        k.setPrefWidth(110);
        k.valueProperty().addListener((obs, old, now) -> vm.kProperty().set(now == null ? 0 : now));

        ToggleGroup keys = new ToggleGroup();
        RadioButton fresh = new RadioButton(messages.get("research.pseudonyms.fresh"));
        fresh.setId("researchFreshKey");
        fresh.setToggleGroup(keys);
        RadioButton stable = new RadioButton(messages.get("research.pseudonyms.stable"));
        stable.setId("researchStableKey");
        stable.setToggleGroup(keys);
        (vm.stableKeyProperty().get() ? stable : fresh).setSelected(true);
        stable.selectedProperty().addListener((obs, was, now) -> vm.stableKeyProperty().set(now));

        Label courseLine = checks.check(course, vm::courseProblem);
        Label kLine = checks.check(k, vm::kProblem, vm.kProperty());
        VBox box = new VBox(8, section("research.course"), course, courseLine, new Spacer(8), section("research.k"), k,
                kLine,
                note(messages.get("research.k.note")), new Spacer(8), section("research.pseudonyms"), fresh,
                indented(note(messages.get("research.pseudonyms.fresh.note"))), stable,
                indented(note(messages.get("research.pseudonyms.stable.note"))));
        // Both columns fit beside each other in a 1,024 px window, with no sideways scrolling.
        box.setMinWidth(340);
        return box;
    }

    private Node contents() {
        Message warning = new Message(messages.get("research.contents.title"), messages.get("research.contents"));
        warning.setId("researchContents");
        warning.getStyleClass().add(Styles.WARNING);
        warning.setGraphic(Icons.of(AppIcon.SHIELD_KEY));

        TextField target = new TextField();
        target.setId("researchTarget");
        target.setPromptText(messages.get("research.target.prompt"));
        target.textProperty().bindBidirectional(vm.targetProperty());
        HBox.setHgrow(target, Priority.ALWAYS);
        Button choose = new Button(messages.get("research.target.choose"));
        choose.setId("researchChooseTarget");
        choose.setOnAction(e -> chooseTarget());
        Label targetLine = checks.check(target, vm::targetProblem);
        VBox box = new VBox(8, warning, new Spacer(8), section("research.target"), new HBox(8, target, choose),
                targetLine, note(messages.get("research.target.note")));
        box.setMinWidth(340);
        box.setMaxWidth(560);
        return box;
    }

    private Node footer() {
        Button run = new Button(messages.get("research.run"), Icons.of(AppIcon.EXPORTS));
        run.setId("runResearch");
        run.getStyleClass().add(Styles.ACCENT);
        run.setDefaultButton(true);
        run.disableProperty().bind(vm.problemProperty().isNotNull().or(checks.invalidProperty())
                .or(vm.stateProperty().isEqualTo(State.RUNNING)));
        run.setOnAction(e -> vm.export());
        vm.replaceAskedProperty().addListener((obs, old, file) -> {
            if (file != null) {
                SavedFiles.askToReplace(this, messages, file, vm::replace, vm::keep);
            }
        });
        Label problem = new Label();
        problem.setId("researchProblem");
        problem.getStyleClass().add(Styles.TEXT_MUTED);
        problem.textProperty().bind(vm.problemProperty().map(p -> p).orElse(""));

        ProgressBar bar = new ProgressBar(-1);
        bar.setId("researchProgress");
        bar.setPrefWidth(220);
        Label received = new Label();
        received.setId("researchReceived");
        received.textProperty().bind(Bindings.createStringBinding(() -> vm.bytesReceivedProperty().get() == 0
                ? messages.get("research.progress.preparing")
                : messages.format("research.progress.receiving", vm.bytesReceivedProperty().get() / 1024),
                vm.bytesReceivedProperty()));
        Button cancel = new Button(messages.get("research.cancel"), Icons.of(AppIcon.CANCEL));
        cancel.setId("cancelResearch");
        cancel.setOnAction(e -> vm.cancel());
        HBox progress = new HBox(10, bar, received, cancel);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(vm.stateProperty().isEqualTo(State.RUNNING));
        progress.managedProperty().bind(progress.visibleProperty());
        problem.visibleProperty().bind(progress.visibleProperty().not());
        problem.managedProperty().bind(problem.visibleProperty());

        Message done = new Message();
        done.setId("researchDone");
        done.getStyleClass().add(Styles.SUCCESS);
        done.setGraphic(Icons.of(AppIcon.CHECK));
        done.setTitle(messages.get("research.done.title"));
        done.descriptionProperty().bind(Bindings.createStringBinding(vm::report, vm.savedProperty()));
        done.visibleProperty().bind(vm.stateProperty().isEqualTo(State.DONE));
        done.managedProperty().bind(done.visibleProperty());
        Button showInFolder = SavedFiles.showInFolder(messages,
                () -> vm.savedProperty().get() == null ? null : vm.savedProperty().get().file(),
                new DesktopFileOpener());
        showInFolder.setId("researchShowInFolder");
        showInFolder.visibleProperty().bind(done.visibleProperty());
        showInFolder.managedProperty().bind(showInFolder.visibleProperty());
        vm.stateProperty().addListener((obs, old, now) -> {
            if (now == State.DONE) {
                Notices.done(this, messages.get("research.done.title"), vm.report());
            }
        });
        Message cancelled = new Message(messages.get("research.cancelled.title"),
                messages.get("research.cancelled.text"));
        cancelled.setId("researchCancelled");
        cancelled.getStyleClass().add(Styles.WARNING);
        cancelled.visibleProperty().bind(vm.stateProperty().isEqualTo(State.CANCELLED));
        cancelled.managedProperty().bind(cancelled.visibleProperty());
        Message error = new Message();
        error.setId("researchError");
        error.getStyleClass().add(Styles.DANGER);
        error.setGraphic(Icons.of(AppIcon.ERROR));
        error.titleProperty().bind(vm.errorProperty().map(UserMessage::text).orElse(""));
        error.descriptionProperty().bind(vm.errorProperty().map(UserMessage::hint).orElse(""));
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        HBox actions = new HBox(12, run, problem, progress);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox footer = new VBox(10, done, showInFolder, cancelled, error, actions);
        footer.getStyleClass().add(Css.EXPORTS_FOOTER);
        return footer;
    }

    private void chooseTarget() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("research.target.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("research.fileType"), "*.zip"));
        chooser.setInitialDirectory(vm.dialogFolder().toFile());
        chooser.setInitialFileName(ResearchExportViewModel.suggestedName(vm.courseProperty().get()));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            vm.chosenInDialog(file.getPath());
        }
    }

    private Label section(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add(Css.SECTION_TITLE);
        return label;
    }

    private static Label note(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Css.NOTE);
        label.setWrapText(true);
        return label;
    }

    private static Node indented(Node node) {
        VBox box = new VBox(node);
        box.setPadding(new Insets(0, 0, 4, 28));
        return box;
    }

    /** Leaving the console stops a running export; the exporter leaves no file behind. */
    @Override
    public void close() {
        vm.cancel();
    }
}
