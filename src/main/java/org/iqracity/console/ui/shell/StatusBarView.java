package org.iqracity.console.ui.shell;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.ConnectionState;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Job;
import org.iqracity.console.ui.common.Messages;

/** Connection state on the left, running background jobs (progress, cancel) on the right. */
final class StatusBarView extends HBox {

    private final Label connection = new Label();
    private final HBox jobs = new HBox(12);
    private final AppState app;
    private final Messages messages;
    private final String address;

    StatusBarView(AppState app, Messages messages, String address) {
        this.app = app;
        this.messages = messages;
        this.address = address;
        getStyleClass().add(Css.STATUS_BAR);
        connection.setId("connectionState");
        getChildren().addAll(connection, new Spacer(), jobs);
        app.connectionProperty().addListener((obs, old, state) -> showConnection(state));
        showConnection(app.connectionProperty().get());
        app.jobs().addListener((ListChangeListener<Job>) change -> showJobs());
        showJobs();
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
            Button cancel = new Button(null, Icons.of(AppIcon.CANCEL));
            cancel.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
            cancel.setTooltip(new Tooltip(messages.get("status.cancel")));
            cancel.setOnAction(e -> job.cancel());
            HBox box = new HBox(title, bar, cancel);
            box.getStyleClass().add(Css.JOB);
            jobs.getChildren().add(box);
        }
    }
}
