package org.iqracity.console.ui.exports;

import java.io.IOException;
import java.time.Clock;
import java.util.function.Consumer;
import org.iqracity.console.exports.PendingConversions;
import org.iqracity.console.roster.RosterManifest;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.Session;
import org.iqracity.console.ui.common.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure every unencrypted roster copy reaches the platform's access log (R14, R12): the report is queued on
 * disk before the copy is written, sent at once when someone is signed in to the roster's platform, and otherwise
 * at the next sign-in there.
 */
public final class ConversionRecorder {
    private static final Logger LOGGER = LoggerFactory.getLogger(ConversionRecorder.class);

    /** Where a report stands after a send was tried. */
    public enum Outcome { RECORDED, WAITING }

    private final PendingConversions queue;
    private final AppState app;
    private final TaskRunner tasks;
    private final Clock clock;

    public ConversionRecorder(PendingConversions queue, AppState app, TaskRunner tasks, Clock clock) {
        this.queue = queue;
        this.app = app;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Background thread, before the copy is written: a copy must never exist without its report. */
    public PendingConversions.Pending before(RosterManifest manifest, String format, long rows) throws IOException {
        PendingConversions.Pending pending = PendingConversions.report(manifest, format, rows, clock.instant());
        queue.add(pending);
        return pending;
    }

    /** Background thread, when the copy was not finished (cancelled, disk full): there is nothing to report. */
    public void abandon(PendingConversions.Pending pending) {
        try {
            queue.remove(pending.report().reportId());
        } catch (IOException e) {
            LOGGER.warn("could not forget the report of an unfinished copy: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * FX thread: sends whatever waits for the signed-in person's platform and Member, then tells {@code then}
     * whether {@code reportId} (null for none in particular) is recorded. Nothing is sent while signed out.
     */
    public void send(String reportId, Consumer<Outcome> then) {
        Session session = app.session();
        if (session == null) {
            then.accept(Outcome.WAITING);
            return;
        }
        tasks.run(() -> {
            String keyId = session.client().signingKey().keyId();
            queue.sendAll(session.client(), keyId, session.me().member().id());
            return reportId != null && queue.waiting(reportId) ? Outcome.WAITING : Outcome.RECORDED;
        }).onSuccess(then).onFailure(e -> {
            LOGGER.info("conversion reports stay queued: {}", e.getClass().getSimpleName());
            then.accept(Outcome.WAITING);
        });
    }
}
