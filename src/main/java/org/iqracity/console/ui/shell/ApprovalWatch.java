package org.iqracity.console.ui.shell;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.iqracity.console.api.breach.IncidentSummaryDto;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.Session;
import org.iqracity.console.ui.common.TaskRunner;

/**
 * Tells a security officer which breach notices wait for their approval, whatever screen they are on: the count for
 * the badge on <i>Breach notices</i>, and the notices that started waiting since the last look, for a notification.
 * Asks the platform at sign-in, then every {@code interval} and whenever {@link #checkNow()} is called.
 */
public final class ApprovalWatch {

    private final AppState app;
    private final TaskRunner tasks;
    private final Duration interval;
    private final Consumer<List<IncidentSummaryDto>> newlyWaiting;
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper();
    private final Set<String> seen = new HashSet<>();
    private TaskRunner.Cancellable next;
    private boolean asking;
    private boolean stopped;

    public ApprovalWatch(AppState app, TaskRunner tasks, Duration interval,
                         Consumer<List<IncidentSummaryDto>> newlyWaiting) {
        this.app = app;
        this.tasks = tasks;
        this.interval = interval;
        this.newlyWaiting = newlyWaiting;
    }

    public void start() {
        checkNow();
    }

    /** Asks again now (the officer came back to the window or left the breach screen). */
    public void checkNow() {
        if (stopped || asking) {
            return;
        }
        if (next != null) {
            next.cancel();
            next = null;
        }
        Session session = app.session();
        if (session == null) {
            return;
        }
        asking = true;
        tasks.run(() -> session.client().breach().incidentsInBackground()).onSuccess(list -> {
            List<IncidentSummaryDto> mine = list.stream().filter(IncidentSummaryDto::awaitsYourApproval).toList();
            waiting.set(mine.size());
            List<IncidentSummaryDto> fresh = mine.stream().filter(i -> !seen.contains(i.id())).toList();
            seen.clear();
            mine.forEach(i -> seen.add(i.id()));
            if (!fresh.isEmpty() && !stopped) {
                newlyWaiting.accept(fresh);
            }
        }).onFailure(app::report).onDone(() -> {
            // On a failure the badge keeps its last count; the status bar says the platform is away.
            asking = false;
            if (!stopped) {
                next = tasks.schedule(interval, this::checkNow);
            }
        });
    }

    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
            next = null;
        }
    }
}
