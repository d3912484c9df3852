package org.iqracity.console.ui.exports;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.CourseCell;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.DesktopFileOpener;
import org.iqracity.console.ui.common.FieldChecks;
import org.iqracity.console.ui.common.Fit;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Notices;
import org.iqracity.console.ui.common.SavedFiles;
import org.iqracity.console.ui.common.UserMessage;
import org.iqracity.console.ui.exports.ExportViewModel.State;

/** The exports screen: what to export, who can open it, until when and where; then progress and the result. */
public final class ExportView extends BorderPane implements AutoCloseable {

    private final ExportViewModel vm;
    private final Messages messages;
    private final FieldChecks checks = new FieldChecks();

    public ExportView(ExportViewModel vm, Messages messages, Runnable openRoster) {
        this.vm = vm;
        this.messages = messages;
        setId("exportsView");
        getStyleClass().add(Css.EXPORTS);
        setTop(header(openRoster));
        HBox columns = new HBox(24, what(), protection());
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

    private Node header(Runnable openRoster) {
        Label title = new Label(messages.get("exports.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label text = new Label(messages.get("exports.subtitle"));
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.setWrapText(true);
        Button open = Fit.whole(new Button(messages.get("offline.open"), Icons.of(AppIcon.EXPORTS)));
        open.setId("openRosterFromShell");
        open.setOnAction(e -> openRoster.run());
        VBox words = new VBox(4, title, text);
        words.setMinWidth(0);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox top = new HBox(12, words, open);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(20, 24, 12, 24));
        return top;
    }

    private Node what() {
        VBox courseBoxes = new VBox(6);
        courseBoxes.setId("exportCourses");
        vm.courses().addListener((ListChangeListener<ExportViewModel.CourseChoice>) c -> {
            if (c.next() && (c.wasAdded() || c.wasRemoved())) {
                fillCourses(courseBoxes);
            }
        });
        fillCourses(courseBoxes);
        FlowPane fieldBoxes = new FlowPane(12, 8);
        fieldBoxes.setPrefWrapLength(420);
        for (ExportViewModel.FieldChoice f : vm.fields()) {
            CheckBox box = Fit.wrapping(new CheckBox(messages.get("exports.field." + f.field().column())));
            box.setId("field-" + f.field().column());
            box.setMinWidth(150);
            box.selectedProperty().bindBidirectional(f.selected());
            fieldBoxes.getChildren().add(box);
        }
        Label fieldsNote = note(messages.get("exports.fields.note"));
        atlantafx.base.controls.Message from = new atlantafx.base.controls.Message(null, null,
                Icons.of(AppIcon.INFO));
        from.setId("exportFromLearners");
        from.getStyleClass().add(Styles.ACCENT);
        from.descriptionProperty().bind(vm.fromScreenProperty());
        from.visibleProperty().bind(vm.fromScreenProperty().isNotEmpty());
        from.managedProperty().bind(from.visibleProperty());
        return new VBox(10, from, section("exports.courses"), courseBoxes, new Spacer(8), section("exports.fields"),
                fieldsNote, fieldBoxes);
    }

    private void fillCourses(VBox boxes) {
        boxes.getChildren().clear();
        for (ExportViewModel.CourseChoice c : vm.courses()) {
            // As in the course pickers: the title and run, under them the id and count. A course id holds
            // underscores ("2026_T1"), and titles can be long.
            CheckBox box = Fit.wrapping(new CheckBox(CourseCell.titled(messages, c.course())));
            Label key = Fit.wrapping(new Label(CourseCell.key(messages, c.course())));
            key.getStyleClass().addAll(Css.COURSE_CELL_KEY, Css.UNDER_CHECK_BOX);
            box.setId("course-" + boxes.getChildren().size());
            box.selectedProperty().bindBidirectional(c.selected());
            boxes.getChildren().add(new VBox(box, key));
        }
    }

    private Node protection() {
        PasswordField phrase = new PasswordField();
        phrase.setId("exportPassphrase");
        phrase.setPromptText(messages.format("exports.passphrase.prompt", PassphraseStrength.MIN_LENGTH));
        phrase.textProperty().bindBidirectional(vm.passphraseProperty());
        PasswordField again = new PasswordField();
        again.setId("exportPassphraseAgain");
        again.setPromptText(messages.get("exports.passphraseAgain.prompt"));
        again.textProperty().bindBidirectional(vm.passphraseAgainProperty());
        ProgressBar meter = new ProgressBar();
        meter.setId("strengthMeter");
        meter.setMaxWidth(Double.MAX_VALUE);
        meter.getStyleClass().add(Styles.SMALL);
        meter.progressProperty().bind(Bindings.createDoubleBinding(() -> vm.strengthProperty().get().fraction(),
                vm.strengthProperty()));
        Label strength = new Label();
        strength.setId("strengthText");
        strength.getStyleClass().add(Css.NOTE);
        vm.strengthProperty().addListener((obs, old, now) -> showStrength(meter, strength, now));
        showStrength(meter, strength, vm.strengthProperty().get());

        VBox keys = new VBox(4);
        vm.recipients().addListener((ListChangeListener<ExportViewModel.Recipient>) c -> fillKeys(keys));
        Button addKey = new Button(messages.get("exports.key.add"), Icons.of(AppIcon.SHIELD_KEY));
        addKey.setId("addKey");
        addKey.setOnAction(e -> chooseKey());

        ToggleGroup expiry = new ToggleGroup();
        HBox expiryButtons = new HBox();
        expiryButtons.getStyleClass().add(Css.SEGMENTED);
        for (int days : ExportViewModel.EXPIRY_CHOICES) {
            ToggleButton b = new ToggleButton(messages.format("exports.expiry.days", days));
            b.setId("expiry-" + days);
            b.setToggleGroup(expiry);
            b.setSelected(vm.expiryDaysProperty().get() == days);
            b.setOnAction(e -> {
                vm.expiryDaysProperty().set(days);
                b.setSelected(true);
            });
            expiryButtons.getChildren().add(b);
        }
        expiryButtons.getChildren().getFirst().getStyleClass().add(Styles.LEFT_PILL);
        expiryButtons.getChildren().get(1).getStyleClass().add(Styles.CENTER_PILL);
        expiryButtons.getChildren().getLast().getStyleClass().add(Styles.RIGHT_PILL);

        TextField target = new TextField();
        target.setId("exportTarget");
        target.setPromptText(messages.get("exports.target.prompt"));
        target.textProperty().bindBidirectional(vm.targetProperty());
        HBox.setHgrow(target, Priority.ALWAYS);
        Button choose = new Button(messages.get("exports.target.choose"));
        choose.setOnAction(e -> chooseTarget());

        Label phraseLine = checks.check(phrase, vm::passphraseProblem);
        Label againLine = checks.check(again, vm::passphraseAgainProblem, vm.passphraseProperty());
        Label targetLine = checks.check(target, vm::targetProblem);
        VBox box = new VBox(8, section("exports.protection"), note(messages.get("exports.protection.note")),
                label("exports.passphrase", phrase), phrase, phraseLine, again, againLine, meter, strength,
                new Spacer(4),
                label("exports.keys", addKey), keys, addKey, new Spacer(8), section("exports.expiry"), expiryButtons,
                new Spacer(8), section("exports.target"), new HBox(8, target, choose), targetLine,
                note(messages.get("exports.target.note")));
        box.setMinWidth(380);
        box.setMaxWidth(520);
        return box;
    }

    private void showStrength(ProgressBar meter, Label label, PassphraseStrength s) {
        meter.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING, Styles.SUCCESS);
        meter.getStyleClass().add(switch (s.level()) {
            case TOO_SHORT, WEAK -> Styles.DANGER;
            case FAIR -> Styles.WARNING;
            case GOOD, STRONG -> Styles.SUCCESS;
        });
        label.setText(vm.passphraseProperty().get().isEmpty() ? messages.get("exports.strength.none")
                : messages.format("exports.strength." + s.level().name(), Math.round(s.bits())));
    }

    private void fillKeys(VBox keys) {
        keys.getChildren().clear();
        for (ExportViewModel.Recipient r : vm.recipients()) {
            Button remove = new Button(null, Icons.of(AppIcon.CLEAR));
            remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
            remove.setOnAction(e -> vm.removeRecipient(r));
            remove.setAccessibleText(messages.format("exports.key.remove", r.userId()));
            remove.setTooltip(new Tooltip(messages.format("exports.key.remove", r.userId())));
            Label who = new Label(messages.format("exports.key.entry", r.userId(), r.keyId()), Icons.of(AppIcon.LOCK));
            HBox row = new HBox(6, who, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            keys.getChildren().add(row);
        }
    }

    private Node footer() {
        Button export = new Button(messages.get("exports.run"), Icons.of(AppIcon.EXPORTS));
        export.setId("runExport");
        export.getStyleClass().add(Styles.ACCENT);
        export.setDefaultButton(true);
        export.disableProperty().bind(vm.problemProperty().isNotNull().or(checks.invalidProperty())
                .or(vm.stateProperty().isEqualTo(State.RUNNING)));
        export.setOnAction(e -> vm.export());
        vm.replaceAskedProperty().addListener((obs, old, file) -> {
            if (file != null) {
                SavedFiles.askToReplace(this, messages, file, vm::replace, vm::keep);
            }
        });
        Label problem = new Label();
        problem.setId("exportProblem");
        problem.getStyleClass().add(Styles.TEXT_MUTED);
        problem.textProperty().bind(vm.problemProperty().map(p -> p).orElse(""));

        ProgressBar bar = new ProgressBar();
        bar.setId("exportProgress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> vm.rowsExpectedProperty().get() <= 0 ? -1
                : Math.min(1, vm.rowsDoneProperty().get() / (double) vm.rowsExpectedProperty().get()),
                vm.rowsDoneProperty(), vm.rowsExpectedProperty()));
        Label rows = new Label();
        rows.setId("exportRows");
        rows.textProperty().bind(Bindings.createStringBinding(() -> messages.format("exports.progress",
                vm.rowsDoneProperty().get(), vm.rowsExpectedProperty().get(),
                Math.round(vm.rowsPerSecondProperty().get())),
                vm.rowsDoneProperty(), vm.rowsExpectedProperty(), vm.rowsPerSecondProperty()));
        Button cancel = new Button(messages.get("exports.cancel"), Icons.of(AppIcon.CANCEL));
        cancel.setId("cancelExport");
        cancel.setOnAction(e -> vm.cancel());
        HBox progress = new HBox(10, bar, rows, cancel);
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(vm.stateProperty().isEqualTo(State.RUNNING));
        progress.managedProperty().bind(progress.visibleProperty());
        problem.visibleProperty().bind(progress.visibleProperty().not());
        problem.managedProperty().bind(problem.visibleProperty());

        Message done = new Message();
        done.setId("exportDone");
        done.getStyleClass().add(Styles.SUCCESS);
        done.setGraphic(Icons.of(AppIcon.CHECK));
        done.setTitle(messages.get("exports.done.title"));
        done.descriptionProperty().bind(vm.resultProperty());
        done.visibleProperty().bind(vm.stateProperty().isEqualTo(State.DONE));
        done.managedProperty().bind(done.visibleProperty());
        Button showInFolder = SavedFiles.showInFolder(messages, vm.savedFileProperty()::get, new DesktopFileOpener());
        showInFolder.setId("exportShowInFolder");
        showInFolder.visibleProperty().bind(done.visibleProperty());
        showInFolder.managedProperty().bind(showInFolder.visibleProperty());
        vm.stateProperty().addListener((obs, old, now) -> {
            if (now == State.DONE) {
                Notices.done(this, messages.get("exports.done.title"), vm.resultProperty().get());
            }
        });
        Message cancelled = new Message(messages.get("exports.cancelled.title"),
                messages.get("exports.cancelled.text"));
        cancelled.setId("exportCancelled");
        cancelled.getStyleClass().add(Styles.WARNING);
        cancelled.visibleProperty().bind(vm.stateProperty().isEqualTo(State.CANCELLED));
        cancelled.managedProperty().bind(cancelled.visibleProperty());
        Message error = new Message();
        error.setId("exportError");
        error.getStyleClass().add(Styles.DANGER);
        error.setGraphic(Icons.of(AppIcon.ERROR));
        error.titleProperty().bind(vm.errorProperty().map(UserMessage::text).orElse(""));
        error.descriptionProperty().bind(vm.errorProperty().map(UserMessage::hint).orElse(""));
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        HBox actions = new HBox(12, export, problem, progress);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox footer = new VBox(10, done, showInFolder, cancelled, error, actions);
        footer.getStyleClass().add(Css.EXPORTS_FOOTER);
        return footer;
    }

    private void chooseTarget() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("exports.target.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("offline.fileType"),
                "*.iqroster"));
        chooser.setInitialDirectory(vm.dialogFolder().toFile());
        chooser.setInitialFileName(vm.suggestedFileName());
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            vm.chosenInDialog(file.getPath());
        }
    }

    private void chooseKey() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("exports.key.add"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(messages.get("exports.key.fileType"), "*.asc", "*.gpg", "*.pgp"),
                new FileChooser.ExtensionFilter(messages.get("exports.key.allFiles"), "*.*"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            vm.addRecipientKey(file.toPath());
        }
    }

    private Label section(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add(Css.SECTION_TITLE);
        return label;
    }

    private Label label(String key, Node field) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add(Css.FIELD_LABEL);
        label.setLabelFor(field);
        return label;
    }

    private static Label note(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Css.NOTE);
        label.setWrapText(true);
        return label;
    }

    /** Leaving the console stops a running export; the exporter leaves no file behind. */
    @Override
    public void close() {
        vm.cancel();
    }
}
