package org.iqracity.console.ui.breach;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iqracity.console.api.Page;
import org.iqracity.console.api.breach.DeliveryDto;
import org.iqracity.console.api.breach.DeliveryResolution;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.NoticeChannel;
import org.iqracity.console.ui.breach.BreachContext.NoticeKind;
import org.iqracity.console.ui.common.BackgroundTask;

/**
 * The delivery records of an approved notice, a page at a time, filtered by status and channel; an in-doubt message
 * is settled here once the mail server's log has been checked.
 */
public final class DeliveriesViewModel {

    public enum State { NONE, LOADING, READY, EMPTY, ERROR }

    static final int PAGE = 100;

    private final BreachContext ctx;
    private final ObjectProperty<DeliveryStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<NoticeChannel> channel = new SimpleObjectProperty<>();
    private final ObservableList<DeliveryDto> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.NONE);
    private final ReadOnlyObjectWrapper<String> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper resolving = new ReadOnlyBooleanWrapper();
    /** The cursor that opens each page seen so far; the first page's is null. */
    private final List<String> cursors = new ArrayList<>();
    private String nextCursor;
    private BackgroundTask<?> inFlight;
    private Runnable onResolved = () -> { };

    DeliveriesViewModel(BreachContext ctx) {
        this.ctx = ctx;
        status.addListener(x -> load());
        channel.addListener(x -> load());
    }

    void onResolved(Runnable action) {
        this.onResolved = action;
    }

    /** The first page with the filters as they are now. */
    public void load() {
        cursors.clear();
        cursors.add(null);
        fetch(0);
    }

    /** The page shown now, read again (after a send, a retry or a resolution). */
    public void reload() {
        if (cursors.isEmpty()) {
            load();
        } else {
            fetch(page.get());
        }
    }

    public void nextPage() {
        if (nextCursor != null && inFlight == null) {
            if (cursors.size() == page.get() + 1) {
                cursors.add(nextCursor);
            }
            fetch(page.get() + 1);
        }
    }

    public void previousPage() {
        if (page.get() > 0 && inFlight == null) {
            fetch(page.get() - 1);
        }
    }

    private void fetch(int index) {
        IncidentDto incident = ctx.incident();
        if (incident == null || !hasDeliveries(incident.state())) {
            rows.clear();
            total.set(0);
            state.set(State.NONE);
            return;
        }
        if (inFlight != null) {
            inFlight.cancel();
        }
        String id = incident.id();
        DeliveryStatus s = status.get();
        NoticeChannel c = channel.get();
        String cursor = cursors.get(index);
        state.set(State.LOADING);
        BackgroundTask<Page<DeliveryDto>> task = ctx.tasks.run(() -> ctx.breach.deliveries(id, s, c, cursor, PAGE));
        inFlight = task;
        task.onSuccess(p -> {
            if (!id.equals(ctx.incidentId())) {
                return;
            }
            rows.setAll(p.items());
            total.set(p.total());
            page.set(index);
            nextCursor = p.nextCursor();
            hasNext.set(nextCursor != null);
            error.set(null);
            state.set(p.items().isEmpty() ? State.EMPTY : State.READY);
        }).onFailure(e -> {
            ctx.app.report(e);
            error.set(ctx.errors.describe(e).text());
            state.set(State.ERROR);
        }).onDone(() -> {
            if (inFlight == task) {
                inFlight = null;
            }
        });
    }

    /** Delivery records exist from approval on (and for a notice cancelled after it). */
    static boolean hasDeliveries(IncidentState state) {
        return state == IncidentState.APPROVED || state == IncidentState.SENDING || state == IncidentState.SENT
                || state == IncidentState.CANCELLED;
    }

    /**
     * Settles an in-doubt message after asking: "delivered" closes it, "send again" sends it once more with the same
     * Message-ID, so a copy that did arrive collapses into one in the learner's mailbox.
     */
    public void resolve(DeliveryDto row, DeliveryResolution resolution) {
        IncidentDto incident = ctx.incident();
        if (row == null || incident == null || row.status() != DeliveryStatus.IN_DOUBT
                || resolving.get()) {
            return;
        }
        String key = resolution == DeliveryResolution.DELIVERED ? "breach.resolve.delivered" : "breach.resolve.again";
        if (!ctx.dialogs.confirm(new BreachDialogs.Question("resolveDialog", ctx.messages.get(key + ".title"),
                ctx.messages.format(key + ".text", row.username(), row.messageId()), ctx.messages.get(key + ".ok"),
                false))) {
            return;
        }
        String id = incident.id();
        resolving.set(true);
        ctx.tasks.run(() -> ctx.breach.resolveDelivery(id, row.id(), resolution)).onSuccess(updated -> {
            int at = rows.indexOf(row);
            if (at >= 0) {
                rows.set(at, updated);
            }
            ctx.say(NoticeKind.SUCCESS, ctx.messages.format(key + ".done", row.username()));
            onResolved.run();
        }).onFailure(ctx::sayFailure).onDone(() -> resolving.set(false));
    }

    void clear() {
        if (inFlight != null) {
            inFlight.cancel();
        }
        cursors.clear();
        rows.clear();
        total.set(0);
        page.set(0);
        hasNext.set(false);
        state.set(State.NONE);
    }

    void dispose() {
        if (inFlight != null) {
            inFlight.cancel();
        }
    }

    public ObjectProperty<DeliveryStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<NoticeChannel> channelProperty() {
        return channel;
    }

    public ObservableList<DeliveryDto> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Records matching the filters, on every page. */
    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Zero-based. */
    public ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resolvingProperty() {
        return resolving.getReadOnlyProperty();
    }

    /** "101–200 of 1,234": where this page sits. */
    public String range() {
        if (rows.isEmpty()) {
            return ctx.messages.format("breach.deliveries.none", total.get());
        }
        long from = (long) page.get() * PAGE + 1;
        return ctx.messages.format("breach.deliveries.range", from, from + rows.size() - 1, total.get());
    }
}
