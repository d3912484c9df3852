package org.iqracity.console.ui.breach;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.client.Versioned;
import org.iqracity.console.ui.breach.BreachContext.NoticeAction;
import org.iqracity.console.ui.breach.BreachContext.NoticeKind;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.TaskRunner;

/**
 * Keeps a draft saved: whether it differs from the version on the platform, the save after edits settle, one save at
 * a time ({@link SaveQueue}) with the version it was edited from (If-Match), and what a refused save means. A draft
 * someone else saved in between is never overwritten: from then on nothing is saved until it is loaded again. FX
 * thread only.
 */
final class DraftAutosave {
    private final BreachContext ctx;
    private final Supplier<IncidentRequest> form;
    private final DraftChecks checks;
    private final DraftWarning warning;
    /** Whether a draft not yet on the platform may be created now (its facts hold what they need). */
    private final BooleanSupplier mayCreate;
    private final SaveQueue saves = new SaveQueue();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper();

    private IncidentRequest baseline;
    /** Moves on with every new or other draft: answers to a save for the one before are not shown on this one. */
    private int generation;
    private boolean conflicted;
    private TaskRunner.Cancellable settling;

    DraftAutosave(BreachContext ctx, Supplier<IncidentRequest> form, DraftChecks checks, DraftWarning warning,
                  BooleanSupplier mayCreate) {
        this.ctx = ctx;
        this.form = form;
        this.checks = checks;
        this.warning = warning;
        this.mayCreate = mayCreate;
    }

    /** Another draft (or the same one loaded again): pending saves are dropped, a new one forgets the old answers. */
    void begin(boolean otherDraft) {
        cancelSettling();
        if (otherDraft) {
            generation++;
        }
    }

    /** The version the form now shows: {@code onPlatform} false for a draft not created yet. */
    void adopt(IncidentRequest version, boolean onPlatform) {
        baseline = DraftForm.normalize(version);
        conflicted = false;
        saved.set(onPlatform);
    }

    /** The form changed: whether it now differs from the saved version. */
    void edited() {
        dirty.set(!DraftForm.normalize(form.get()).equals(baseline));
    }

    /** Saves once edits have settled, then runs {@code then}; only for a draft already on the platform. */
    void settle(Duration delay, Runnable then) {
        cancelSettling();
        if (ctx.incidentId() == null || conflicted) {
            return;
        }
        settling = ctx.tasks.schedule(delay, () -> {
            settling = null;
            save(then);
        });
    }

    void cancelSettling() {
        if (settling != null) {
            settling.cancel();
            settling = null;
        }
    }

    /**
     * Creates the incident on the platform or saves a new version of it, then runs {@code then}. A save asked for
     * while one is on its way runs after it, with the version that one made.
     */
    void save(Runnable then) {
        if (conflicted) {
            sayConflict();
            return;
        }
        if (saves.queueBehind(then)) {
            return;
        }
        String id = ctx.incidentId();
        if (id == null && !mayCreate.getAsBoolean()) {
            return;
        }
        IncidentRequest request = form.get();
        if (id != null && DraftForm.normalize(request).equals(baseline)) {
            then.run();
            return;
        }
        send(id, request, then);
    }

    private void send(String id, IncidentRequest request, Runnable then) {
        int asked = generation;
        cancelSettling();
        saves.started();
        saving.set(true);
        String ifMatch = ctx.etag();
        BackgroundTask<Versioned<IncidentDto>> task = ctx.tasks.run(() -> id == null
                ? ctx.breach.create(request) : ctx.breach.save(id, ifMatch, request));
        task.onSuccess(v -> {
            ctx.adopt(v);
            baseline = DraftForm.normalize(request);
            saved.set(true);
            checks.accepted();
            edited();
            finish(true);
            then.run();
        }).onFailure(e -> {
            finish(false);
            if (asked == generation) {
                failed(e);
            }
        });
    }

    private void finish(boolean ok) {
        saving.set(false);
        saves.ended(ok, this::save);
    }

    /** What a refused save (or submission) means for the draft, said above it. */
    void failed(Throwable e) {
        if (e instanceof ApiHttpException http && http.is(ProblemCode.VERSION_CONFLICT)) {
            conflicted = true;
            sayConflict();
        } else if (e instanceof ApiHttpException http && http.is(ProblemCode.STATE_CONFLICT)) {
            ctx.say(NoticeKind.WARNING, ctx.messages.get("breach.notice.noLongerDraft"), NoticeAction.RELOAD);
        } else if (e instanceof ApiHttpException http && http.is(ProblemCode.VALIDATION_FAILED)) {
            showRefusal(http);
        } else {
            ctx.sayFailure(e);
        }
    }

    private void sayConflict() {
        ctx.say(NoticeKind.WARNING, ctx.messages.get("breach.notice.conflict"), NoticeAction.RELOAD);
    }

    /** The platform's field messages go to their fields and, labelled in words, above the step. */
    private void showRefusal(ApiHttpException http) {
        Problem problem = http.problem();
        checks.refuse(problem == null ? List.of() : problem.errors(), problem == null ? null : problem.detail());
        warning.warn("breach.notice.refused");
    }

    /** Whether a save is on its way. */
    boolean busy() {
        return saves.busy();
    }

    /** Edits not on the platform that a save would still send (none once another version was saved meanwhile). */
    boolean unsaved() {
        return dirty.get() && !conflicted;
    }

    boolean conflicted() {
        return conflicted;
    }

    /** A submission is on its way: the draft shows as being saved meanwhile. */
    void submitting(boolean now) {
        saving.set(now);
    }

    ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }
}
