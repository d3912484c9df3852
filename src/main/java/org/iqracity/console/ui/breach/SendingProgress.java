package org.iqracity.console.ui.breach;

import java.time.Duration;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.ui.breach.BreachContext.NoticeKind;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sending incident's progress, read again every {@link #POLL} while the screen is on view (and only then), the page
 * of deliveries every {@link #DELIVERIES_EVERY} reads; when sending ends, what came of it is said once.
 */
final class SendingProgress {
    private static final Logger LOGGER = LoggerFactory.getLogger(SendingProgress.class);
    /** How often a sending incident is read again for its progress. */
    static final Duration POLL = Duration.ofSeconds(1);
    /** The page of deliveries is read again every this many progress reads. */
    static final int DELIVERIES_EVERY = 5;

    private final BreachContext ctx;
    private final Runnable deliveriesChanged;
    private boolean shown = true;
    private TaskRunner.Cancellable nextPoll;
    private BackgroundTask<?> pollInFlight;
    private long polls;

    SendingProgress(BreachContext ctx, Runnable deliveriesChanged) {
        this.ctx = ctx;
        this.deliveriesChanged = deliveriesChanged;
    }

    /** Follows the open incident if it is sending (and stops following whatever was followed before). */
    void follow(IncidentDto now) {
        stopPolling();
        if (now != null && now.state() == IncidentState.SENDING) {
            schedulePoll();
        }
    }

    /** The screen is on view or not. */
    void setShown(boolean now) {
        shown = now;
        if (!now) {
            stopPolling();
        } else if (ctx.incident() != null && ctx.incident().state() == IncidentState.SENDING) {
            schedulePoll();
        }
    }

    private void schedulePoll() {
        if (!shown || nextPoll != null || pollInFlight != null) {
            return;
        }
        nextPoll = ctx.tasks.schedule(POLL, this::poll);
    }

    private void poll() {
        nextPoll = null;
        IncidentDto now = ctx.incident();
        if (!shown || now == null || now.state() != IncidentState.SENDING) {
            return;
        }
        String id = now.id();
        BackgroundTask<?> task = ctx.tasks.run(() -> ctx.breach.incident(id)).onSuccess(v -> {
            pollInFlight = null;
            if (!id.equals(ctx.incidentId())) {
                return;
            }
            IncidentState before = ctx.incident().state();
            ctx.adopt(v);
            if (v.value().state() == IncidentState.SENDING) {
                // The table of deliveries follows too, less often than the counts: it is a page of rows.
                if (++polls % DELIVERIES_EVERY == 0) {
                    deliveriesChanged.run();
                }
                schedulePoll();
            } else if (before == IncidentState.SENDING) {
                finished(v.value());
            }
        }).onFailure(e -> {
            pollInFlight = null;
            ctx.app.report(e);
            LOGGER.debug("progress read failed: {}", e.getClass().getSimpleName());
            // Keep trying while the screen is open: the connection may come back.
            schedulePoll();
        });
        pollInFlight = task.isDone() ? null : task;
    }

    private void finished(IncidentDto dto) {
        deliveriesChanged.run();
        if (dto.state() == IncidentState.SENT) {
            ctx.say(dto.progress().failed() + dto.progress().inDoubt() > 0 ? NoticeKind.WARNING : NoticeKind.SUCCESS,
                    ctx.messages.format("breach.notice.sent", dto.progress().sent(), dto.progress().failed(),
                            dto.progress().inDoubt(), dto.progress().lettersReady()));
        }
    }

    void stopPolling() {
        if (nextPoll != null) {
            nextPoll.cancel();
            nextPoll = null;
        }
        if (pollInFlight != null) {
            pollInFlight.cancel();
            pollInFlight = null;
        }
    }

    /** True while progress is being followed. */
    boolean polling() {
        return nextPoll != null || pollInFlight != null;
    }
}
