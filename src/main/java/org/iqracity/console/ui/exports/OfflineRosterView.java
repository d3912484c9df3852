package org.iqracity.console.ui.exports;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.io.File;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.iqracity.console.roster.query.OfflineRoster;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Fit;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Notices;
import org.iqracity.console.ui.common.SaveFolders;
import org.iqracity.console.ui.common.UserMessage;
import org.iqracity.console.ui.exports.OfflineRosterViewModel.State;

/**
 * An exported roster opened offline: first the file and its passphrase, then a read-only table like the Learners
 * screen's with a banner saying who exported it, until when it is valid and whether the platform's signature held.
 */
public final class OfflineRosterView extends BorderPane implements AutoCloseable {

    private final OfflineRosterViewModel vm;
    private final Messages messages;
    private final TableView<Integer> table = new TableView<>();
    private final PasswordField passphraseField = new PasswordField();

    public OfflineRosterView(OfflineRosterViewModel vm, Messages messages, Runnable onClose) {
        this.vm = vm;
        this.messages = messages;
        setId("offlineRosterView");
        getStyleClass().add(Css.OFFLINE);
        setTop(titleBar(onClose));
        Node ask = askCard();
        Node review = review();
        ask.visibleProperty().bind(vm.stateProperty().isNotEqualTo(State.OPEN));
        review.visibleProperty().bind(vm.stateProperty().isEqualTo(State.OPEN));
        setCenter(new StackPane(ask, review));
        vm.rosterProperty().addListener((obs, old, roster) -> columnsFor(roster));
        // A handler, not a filter: an open drop-down takes its own Escape first.
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && escape()) {
                e.consume();
            }
        });
    }

    /** Escape clears the search first, then the selected row. */
    private boolean escape() {
        String search = vm.searchProperty().get();
        if (search != null && !search.isEmpty()) {
            vm.searchProperty().set("");
            return true;
        }
        if (!table.getSelectionModel().isEmpty()) {
            table.getSelectionModel().clearSelection();
            return true;
        }
        return false;
    }

    /**
     * Puts {@code file} in the form and asks for its passphrase; a roster on screen is closed first. Refused (false)
     * while a file is being read, so a second double-click does not cut the first one short.
     */
    public boolean offerFile(Path file) {
        if (vm.stateProperty().get() == State.READING) {
            return false;
        }
        if (vm.stateProperty().get() == State.OPEN) {
            vm.close();
        }
        vm.fileProperty().set(file.toString());
        Platform.runLater(passphraseField::requestFocus);
        return true;
    }

    private Node titleBar(Runnable onClose) {
        Label title = new Label(messages.get("offline.title"), Icons.of(AppIcon.EXPORTS, 20));
        title.getStyleClass().add(Css.HEADER_TITLE);
        Label readOnly = new Label(messages.get("offline.readOnly"));
        readOnly.getStyleClass().addAll(Css.BADGE, Css.BADGE_MUTED);
        Button close = new Button(messages.get("offline.close"), Icons.of(AppIcon.CLEAR));
        close.setId("closeOffline");
        close.getStyleClass().add(Styles.BUTTON_OUTLINED);
        close.setOnAction(e -> {
            vm.close();
            onClose.run();
        });
        HBox bar = new HBox(12, title, readOnly, new Spacer(), close);
        bar.getStyleClass().add(Css.HEADER);
        return bar;
    }

    private Node askCard() {
        Label title = new Label(messages.get("offline.ask.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label text = new Label(messages.get("offline.ask.text"));
        text.setWrapText(true);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.setMinHeight(Region.USE_PREF_SIZE);
        TextField file = new TextField();
        file.setId("rosterFile");
        file.setPromptText(messages.get("offline.file.prompt"));
        file.textProperty().bindBidirectional(vm.fileProperty());
        HBox.setHgrow(file, Priority.ALWAYS);
        Button browse = new Button(messages.get("offline.browse"));
        browse.setId("browseRoster");
        browse.setOnAction(e -> chooseFile());
        TextField key = new TextField();
        key.setId("rosterKeyFile");
        key.setPromptText(messages.get("offline.key.prompt"));
        key.textProperty().bindBidirectional(vm.keyFileProperty());
        HBox.setHgrow(key, Priority.ALWAYS);
        Button chooseKey = new Button(messages.get("offline.key.browse"));
        chooseKey.setId("browseKey");
        chooseKey.setOnAction(e -> chooseKeyFile());
        PasswordField phrase = passphraseField;
        phrase.setId("rosterPassphrase");
        phrase.textProperty().bindBidirectional(vm.passphraseProperty());
        phrase.setOnAction(e -> vm.open());
        Button open = new Button(messages.get("offline.ask.open"), Icons.of(AppIcon.LOCK));
        open.setId("openRoster");
        open.getStyleClass().add(Styles.ACCENT);
        open.setMaxWidth(Double.MAX_VALUE);
        open.disableProperty().bind(vm.stateProperty().isEqualTo(State.READING));
        open.setOnAction(e -> vm.open());
        Node reading = readingProgress();
        Label offlineNote = new Label(messages.get("offline.ask.note"));
        offlineNote.getStyleClass().add(Css.NOTE);
        offlineNote.setWrapText(true);
        offlineNote.setMinHeight(Region.USE_PREF_SIZE);
        Label phraseLabel = label("offline.passphrase", phrase);
        // With a key file the passphrase is the key's own: the label says which one is asked for.
        phraseLabel.textProperty().bind(Bindings.when(vm.keyFileProperty().isEmpty())
                .then(messages.get("offline.passphrase")).otherwise(messages.get("offline.passphrase.ofKey")));
        VBox card = new VBox(8, title, text, label("offline.file", file), new HBox(8, file, browse),
                label("offline.key", key), new HBox(8, key, chooseKey), phraseLabel, phrase, new Spacer(4), open,
                reading, error("offlineError"), offlineNote);
        card.getStyleClass().addAll(Css.FORM_CARD, Css.DIALOG);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setPrefWidth(480);
        card.setMaxWidth(480);
        StackPane area = new StackPane(card);
        area.setAlignment(Pos.CENTER);
        return area;
    }

    /** While the file is read: how far, in a bar and in words, and a way to stop; the window stays live meanwhile. */
    private Node readingProgress() {
        ProgressBar bar = new ProgressBar();
        bar.setId("readingProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.readProgressProperty());
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button stop = Fit.whole(new Button(messages.get("offline.reading.cancel")));
        stop.setId("stopReading");
        stop.getStyleClass().add(Styles.SMALL);
        stop.setOnAction(e -> vm.cancelOpening());
        Label words = new Label();
        words.setId("readingText");
        words.getStyleClass().add(Styles.TEXT_MUTED);
        words.textProperty().bind(vm.readTextProperty());
        HBox barRow = new HBox(8, bar, stop);
        barRow.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, barRow, words);
        box.visibleProperty().bind(vm.stateProperty().isEqualTo(State.READING));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node review() {
        Message banner = new Message();
        banner.setId("offlineBanner");
        banner.titleProperty().bind(vm.signatureTextProperty());
        banner.descriptionProperty().bind(vm.exportedTextProperty());
        vm.verifiedProperty().addListener((obs, old, ok) -> bannerStyle(banner, ok));
        bannerStyle(banner, vm.verifiedProperty().get());

        CustomTextField search = new CustomTextField();
        search.setId("offlineSearch");
        search.setPromptText(messages.get("offline.search.prompt"));
        search.setLeft(Icons.of(AppIcon.SEARCH));
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setPrefWidth(300);
        search.setMinWidth(200);
        ComboBox<String> course = new ComboBox<>();
        course.setId("offlineCourse");
        // course ids are long: the list shows them whole, the box keeps the filters on one line at 1280
        course.setPrefWidth(260);
        course.setPromptText(messages.get("offline.filter.allCourses"));
        vm.courses().addListener((ListChangeListener<String>) c -> {
            course.getItems().setAll((String) null);
            course.getItems().addAll(vm.courses());
        });
        course.valueProperty().bindBidirectional(vm.courseProperty());
        course.setButtonCell(nullable(messages.get("offline.filter.allCourses")));
        course.setCellFactory(l -> nullable(messages.get("offline.filter.allCourses")));
        ComboBox<String> passed = new ComboBox<>();
        passed.getItems().addAll(null, "true", "false");
        passed.valueProperty().bindBidirectional(vm.passedProperty());
        passed.setButtonCell(passedCell());
        passed.setCellFactory(l -> passedCell());
        passed.visibleProperty().bind(vm.rosterProperty().map(r -> r.columnOf("passed") >= 0).orElse(false));
        passed.managedProperty().bind(passed.visibleProperty());
        CheckBox hideRetired = new CheckBox(messages.get("offline.filter.hideRetired"));
        hideRetired.selectedProperty().bindBidirectional(vm.hideRetiredProperty());
        hideRetired.visibleProperty().bind(vm.rosterProperty().map(r -> r.columnOf("retired") >= 0).orElse(false));
        hideRetired.managedProperty().bind(hideRetired.visibleProperty());
        Label total = Fit.whole(new Label());
        total.setId("offlineTotal");
        total.getStyleClass().add(Css.TOTAL);
        total.textProperty().bind(Bindings.createStringBinding(() -> vm.rosterProperty().get() == null ? ""
                : messages.format("offline.total", vm.rows().size(), vm.rosterProperty().get().rowCount()),
                vm.rows(), vm.rosterProperty()));
        FlowPane filters = new FlowPane(8, 8, search, course, passed, hideRetired);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setMinWidth(0);
        HBox actions = new HBox(12, total, convertMenu());
        actions.setAlignment(Pos.BASELINE_RIGHT);
        actions.setMinWidth(Region.USE_PREF_SIZE);
        BorderPane toolbar = new BorderPane(filters);
        toolbar.setId("offlineToolbar");
        toolbar.setRight(actions);
        BorderPane.setAlignment(actions, Pos.TOP_RIGHT);
        BorderPane.setMargin(actions, new Insets(0, 0, 0, 12));

        Message notice = new Message();
        notice.setId("offlineNotice");
        notice.getStyleClass().add(Styles.WARNING);
        notice.titleProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        vm.recordedCopyProperty().addListener((obs, old, file) -> {
            if (file != null) {
                Notices.done(this, messages.get("offline.convert.recorded.title"),
                        messages.format("offline.convert.recorded.text", file.getFileName()));
            }
        });

        table.setId("offlineTable");
        table.setItems(vm.rows());
        table.getStyleClass().addAll(Css.LEARNER_TABLE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setFixedCellSize(34);
        table.setPlaceholder(new Label(messages.get("offline.empty")));
        table.setSortPolicy(t -> {
            TableColumn<Integer, ?> first = table.getSortOrder().isEmpty() ? null : table.getSortOrder().getFirst();
            vm.sortBy(first == null ? -1 : (Integer) first.getUserData(),
                    first != null && first.getSortType() == TableColumn.SortType.DESCENDING);
            return true;
        });
        ProgressBar busy = new ProgressBar();
        busy.getStyleClass().add(Styles.SMALL);
        busy.setMaxWidth(Double.MAX_VALUE);
        busy.visibleProperty().bind(vm.queryingProperty());
        StackPane.setAlignment(busy, Pos.TOP_CENTER);
        StackPane tableArea = new StackPane(table, busy);
        // A roster of a Learners screen's view says which one, and that its rows are in that view's order.
        Message view = new Message(null, null, Icons.of(AppIcon.INFO));
        view.setId("offlineView");
        view.getStyleClass().add(Styles.ACCENT);
        view.descriptionProperty().bind(vm.viewTextProperty());
        view.visibleProperty().bind(vm.viewTextProperty().isNotEmpty());
        view.managedProperty().bind(view.visibleProperty());
        VBox top = new VBox(banner, view, toolbar, notice, error("offlineReviewError"));
        top.getStyleClass().add(Css.OFFLINE_TOP);
        BorderPane pane = new BorderPane(tableArea);
        pane.setTop(top);
        return pane;
    }

    private void bannerStyle(Message banner, boolean verified) {
        banner.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING);
        banner.getStyleClass().add(verified ? Styles.SUCCESS : Styles.WARNING);
        banner.setGraphic(Icons.of(verified ? AppIcon.CHECK : AppIcon.SHIELD_KEY));
    }

    private void columnsFor(OfflineRoster roster) {
        table.getSortOrder().clear();
        table.getColumns().clear();
        if (roster == null) {
            return;
        }
        for (int i = 0; i < roster.header().size(); i++) {
            int column = i;
            String name = roster.header().get(i);
            TableColumn<Integer, String> c = new TableColumn<>(messages.get("exports.field." + name));
            c.setUserData(column);
            c.setPrefWidth(switch (name) {
                case "email" -> 280;
                case "course_id" -> 250;
                case "username", "name" -> 170;
                case "learner_id" -> 120;
                default -> 110;
            });
            c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(vm.shown(column, cell.getValue())));
            table.getColumns().add(c);
        }
    }

    private ListCell<String> nullable(String none) {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? none : item);
            }
        };
    }

    private ListCell<String> passedCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : messages.get(item == null ? "offline.filter.passed.any"
                        : "offline.filter.passed." + item));
            }
        };
    }

    private Node error(String id) {
        Message error = new Message();
        error.setId(id);
        error.getStyleClass().add(Styles.DANGER);
        error.setGraphic(Icons.of(AppIcon.ERROR));
        error.titleProperty().bind(vm.errorProperty().map(UserMessage::text).orElse(""));
        error.descriptionProperty().bind(vm.errorProperty().map(UserMessage::hint).orElse(""));
        error.visibleProperty().bind(vm.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private Label label(String key, Node field) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add(Css.FIELD_LABEL);
        label.setLabelFor(field);
        return label;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("offline.open"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("offline.fileType"),
                "*.iqroster"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            vm.fileProperty().set(file.getPath());
        }
    }

    private void chooseKeyFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("offline.key"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(messages.get("offline.keyType"),
                "*.asc", "*.gpg", "*.key"), new FileChooser.ExtensionFilter("*", "*"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            vm.keyFileProperty().set(file.getPath());
        }
    }

    /**
     * One button for the four copies: every row or the rows shown, CSV or XLSX, each item saying how many rows it
     * writes (counted when the menu opens).
     */
    private MenuButton convertMenu() {
        MenuButton convert = Fit.whole(new MenuButton(messages.get("offline.convert"), Icons.of(AppIcon.ERROR)));
        convert.setId("convertMenu");
        MenuItem allCsv = item("convertAllCsv", CopyScope.ALL_ROWS, OfflineConversion.Format.CSV);
        MenuItem allXlsx = item("convertAllXlsx", CopyScope.ALL_ROWS, OfflineConversion.Format.XLSX);
        MenuItem viewCsv = item("convertViewCsv", CopyScope.VIEW, OfflineConversion.Format.CSV);
        MenuItem viewXlsx = item("convertViewXlsx", CopyScope.VIEW, OfflineConversion.Format.XLSX);
        convert.getItems().addAll(allCsv, allXlsx, new SeparatorMenuItem(), viewCsv, viewXlsx);
        convert.setOnShowing(e -> {
            int all = rowCount();
            int shown = vm.rows().size();
            allCsv.setText(messages.format("offline.convert.all.csv", all));
            allXlsx.setText(messages.format("offline.convert.all.xlsx", all));
            viewCsv.setText(messages.format("offline.convert.view.csv", shown));
            viewXlsx.setText(messages.format("offline.convert.view.xlsx", shown));
        });
        return convert;
    }

    private MenuItem item(String id, CopyScope scope, OfflineConversion.Format format) {
        MenuItem item = new MenuItem();
        item.setId(id);
        item.setMnemonicParsing(false);
        item.setOnAction(e -> convert(scope, format));
        return item;
    }

    private int rowCount() {
        OfflineRoster roster = vm.rosterProperty().get();
        return roster == null ? 0 : roster.rowCount();
    }

    /** An unencrypted copy leaves the roster's protection: said plainly, with the rows it holds, on an explicit yes. */
    private void convert(CopyScope scope, OfflineConversion.Format format) {
        String key = "offline." + format.extension;
        int all = rowCount();
        String rows = scope == CopyScope.VIEW
                ? messages.format("offline.convert.scope.view", vm.rows().size(), all)
                : messages.format("offline.convert.scope.all", all);
        Alert warning = new Alert(Alert.AlertType.WARNING, rows + "\n\n" + messages.get(key + ".warning.text"),
                ButtonType.CANCEL, ButtonType.OK);
        warning.setTitle(messages.get(key));
        warning.setHeaderText(messages.get(key + ".warning.title"));
        warning.initOwner(getScene().getWindow());
        ((Button) warning.getDialogPane().lookupButton(ButtonType.OK)).setText(messages.get("offline.csv.confirm"));
        ((Button) warning.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
        ((Button) warning.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        if (warning.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get(key));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.name(), "*." + format.extension));
        chooser.setInitialDirectory(SaveFolders.ofThisUser().documents().toFile());
        chooser.setInitialFileName(copyName(format));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file == null) {
            return;
        }
        if (format == OfflineConversion.Format.CSV) {
            vm.convertToCsv(file.toPath(), scope);
        } else {
            vm.convertToXlsx(file.toPath(), scope);
        }
    }

    /** "roster-CS101-2026-12-07.csv" for a copy of "roster-CS101-2026-12-07.iqroster": the copy says what it is. */
    private String copyName(OfflineConversion.Format format) {
        String opened = vm.fileProperty().get() == null ? "" : vm.fileProperty().get().strip();
        String name = opened.isEmpty() ? "roster" : Path.of(opened).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + "." + format.extension;
    }

    @Override
    public void close() {
        vm.close();
    }
}
