package org.iqracity.console.ui.breach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.IncidentSummaryDto;
import org.iqracity.console.client.BreachClient;
import org.iqracity.console.client.CoursesClient;
import org.iqracity.console.ui.breach.BreachContext.Notice;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.FileOpener;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.RetryWhenBack;
import org.iqracity.console.ui.common.TaskRunner;
import org.iqracity.console.ui.common.UserMessage;

/**
 * Breach notices (R8) for security officers: the Member's incidents with their 72-hour clocks, and the one open now,
 * whatever its state: the guided draft, the approval, the sending, the deliveries. The clocks move every minute from
 * the console's own clock, without asking the platform.
 */
public final class BreachViewModel {

    public enum ListState { LOADING, EMPTY, READY, ERROR }

    /** What the main pane shows: nothing picked, loading, the draft flow, an incident past its draft, an error. */
    public enum Pane { NONE, LOADING, DRAFT, INCIDENT, ERROR }

    private final BreachContext ctx;
    private final DraftViewModel draft;
    private final IncidentViewModel incident;
    private final DeliveriesViewModel deliveries;

    private final ObservableList<IncidentSummaryDto> incidents = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ListState> listState = new ReadOnlyObjectWrapper<>(ListState.LOADING);
    private final ReadOnlyObjectWrapper<UserMessage> listError = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Pane> pane = new ReadOnlyObjectWrapper<>(Pane.NONE);
    private final ReadOnlyObjectWrapper<UserMessage> paneError = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> selectedId = new ReadOnlyObjectWrapper<>();

    private boolean shown = true;
    private TaskRunner.Cancellable nextTick;
    private BackgroundTask<?> opening;
    private String failedId;
    /** The list, or the incident being opened, loads again once the platform or the person's session is back. */
    private final RetryWhenBack listBack;
    private final RetryWhenBack incidentBack;

    public BreachViewModel(AppState app, BreachClient breach, CoursesClient courses, TaskRunner tasks,
                           Messages messages, BreachDialogs dialogs, FileOpener opener, Clock clock, ZoneId zone) {
        this.ctx = new BreachContext(app, breach, courses, tasks, messages, dialogs, opener, clock, zone);
        this.draft = new DraftViewModel(ctx);
        this.incident = new IncidentViewModel(ctx);
        this.deliveries = new DeliveriesViewModel(ctx);
        incident.onDeliveriesChanged(deliveries::reload);
        deliveries.onResolved(this::reloadIncident);
        ctx.incidentProperty().addListener((obs, old, dto) -> changed(old, dto));
        now.set(clock.instant());
        scheduleTick();
        this.listBack = new RetryWhenBack(app, () -> listState.get() == ListState.ERROR, this::load);
        this.incidentBack = new RetryWhenBack(app, () -> pane.get() == Pane.ERROR && failedId != null,
                this::retryOpen);
    }

    /** Loads the Member's incidents. */
    public void load() {
        if (incidents.isEmpty()) {
            listState.set(ListState.LOADING);
        }
        ctx.tasks.run(ctx.breach::incidents).onSuccess(list -> {
            incidents.setAll(list);
            listError.set(null);
            listState.set(list.isEmpty() ? ListState.EMPTY : ListState.READY);
        }).onFailure(e -> {
            ctx.app.report(e);
            listError.set(ctx.errors.describe(e));
            listState.set(ListState.ERROR);
        });
    }

    /** Opens an incident from the list; unsaved draft edits are asked about first. */
    public void open(IncidentSummaryDto summary) {
        if (summary == null || summary.id().equals(selectedId.get())) {
            return;
        }
        leave(() -> openId(summary.id()));
    }

    private void openId(String id) {
        if (opening != null) {
            opening.cancel();
        }
        ctx.dismiss();
        selectedId.set(id);
        pane.set(Pane.LOADING);
        opening = ctx.tasks.run(() -> ctx.breach.incident(id)).onSuccess(v -> {
            opening = null;
            boolean same = id.equals(ctx.incidentId());
            ctx.clear();
            ctx.adopt(v);
            if (v.value().state() == IncidentState.DRAFT) {
                draft.load(v.value(), same);
            }
            showPane();
        }).onFailure(e -> {
            opening = null;
            failedId = id;
            ctx.app.report(e);
            paneError.set(ctx.errors.describe(e));
            pane.set(Pane.ERROR);
        });
    }

    /** Starts a new incident in the guided flow; nothing reaches the platform before its facts are saved. */
    public void newIncident() {
        leave(() -> {
            if (opening != null) {
                opening.cancel();
            }
            ctx.dismiss();
            ctx.clear();
            selectedId.set(null);
            draft.startNew();
            pane.set(Pane.DRAFT);
        });
    }

    /** Reads the open incident again: after a conflict, or to see what others did. Unsaved edits are dropped. */
    public void reloadIncident() {
        String id = ctx.incidentId() != null ? ctx.incidentId() : failedId;
        if (id == null) {
            return;
        }
        ctx.dismiss();
        ctx.tasks.run(() -> ctx.breach.incident(id)).onSuccess(v -> {
            if (!id.equals(ctx.incidentId()) && ctx.incidentId() != null) {
                return;
            }
            if (ctx.incidentId() == null) {
                openId(id);
                return;
            }
            ctx.adopt(v);
            if (v.value().state() == IncidentState.DRAFT) {
                draft.load(v.value(), true);
            }
            incident.refresh();
            deliveries.reload();
            showPane();
        }).onFailure(ctx::sayFailure);
    }

    /** Retry after a failed open. */
    public void retryOpen() {
        if (failedId != null) {
            String id = failedId;
            failedId = null;
            selectedId.set(null);
            openId(id);
        }
    }

    private void changed(IncidentDto old, IncidentDto dto) {
        if (dto == null) {
            return;
        }
        upsert(dto);
        selectedId.set(dto.id());
        boolean sameIncident = old != null && old.id().equals(dto.id());
        if (!sameIncident || old.state() != dto.state()) {
            if (sameIncident && dto.state() == IncidentState.DRAFT && old.state() != IncidentState.DRAFT) {
                draft.load(dto, false);
            }
            incident.refresh();
            if (DeliveriesViewModel.hasDeliveries(dto.state())) {
                deliveries.load();
            } else {
                deliveries.clear();
            }
            showPane();
        }
    }

    private void showPane() {
        IncidentDto dto = ctx.incident();
        if (dto != null) {
            pane.set(dto.state() == IncidentState.DRAFT ? Pane.DRAFT : Pane.INCIDENT);
        }
    }

    /** Keeps the list in step with what the open incident shows, without asking for the whole list again. */
    private void upsert(IncidentDto dto) {
        IncidentSummaryDto row = new IncidentSummaryDto(dto.id(), dto.title(), dto.state(), dto.discoveredAt(),
                dto.regulatorDeadline(), dto.createdBy(), dto.createdAt(), dto.recipientCount(), dto.progress(),
                dto.regulatorNotification() == null ? null : dto.regulatorNotification().notifiedAt(),
                dto.youMayApprove());
        for (int i = 0; i < incidents.size(); i++) {
            if (incidents.get(i).id().equals(dto.id())) {
                if (!incidents.get(i).equals(row)) {
                    incidents.set(i, row);
                }
                return;
            }
        }
        incidents.addFirst(row);
        listState.set(ListState.READY);
    }

    // The clocks.

    private void scheduleTick() {
        if (!shown || nextTick != null) {
            return;
        }
        // On the next whole minute, so every clock on screen changes together.
        Instant t = ctx.clock.instant();
        Duration wait = Duration.between(t, t.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)));
        nextTick = ctx.tasks.schedule(wait.plusMillis(20), () -> {
            nextTick = null;
            now.set(ctx.clock.instant());
            scheduleTick();
        });
    }

    private void stopTicking() {
        if (nextTick != null) {
            nextTick.cancel();
            nextTick = null;
        }
    }

    /** Where an incident stands against its clock now: it stops when the authority was told, not when mail went. */
    public Countdown countdown(Instant deadline, IncidentState state, Instant regulatorNotifiedAt) {
        return Countdown.of(deadline, now.get(), regulatorNotifiedAt, state == IncidentState.CANCELLED);
    }

    /** The screen came into view or left it: clocks and progress run only while it is seen. */
    public void setShown(boolean visible) {
        if (visible == shown) {
            return;
        }
        shown = visible;
        incident.setShown(visible);
        if (visible) {
            now.set(ctx.clock.instant());
            scheduleTick();
        } else {
            stopTicking();
        }
    }

    // Leaving.

    /** Runs {@code proceed} at once when the draft holds nothing unsaved, else after the person chose. */
    public void leave(Runnable proceed) {
        if (pane.get() != Pane.DRAFT || !draft.dirtyProperty().get() || draft.conflicted()) {
            proceed.run();
            return;
        }
        switch (ctx.dialogs.askLeave()) {
            case SAVE -> draft.save(proceed);
            case DISCARD -> {
                draft.discard();
                proceed.run();
            }
            case CANCEL -> { }
        }
    }

    public void dismissNotice() {
        ctx.dismiss();
    }

    public void dispose() {
        stopTicking();
        if (opening != null) {
            opening.cancel();
        }
        draft.dispose();
        incident.dispose();
        deliveries.dispose();
    }

    public DraftViewModel draft() {
        return draft;
    }

    public IncidentViewModel incident() {
        return incident;
    }

    public DeliveriesViewModel deliveries() {
        return deliveries;
    }

    public BreachWords words() {
        return ctx.words;
    }

    public ObservableList<IncidentSummaryDto> incidents() {
        return incidents;
    }

    public ReadOnlyObjectProperty<ListState> listStateProperty() {
        return listState.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> listErrorProperty() {
        return listError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Pane> paneProperty() {
        return pane.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> paneErrorProperty() {
        return paneError.getReadOnlyProperty();
    }

    /** The console's time, moved on every minute. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> selectedIdProperty() {
        return selectedId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<IncidentDto> openIncidentProperty() {
        return ctx.incidentProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return ctx.noticeProperty();
    }

    public ZoneId zone() {
        return ctx.zone;
    }
}
