package org.iqracity.console.ui.breach;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.IncidentSummaryDto;
import org.iqracity.console.ui.breach.BreachContext.Notice;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.LeaveGuard;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.StatePane;

/**
 * Breach notices: the incidents with their clocks on the left; on the right the one open, as a guided draft or, once
 * submitted, as approval, sending and deliveries, with its site notice and timeline.
 */
public final class BreachView extends BorderPane implements LeaveGuard, AutoCloseable {

    private final BreachViewModel vm;
    private final Messages messages;
    private final BreachFormat format;
    private final ListView<IncidentSummaryDto> list;
    private final StatePane listState = new StatePane();
    private final StatePane paneState = new StatePane();
    private final VBox incidentBox = new VBox();
    private final Message notice = new Message();
    private final HBox noticeRow = new HBox(8);
    private final Tab noticeTab = new Tab();
    private final Tab sendingTab = new Tab();
    private final Tab siteTab = new Tab();
    private final Tab timelineTab = new Tab();
    private final TabPane tabs = new TabPane();
    private final Node flow;
    private final Node review;

    public BreachView(BreachViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        this.format = new BreachFormat(messages, vm.zone());
        setId("breachView");
        getStyleClass().add(Css.BREACH);
        list = new ListView<>(vm.incidents());
        this.flow = new DraftFlowView(vm.draft(), vm.incident(), messages, vm.words(), format, vm.zone());
        this.review = padded(new ReviewPane(vm.incident(), vm.openIncidentProperty(), messages, format));

        SplitPane split = new SplitPane(left(), right());
        split.setDividerPositions(0.25);
        SplitPane.setResizableWithParent(split.getItems().getFirst(), false);
        setCenter(split);

        vm.listStateProperty().addListener(x -> showListState());
        vm.paneProperty().addListener(x -> showPane());
        vm.openIncidentProperty().addListener((obs, old, now) -> incidentChanged(old, now));
        vm.noticeProperty().addListener((obs, old, now) -> showNotice(now));
        vm.selectedIdProperty().addListener((obs, old, id) -> selectInList(id));
        showListState();
        showPane();
        showNotice(null);
        // The clocks and progress run only while the screen is on view.
        sceneProperty().addListener((obs, old, scene) -> vm.setShown(scene != null));
        vm.load();
    }

    private Node left() {
        Label title = new Label(messages.get("breach.list.title"), Icons.of(AppIcon.BREACH));
        title.getStyleClass().add(Css.SCREEN_TITLE);
        Button add = new Button(messages.get("breach.new"), Icons.of(AppIcon.ADD));
        add.setId("newIncident");
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> vm.newIncident());
        HBox top = new HBox(8, title, new Spacer(), add);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add(Css.TOOLBAR);
        list.setId("incidentList");
        list.getStyleClass().add(Css.BREACH_LIST);
        list.setCellFactory(l -> new IncidentCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, picked) -> {
            if (picked != null && !picked.id().equals(vm.selectedIdProperty().get())) {
                // After the click is handled: leaving an unsaved draft may ask first, and "stay" reselects it.
                Platform.runLater(() -> {
                    vm.open(picked);
                    selectInList(vm.selectedIdProperty().get());
                });
            }
        });
        // The clocks in the list move with the minute.
        vm.nowProperty().addListener(x -> list.refresh());
        StackPane body = new StackPane(list, listState);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox box = new VBox(top, body);
        box.setMinWidth(300);
        return box;
    }

    private Node right() {
        noticeTab.setText(messages.get("breach.tab.notice"));
        noticeTab.setId("noticeTab");
        sendingTab.setText(messages.get("breach.tab.sending"));
        sendingTab.setId("sendingTab");
        sendingTab.setContent(padded(new SendingPane(vm.incident(), vm.deliveries(), vm.openIncidentProperty(),
                messages, vm.words(), format)));
        siteTab.setText(messages.get("breach.tab.site"));
        siteTab.setId("siteTab");
        siteTab.setContent(scrolled(new SiteNoticePane(vm.incident(), vm.openIncidentProperty(), messages, format)));
        timelineTab.setText(messages.get("breach.tab.timeline"));
        timelineTab.setId("timelineTab");
        timelineTab.setContent(padded(new TimelinePane(vm.openIncidentProperty(), messages, vm.words(), format)));
        tabs.getTabs().setAll(noticeTab, sendingTab, siteTab, timelineTab);
        tabs.setId("incidentTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        notice.setId("breachNotice");
        notice.setOnClose(e -> vm.dismissNotice());
        HBox.setHgrow(notice, Priority.ALWAYS);
        noticeRow.getChildren().add(notice);
        noticeRow.setAlignment(Pos.CENTER_LEFT);
        noticeRow.getStyleClass().add(Css.BANNERS);
        noticeRow.managedProperty().bind(noticeRow.visibleProperty());

        incidentBox.getChildren().addAll(new IncidentHeader(vm, messages, format), noticeRow, tabs);
        return new StackPane(incidentBox, paneState);
    }

    private void incidentChanged(IncidentDto old, IncidentDto now) {
        boolean hasDeliveries = now != null && DeliveriesViewModel.hasDeliveries(now.state());
        sendingTab.setDisable(!hasDeliveries);
        siteTab.setDisable(now == null);
        timelineTab.setDisable(now == null);
        noticeTab.setText(messages.get(now == null || now.state() == IncidentState.DRAFT ? "breach.tab.notice"
                : now.state() == IncidentState.SUBMITTED ? "breach.tab.approval" : "breach.tab.approved"));
        boolean stateMoved = old == null || now == null || !old.id().equals(now.id()) || old.state() != now.state();
        if (!stateMoved) {
            return;
        }
        // The tab that matters for the new state comes forward: sending once approved, the notice otherwise.
        if (hasDeliveries) {
            tabs.getSelectionModel().select(sendingTab);
        } else {
            tabs.getSelectionModel().select(noticeTab);
        }
    }

    private void showPane() {
        BreachViewModel.Pane now = vm.paneProperty().get();
        boolean open = now == BreachViewModel.Pane.DRAFT || now == BreachViewModel.Pane.INCIDENT;
        incidentBox.setVisible(open);
        paneState.setVisible(!open);
        switch (now) {
            case NONE -> paneState.message(AppIcon.BREACH, messages.get("breach.pick.title"),
                    messages.get("breach.pick.text"));
            case LOADING -> paneState.loading(messages.get("breach.opening"));
            case ERROR -> paneState.error(messages.get("breach.openError"), vm.paneErrorProperty().get(),
                    messages.get("learners.retry"), vm::retryOpen);
            // Setting the same content again takes the node out and back in, and the field being typed in
            // loses focus mid-word; only a real change of pane swaps it.
            case DRAFT -> {
                if (noticeTab.getContent() != flow) {
                    noticeTab.setContent(flow);
                }
            }
            case INCIDENT -> noticeTab.setContent(scrolled(review));
        }
        incidentChanged(null, vm.openIncidentProperty().get());
    }

    private void showListState() {
        BreachViewModel.ListState now = vm.listStateProperty().get();
        listState.setVisible(now != BreachViewModel.ListState.READY);
        list.setVisible(now == BreachViewModel.ListState.READY);
        switch (now) {
            case LOADING -> listState.loading(messages.get("breach.list.loading"));
            case EMPTY -> listState.message(AppIcon.SHIELD_CHECK, messages.get("breach.list.empty.title"),
                    messages.get("breach.list.empty.text"));
            case ERROR -> listState.error(messages.get("breach.list.error"), vm.listErrorProperty().get(),
                    messages.get("learners.retry"), vm::load);
            case READY -> { }
        }
    }

    private void showNotice(Notice now) {
        noticeRow.setVisible(now != null);
        noticeRow.getChildren().retainAll(notice);
        if (now == null) {
            return;
        }
        notice.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER, Styles.ACCENT);
        notice.getStyleClass().add(switch (now.kind()) {
            case SUCCESS -> Styles.SUCCESS;
            case INFO -> Styles.ACCENT;
            case WARNING -> Styles.WARNING;
            case DANGER -> Styles.DANGER;
        });
        notice.setGraphic(Icons.of(switch (now.kind()) {
            case SUCCESS -> AppIcon.CHECK;
            case INFO -> AppIcon.INFO;
            case WARNING -> AppIcon.WARNING;
            case DANGER -> AppIcon.ERROR;
        }));
        notice.setDescription(now.text());
        if (now.action() == BreachContext.NoticeAction.RELOAD) {
            Button reload = new Button(messages.get("breach.reload"), Icons.of(AppIcon.REFRESH));
            reload.setId("reloadIncident");
            reload.setOnAction(e -> vm.reloadIncident());
            noticeRow.getChildren().add(reload);
        }
    }

    private void selectInList(String id) {
        if (id == null) {
            list.getSelectionModel().clearSelection();
            return;
        }
        for (IncidentSummaryDto s : list.getItems()) {
            if (s.id().equals(id)) {
                if (list.getSelectionModel().getSelectedItem() != s) {
                    list.getSelectionModel().select(s);
                }
                return;
            }
        }
    }

    private static Node padded(Node content) {
        StackPane box = new StackPane(content);
        box.setStyle("-fx-padding: 12px 16px;");
        return box;
    }

    private static Node scrolled(Node content) {
        if (content instanceof ScrollPane) {
            return content;
        }
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-padding: 12px 16px;");
        return scroll;
    }

    @Override
    public void leave(Runnable proceed) {
        vm.leave(proceed);
    }

    @Override
    public void close() {
        vm.dispose();
    }

    /** Title, state and the clock; red when under 12 hours are left or the deadline has passed. */
    private final class IncidentCell extends ListCell<IncidentSummaryDto> {
        @Override
        protected void updateItem(IncidentSummaryDto item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label title = new Label(item.title() == null || item.title().isBlank()
                    ? messages.get("breach.newIncident") : item.title());
            title.getStyleClass().add(Css.BREACH_CELL_TITLE);
            Label state = new Label(vm.words().state(item.state()));
            state.getStyleClass().addAll(Css.BADGE, Css.STATE_BADGE,
                    "state-" + item.state().name().toLowerCase(Locale.ROOT));
            Countdown c = vm.countdown(item.regulatorDeadline(), item.state(), item.regulatorNotifiedAt());
            Label clock = new Label(vm.words().countdown(c), Icons.of(c.urgent() ? AppIcon.CLOCK_ALERT
                    : AppIcon.CLOCK));
            clock.getStyleClass().add(Css.CLOCK);
            if (c.urgent()) {
                clock.getStyleClass().add(Css.CLOCK_URGENT);
            } else if (c.finished()) {
                clock.getStyleClass().add(Css.CLOCK_STOPPED);
            }
            Label meta = new Label(messages.format("breach.list.meta", format.when(item.discoveredAt()),
                    item.createdBy() == null ? "" : item.createdBy()));
            meta.getStyleClass().add(Css.BREACH_CELL_META);
            HBox line = new HBox(8, state, clock);
            line.setAlignment(Pos.CENTER_LEFT);
            VBox box = new VBox(3, title, line, meta);
            box.setId("incident-" + item.id());
            box.setMinWidth(0);
            title.setMinWidth(0);
            meta.setMinWidth(0);
            setText(null);
            setGraphic(box);
            // The cell takes the list's width, never its text's: long titles end in an ellipsis, not a scroll bar.
            setPrefWidth(0);
        }
    }
}
