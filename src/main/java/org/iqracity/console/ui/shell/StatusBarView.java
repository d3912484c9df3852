package org.iqracity.console.ui.shell;

import atlantafx.base.theme.Styles;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.controlsfx.control.StatusBar;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.ConnectionState;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Job;
import org.iqracity.console.ui.common.Messages;

/**
 * The shell's status line, a ControlsFX {@link StatusBar}: the connection on the left, then the embedded sandbox's
 * address and its mailbox folder (where the notices it sends land) when the console runs one; running background
 * jobs on the right, each with its progress and a cancel button. The bar's own text counts the running jobs.
 */
final class StatusBarView extends StatusBar {

    private final Label connection = new Label();
    private final HBox jobs = new HBox(12);
    private final AppState app;
    private final Messages messages;
    private final String address;

    StatusBarView(AppState app, Messages messages, String address) {
        this.app = app;
        this.messages = messages;
        this.address = address;
        setId("statusBar");
        getStyleClass().add(Css.STATUS_BAR);
        setText("");
        // The bar itself does nothing with keys: Tab goes on to its links and buttons, not to the bar.
        setFocusTraversable(false);
        connection.setId("connectionState");
        jobs.setAlignment(Pos.CENTER_RIGHT);
        getLeftItems().add(connection);
        getRightItems().add(jobs);
        app.connectionProperty().addListener((obs, old, state) -> showConnection(state));
        showConnection(app.connectionProperty().get());
        app.jobs().addListener((ListChangeListener<Job>) change -> showJobs());
        showJobs();
    }

    /**
     * The embedded sandbox's address, a link that opens the folder its sent notices are filed in, and a restart
     * (asked first; offered while the sandbox serves).
     */
    void showSandbox(ObservableValue<URI> sandbox, Path mailbox, Consumer<Path> openFolder,
                     ObservableBooleanValue serving, Runnable restart) {
        Label where = new Label("", Icons.of(AppIcon.SERVER));
        where.setId("sandboxAddress");
        where.setMnemonicParsing(false);
        where.textProperty().bind(Bindings.createStringBinding(() -> serving.get()
                ? messages.format("status.sandbox", sandbox.getValue())
                : messages.get("sandbox.restarting"), sandbox, serving));
        Hyperlink mail = new Hyperlink(messages.get("status.mailbox"), Icons.of(AppIcon.LETTER));
        mail.setId("sandboxMailbox");
        mail.setMnemonicParsing(false);
        mail.setTooltip(new Tooltip(messages.format("status.mailbox.tooltip", mailbox)));
        mail.setAccessibleHelp(messages.format("status.mailbox.tooltip", mailbox));
        mail.setOnAction(e -> openFolder.accept(mailbox));
        Hyperlink again = new Hyperlink(messages.get("status.restart"), Icons.of(AppIcon.REFRESH));
        again.setId("sandboxRestart");
        again.setMnemonicParsing(false);
        again.setTooltip(new Tooltip(messages.get("status.restart.tooltip")));
        again.setAccessibleHelp(messages.get("status.restart.tooltip"));
        again.disableProperty().bind(Bindings.not(serving));
        again.setOnAction(e -> {
            if (restartConfirmed()) {
                restart.run();
            }
        });
        Separator line = new Separator(Orientation.VERTICAL);
        getLeftItems().addAll(line, where, mail, again);
    }

    private boolean restartConfirmed() {
        ButtonType yes = new ButtonType(messages.get("status.restart.confirm.button"), ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, messages.get("status.restart.confirm"), yes,
                ButtonType.CANCEL);
        ask.setHeaderText(messages.get("status.restart.confirm.title"));
        ask.setTitle(messages.get("status.restart"));
        if (getScene() != null) {
            ask.initOwner(getScene().getWindow());
        }
        return ask.showAndWait().filter(yes::equals).isPresent();
    }

    private void showConnection(ConnectionState state) {
        connection.getStyleClass().removeAll(Css.STATUS_ONLINE, Css.STATUS_OFFLINE);
        switch (state) {
            case ONLINE -> {
                connection.setText(messages.format("status.online", address));
                connection.setGraphic(Icons.of(AppIcon.ONLINE));
                connection.getStyleClass().add(Css.STATUS_ONLINE);
            }
            case OFFLINE -> {
                connection.setText(messages.format("status.offline", address));
                connection.setGraphic(Icons.of(AppIcon.OFFLINE));
                connection.getStyleClass().add(Css.STATUS_OFFLINE);
            }
            case NONE -> {
                connection.setText(messages.get("status.none"));
                connection.setGraphic(Icons.of(AppIcon.OFFLINE));
            }
        }
        connection.setAccessibleText(connection.getText());
    }

    private void showJobs() {
        jobs.getChildren().clear();
        for (Job job : app.jobs()) {
            Label title = new Label(job.title());
            title.textProperty().bind(job.stageProperty().map(s -> s.isBlank() ? job.title() : s));
            ProgressBar bar = new ProgressBar();
            bar.setPrefWidth(120);
            bar.getStyleClass().add(Styles.SMALL);
            bar.progressProperty().bind(job.progressProperty());
            bar.accessibleTextProperty().bind(title.textProperty());
            Button cancel = new Button(null, Icons.of(AppIcon.CANCEL));
            cancel.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
            cancel.setTooltip(new Tooltip(messages.get("status.cancel")));
            cancel.setAccessibleText(messages.format("status.cancelNamed", job.title()));
            cancel.setOnAction(e -> job.cancel());
            HBox box = new HBox(title, bar, cancel);
            box.getStyleClass().add(Css.JOB);
            jobs.getChildren().add(box);
        }
        int running = app.jobs().size();
        setText(running == 0 ? "" : messages.format("status.jobs", running));
    }
}
