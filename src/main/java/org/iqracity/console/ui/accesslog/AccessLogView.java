package org.iqracity.console.ui.accesslog;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.iqracity.console.api.AccessLogEntryDto;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Fit;
import org.iqracity.console.ui.common.FocusReturn;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.StatePane;

/** The access log: filters, the table paged as it scrolls, chain verification and CSV export. */
public final class AccessLogView extends BorderPane implements AutoCloseable {

    private final AccessLogViewModel vm;
    private final Messages messages;
    private final AccessLogWords words;
    private final StatePane state = new StatePane();
    private final TableView<AccessLogEntryDto> table;
    private final DateTimeFormatter time;
    private final VBox messagesBox = new VBox(8);
    private final FocusReturn focusReturn;

    public AccessLogView(AccessLogViewModel vm, Messages messages, ZoneId zone) {
        this.vm = vm;
        this.messages = messages;
        this.words = new AccessLogWords(messages);
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(messages.locale())
                .withZone(zone);
        setId("accessLogView");
        this.table = table();
        this.focusReturn = new FocusReturn(this, table);
        messagesBox.getStyleClass().add(Css.BANNERS);
        setTop(new VBox(toolbar(), filters(), messagesBox));
        setCenter(new StackPane(table, state));
        vm.stateProperty().addListener((obs, old, now) -> showState());
        vm.errorProperty().addListener((obs, old, now) -> showState());
        vm.verdictProperty().addListener((obs, old, now) -> showBanners());
        vm.noticeProperty().addListener((obs, old, now) -> showBanners());
        showState();
        showBanners();
        // A handler, not a filter: an open drop-down or date picker takes its own Escape first.
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && escape()) {
                e.consume();
            }
        });
        vm.load();
    }

    private Node toolbar() {
        Label title = new Label(messages.get("nav.accessLog"), Icons.of(AppIcon.ACCESS_LOG));
        title.getStyleClass().add(Css.SCREEN_TITLE);
        Label total = new Label();
        total.setId("accessLogTotal");
        total.getStyleClass().add(Css.TOTAL);
        total.textProperty().bind(Bindings.createStringBinding(this::totalText, vm.totalProperty(),
                vm.stateProperty(), vm.loadingMoreProperty(), vm.rows()));

        Button verify = new Button(messages.get("accessLog.verify"), Icons.of(AppIcon.SHIELD_CHECK));
        verify.setId("verifyChain");
        verify.disableProperty().bind(vm.verifyingProperty());
        verify.setOnAction(e -> vm.verify());
        Button export = new Button(messages.get("accessLog.export"), Icons.of(AppIcon.DOWNLOAD));
        export.setId("exportAccessLog");
        export.disableProperty().bind(vm.exportingProperty());
        export.setOnAction(e -> chooseExportFile());

        HBox bar = new HBox(title, new Spacer(), total, verify, export);
        bar.getStyleClass().add(Css.TOOLBAR);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private String totalText() {
        if (vm.stateProperty().get() != AccessLogViewModel.State.READY) {
            return "";
        }
        long total = vm.totalProperty().get();
        int shown = vm.rows().size();
        if (vm.loadingMoreProperty().get()) {
            return messages.format("accessLog.total.loading", shown, total);
        }
        return shown < total ? messages.format("accessLog.total.some", shown, total)
                : messages.format("accessLog.total", total);
    }

    private Node filters() {
        TextField actor = new TextField();
        actor.setId("actorFilter");
        actor.setPromptText(messages.get("accessLog.filter.actor"));
        actor.setPrefColumnCount(10);
        actor.textProperty().bindBidirectional(vm.actorProperty());

        ComboBox<String> action = new ComboBox<>();
        action.setId("actionFilter");
        action.getItems().add(null);
        action.getItems().addAll(AccessLogWords.ACTIONS);
        action.setCellFactory(list -> new ActionCell());
        action.setButtonCell(new ActionCell());
        action.setPrefWidth(220);
        action.valueProperty().bindBidirectional(vm.actionProperty());

        TextField object = new TextField();
        object.setId("objectFilter");
        object.setPromptText(messages.get("accessLog.filter.object"));
        object.setPrefColumnCount(12);
        object.textProperty().bindBidirectional(vm.objectIdProperty());

        DatePicker from = datePicker("fromFilter", "accessLog.filter.from");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = datePicker("toFilter", "accessLog.filter.to");
        to.valueProperty().bindBidirectional(vm.toProperty());

        Button clear = Fit.whole(new Button(messages.get("learners.filter.clear"), Icons.of(AppIcon.CLEAR)));
        clear.getStyleClass().add(Styles.FLAT);
        clear.setOnAction(e -> vm.clearFilters());

        // A narrow window puts the filters on two lines rather than squeezing them.
        FlowPane bar = new FlowPane(10, 8, new Label(null, Icons.of(AppIcon.FILTER)), actor, action, object, from, to,
                clear);
        bar.getStyleClass().add(Css.FILTER_BAR);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Escape clears the typed filters first, then the selected entry. */
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

    private DatePicker datePicker(String id, String prompt) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPromptText(messages.get(prompt));
        picker.setPrefWidth(150);
        return picker;
    }

    private TableView<AccessLogEntryDto> table() {
        TableView<AccessLogEntryDto> view = new TableView<>(vm.rows());
        view.setId("accessLogTable");
        view.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        view.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        view.setFixedCellSize(34);
        // The platform decides the order (newest first); sorting a partial list would only mislead.
        view.getColumns().addAll(List.of(
                column("accessLog.col.time", 195, e -> format(e.at())),
                column("accessLog.col.actor", 110, AccessLogEntryDto::actor),
                outcomeAware("accessLog.col.action", 180, words::action),
                column("accessLog.col.object", 200, words::object),
                column("accessLog.col.course", 200, words::course),
                column("accessLog.col.client", 110, AccessLogEntryDto::client),
                column("accessLog.col.address", 100, AccessLogEntryDto::address),
                outcomeAware("accessLog.col.outcome", 95, e -> words.outcome(e.outcome()))));
        view.getColumns().forEach(c -> c.setSortable(false));
        view.setRowFactory(t -> new Row());
        EntryDetails details = new EntryDetails(messages, words, e -> format(e.at()));
        view.setOnKeyPressed(key -> {
            AccessLogEntryDto selected = view.getSelectionModel().getSelectedItem();
            if (key.getCode() == KeyCode.ENTER && selected != null) {
                details.show(view.getScene().getWindow(), selected);
                key.consume();
            }
        });
        view.setOnMouseClicked(click -> {
            AccessLogEntryDto selected = view.getSelectionModel().getSelectedItem();
            if (click.getButton() == MouseButton.PRIMARY && click.getClickCount() == 2 && selected != null) {
                details.show(view.getScene().getWindow(), selected);
            }
        });
        view.setPlaceholder(new Label(""));
        return view;
    }

    private String format(Instant when) {
        return when == null ? "" : time.format(when);
    }

    private TableColumn<AccessLogEntryDto, String> column(String key, double width,
                                                          Function<AccessLogEntryDto, String> value) {
        TableColumn<AccessLogEntryDto, String> column = new TableColumn<>(messages.get(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new TextCell());
        return column;
    }

    /** A cell that shows its whole text on hover: columns are narrower than long titles and ids. */
    private static class TextCell extends TableCell<AccessLogEntryDto, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
        }
    }

    /** A text column whose cell turns to the danger colour when the entry was a failure or a refusal. */
    private TableColumn<AccessLogEntryDto, String> outcomeAware(String key, double width,
                                                                Function<AccessLogEntryDto, String> value) {
        TableColumn<AccessLogEntryDto, String> column = column(key, width, value);
        column.setCellFactory(c -> new TextCell() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().remove(Css.OUTCOME_FAILED);
                AccessLogEntryDto entry = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (entry != null && !"SUCCESS".equals(entry.outcome())) {
                    getStyleClass().add(Css.OUTCOME_FAILED);
                }
            }
        });
        return column;
    }

    private void chooseExportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("accessLog.export.title"));
        chooser.setInitialFileName(messages.get("accessLog.export.fileName"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("export.csvFiles"), "*.csv"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            vm.exportCsv(Path.of(file.getPath()));
        }
    }

    private void showBanners() {
        messagesBox.getChildren().clear();
        AccessLogViewModel.Verdict verdict = vm.verdictProperty().get();
        if (verdict != null) {
            Message m = new Message(verdict.title(), verdict.text(), Icons.of(switch (verdict.tone()) {
                case INTACT -> AppIcon.CHECK;
                case UNSURE -> AppIcon.WARNING;
                case TAMPERED -> AppIcon.ERROR;
            }));
            m.getStyleClass().add(switch (verdict.tone()) {
                case INTACT -> Styles.SUCCESS;
                case UNSURE -> Styles.WARNING;
                case TAMPERED -> Styles.DANGER;
            });
            m.setOnClose(e -> vm.dismissVerdict());
            m.setId("verdict");
            messagesBox.getChildren().add(m);
        }
        AccessLogViewModel.Notice notice = vm.noticeProperty().get();
        if (notice != null) {
            Message m = banner(notice.ok(), notice.ok() ? "accessLog.export.done.title" : "accessLog.problem.title",
                    notice.text(), vm::dismissNotice);
            m.setId("exportNotice");
            messagesBox.getChildren().add(m);
        }
        messagesBox.setVisible(!messagesBox.getChildren().isEmpty());
        messagesBox.setManaged(messagesBox.isVisible());
    }

    private Message banner(boolean good, String titleKey, String text, Runnable dismiss) {
        Message m = new Message(messages.get(titleKey), text,
                Icons.of(good ? AppIcon.CHECK : AppIcon.ERROR));
        m.getStyleClass().add(good ? Styles.SUCCESS : Styles.DANGER);
        m.setOnClose(e -> dismiss.run());
        return m;
    }

    private void showState() {
        AccessLogViewModel.State now = vm.stateProperty().get();
        focusReturn.listShown(false);
        state.setVisible(now != AccessLogViewModel.State.READY);
        table.setVisible(now == AccessLogViewModel.State.READY);
        focusReturn.listShown(now == AccessLogViewModel.State.READY);
        switch (now) {
            case LOADING -> state.loading(messages.get("accessLog.loading"));
            case EMPTY -> state.message(AppIcon.ACCESS_LOG, messages.get("accessLog.empty.title"),
                    messages.get(vm.filtered() ? "accessLog.empty.filtered" : "accessLog.empty.text"));
            case ERROR -> state.error(messages.get("accessLog.error.title"), vm.errorProperty().get(),
                    messages.get("learners.retry"), vm::load);
            case READY -> { }
        }
    }

    @Override
    public void close() {
        vm.dispose();
    }

    private final class ActionCell extends ListCell<String> {
        @Override
        protected void updateItem(String code, boolean empty) {
            super.updateItem(code, empty);
            setText(empty ? null : words.action(code));
        }
    }

    /** Tells the ViewModel which rows are on screen, so the next page comes before the end shows. */
    private final class Row extends TableRow<AccessLogEntryDto> {
        @Override
        protected void updateItem(AccessLogEntryDto entry, boolean empty) {
            super.updateItem(entry, empty);
            if (!empty && entry != null) {
                int index = getIndex();
                // Layout must not change the list it lays out: ask for the next page after this pass.
                Platform.runLater(() -> vm.rowShown(index));
            }
        }
    }
}
