package org.iqracity.console.ui.exports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.iqracity.console.exports.PendingConversions;
import org.iqracity.console.exports.RosterCopies;
import org.iqracity.console.roster.RosterFileException;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.Session;
import org.iqracity.console.ui.common.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure every unencrypted roster copy reaches the platform's access log (R14, R12): the report is queued on
 * disk before the copy takes its name ({@link RosterCopies}), sent at once when someone is signed in to the roster's
 * platform, and otherwise at the next sign-in there.
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

    /** Background thread: writes a CSV copy of the rows {@code rows} gives, the one way {@link RosterCopies} allows. */
    public RosterCopies.Made<RosterCopies.Copied> csv(Path target, RosterCopies.Rows rows)
            throws IOException, RosterFileException {
        return RosterCopies.csv(queue, target, rows, clock);
    }

    /** Background thread: as {@link #csv}, into a workbook of {@code rowsPerSheet} rows a sheet. */
    public RosterCopies.Made<RosterCopies.Copied> xlsx(Path target, int rowsPerSheet, RosterCopies.Rows rows)
            throws IOException, RosterFileException {
        return RosterCopies.xlsx(queue, target, rowsPerSheet, rows, clock);
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
            sendAll(session);
            return reportId != null && queue.waiting(reportId) ? Outcome.WAITING : Outcome.RECORDED;
        }).onSuccess(then).onFailure(e -> {
            LOGGER.info("conversion reports stay queued: {}", e.getClass().getSimpleName());
            then.accept(Outcome.WAITING);
        });
    }

    /**
     * FX thread, at a sign-in: sends the reports of copies made while the console was not signed in to this platform
     * and Member, and tells {@code recordedNow} how many the platform recorded (0 when none waited or none went).
     */
    public void sendWaiting(IntConsumer recordedNow) {
        Session session = app.session();
        if (session == null) {
            return;
        }
        tasks.run(() -> sendAll(session).recorded()).onSuccess(recordedNow::accept).onFailure(e ->
                LOGGER.info("conversion reports stay queued: {}", e.getClass().getSimpleName()));
    }

    private PendingConversions.Sent sendAll(Session session) throws IOException {
        String keyId = session.client().signingKey().keyId();
        return queue.sendAll(session.client().rosters(), keyId, session.me().member().id());
    }
}
