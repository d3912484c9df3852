package org.iqracity.console.ui.breach;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.client.BreachClient;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Fit;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;

/** The open incident's title, state and 72-hour clock, with the record export and cancel always at hand. */
final class IncidentHeader extends HBox {

    private final BreachViewModel vm;
    private final Messages messages;
    private final BreachFormat format;
    private final Label title = new Label();
    private final Label state = new Label();
    private final Label clock = new Label();
    private final Label dates = new Label();
    private final MenuButton record = new MenuButton();
    private final Button cancel = new Button();
    private final Button reload = new Button();
    private final Hyperlink regulator = new Hyperlink();
    /** Made once: the header is shown again every minute as the clock moves. */
    private final Tooltip datesTip = new Tooltip();
    private final Tooltip clockTip = new Tooltip();
    /** Below this width the header's buttons show their icons only. */
    private static final double NARROW = 700;
    /** The least room for the dates beside the clock and the link, on as many lines as they need. */
    private static final double DATES_BESIDE = 200;

    IncidentHeader(BreachViewModel vm, Messages messages, BreachFormat format) {
        this.vm = vm;
        this.messages = messages;
        this.format = format;
        getStyleClass().add(Css.BREACH_HEADER);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        title.setId("incidentHeading");
        title.getStyleClass().add(Css.PAGE_TITLE);
        state.setId("incidentState");
        state.getStyleClass().addAll(Css.BADGE, Css.STATE_BADGE);
        clock.setId("incidentClock");
        clock.getStyleClass().add(Css.CLOCK);
        dates.setId("incidentDates");
        dates.getStyleClass().add(Css.PAGE_SUBTITLE);
        // The title and the dates wrap to further lines; the state and the clock are always read whole.
        Fit.wrapping(title);
        state.setMinWidth(Region.USE_PREF_SIZE);
        clock.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(10, title, state);
        line.setAlignment(Pos.CENTER_LEFT);
        Fit.wrapping(dates);
        HBox.setHgrow(dates, Priority.ALWAYS);
        regulator.setText(messages.get("breach.regulator.record"));
        regulator.setId("recordRegulator");
        regulator.setMinWidth(Region.USE_PREF_SIZE);
        regulator.setOnAction(e -> vm.incident().recordRegulatorNotification());
        regulator.managedProperty().bind(regulator.visibleProperty());
        regulator.disableProperty().bind(vm.incident().busyProperty());
        HBox second = new HBox(12, clock, regulator, dates);
        second.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(4, line, second);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);

        record.setText(messages.get("breach.record.export"));
        record.setGraphic(Icons.of(AppIcon.DOWNLOAD));
        record.setId("exportRecord");
        MenuItem pdf = new MenuItem(messages.get("breach.record.pdf"), Icons.of(AppIcon.PDF));
        pdf.setId("exportRecordPdf");
        pdf.setOnAction(e -> export(BreachClient.RecordFormat.PDF));
        MenuItem csv = new MenuItem(messages.get("breach.record.csv"), Icons.of(AppIcon.CSV));
        csv.setId("exportRecordCsv");
        csv.setOnAction(e -> export(BreachClient.RecordFormat.CSV));
        record.getItems().addAll(pdf, csv);
        record.disableProperty().bind(vm.incident().files().downloadingProperty());
        cancel.setText(messages.get("breach.cancel.button"));
        cancel.setGraphic(Icons.of(AppIcon.STOP));
        cancel.setId("cancelIncident");
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.setOnAction(e -> vm.incident().cancel());
        cancel.managedProperty().bind(cancel.visibleProperty());
        record.managedProperty().bind(record.visibleProperty());
        reload.setGraphic(Icons.of(AppIcon.REFRESH));
        reload.setId("reloadOpenIncident");
        reload.getStyleClass().add(Styles.BUTTON_ICON);
        reload.setTooltip(new Tooltip(messages.get("breach.reload.tooltip")));
        reload.setAccessibleText(messages.get("breach.reload.tooltip"));
        reload.setOnAction(e -> vm.leave(vm::reloadIncident));
        reload.managedProperty().bind(reload.visibleProperty());
        record.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(Icons.of(AppIcon.BREACH, 28), text, reload, record, cancel);
        // In a narrow window the buttons keep their icons and give their words to the title (and a tooltip).
        record.setTooltip(new Tooltip(record.getText()));
        cancel.setTooltip(new Tooltip(cancel.getText()));
        widthProperty().addListener((obs, old, now) -> {
            ContentDisplay shown = now.doubleValue() < NARROW
                    ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT;
            record.setContentDisplay(shown);
            cancel.setContentDisplay(shown);
        });
        // The link to record the regulator's notification goes under the clock when it does not fit beside it, rather
        // than over the buttons.
        text.widthProperty().addListener((obs, old, now) -> placeRegulator(text, second, now.doubleValue()
                < clock.prefWidth(-1) + regulator.prefWidth(-1) + second.getSpacing() * 2 + DATES_BESIDE));

        vm.openIncidentProperty().addListener(x -> show());
        vm.nowProperty().addListener(x -> show());
        vm.paneProperty().addListener(x -> show());
        vm.draft().titleProperty().addListener(x -> show());
        vm.draft().discoveredAtProperty().addListener(x -> show());
        show();
    }

    private void placeRegulator(VBox text, HBox second, boolean narrow) {
        if (narrow == text.getChildren().contains(regulator)) {
            return;
        }
        if (narrow) {
            second.getChildren().remove(regulator);
            text.getChildren().add(regulator);
        } else {
            text.getChildren().remove(regulator);
            second.getChildren().add(1, regulator);
        }
    }

    private void show() {
        IncidentDto dto = vm.openIncidentProperty().get();
        boolean fresh = dto == null;
        String heading = fresh ? vm.draft().titleProperty().get() : dto.title();
        title.setText(heading == null || heading.isBlank() ? messages.get("breach.newIncident") : heading);
        IncidentState s = fresh ? IncidentState.DRAFT : dto.state();
        state.setText(vm.words().state(s));
        state.getStyleClass().removeIf(c -> c.startsWith("state-"));
        state.getStyleClass().add("state-" + s.name().toLowerCase(Locale.ROOT));
        Instant discovered = fresh ? vm.draft().discoveredAtProperty().get() : dto.discoveredAt();
        Instant deadline = fresh ? (discovered == null ? null : discovered.plus(Duration.ofHours(72)))
                : dto.regulatorDeadline();
        var told = fresh ? null : dto.regulatorNotification();
        Countdown c = vm.countdown(deadline, s, told == null ? null : told.notifiedAt());
        clock.setText(told == null ? vm.words().countdown(c)
                : messages.format("breach.clock.notifiedAt", format.when(told.notifiedAt())));
        clock.setGraphic(Icons.of(c.urgent() ? AppIcon.CLOCK_ALERT : AppIcon.CLOCK));
        clock.getStyleClass().removeAll(Css.CLOCK_URGENT, Css.CLOCK_STOPPED);
        if (c.urgent()) {
            clock.getStyleClass().add(Css.CLOCK_URGENT);
        } else if (c.finished()) {
            clock.getStyleClass().add(Css.CLOCK_STOPPED);
        }
        if (told == null) {
            dates.setText(messages.format("breach.header.dates", format.when(discovered), format.when(deadline)));
        } else {
            dates.setText(messages.format(told.reference().isEmpty() ? "breach.header.notified"
                    : "breach.header.notifiedRef", format.when(discovered), format.when(told.notifiedAt()),
                    told.authority(), told.reference()));
        }
        // The line gives way on a narrow window; the whole of it is a hover away.
        datesTip.setText(dates.getText());
        clockTip.setText(dates.getText());
        dates.setTooltip(datesTip);
        clock.setTooltip(told == null ? null : clockTip);
        regulator.setVisible(!fresh && told == null && s != IncidentState.CANCELLED);
        record.setVisible(!fresh);
        reload.setVisible(!fresh);
        cancel.setVisible(!fresh && !s.finished());
    }

    private void export(BreachClient.RecordFormat kind) {
        IncidentDto dto = vm.openIncidentProperty().get();
        if (dto == null) {
            return;
        }
        String ext = kind == BreachClient.RecordFormat.PDF ? "pdf" : "csv";
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("breach.record.title"));
        chooser.setInitialFileName("breach-record-" + dto.id() + "." + ext);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                messages.get("breach.record." + ext + "Files"), "*." + ext));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            vm.incident().files().exportRecord(kind, Path.of(file.getPath()));
        }
    }
}
