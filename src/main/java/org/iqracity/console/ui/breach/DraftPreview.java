package org.iqracity.console.ui.breach;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iqracity.console.api.breach.BreachPreviewDto;
import org.iqracity.console.api.breach.JurisdictionDto;
import org.iqracity.console.api.breach.NoticeMessageDto;
import org.iqracity.console.ui.breach.DraftViewModel.JurisdictionRow;
import org.iqracity.console.ui.breach.DraftViewModel.PreviewState;
import org.iqracity.console.ui.common.BackgroundTask;

/**
 * What a draft's saved scope and text come to, asked of the platform: who it reaches, by which channels per
 * jurisdiction, and the notice as one sample learner would receive it. One request of each kind at a time; a newer
 * one replaces the one on its way. Works on the draft as saved: when the draft has unsaved edits, it has the draft
 * saved first.
 */
final class DraftPreview {

    /** What the preview needs to know of the draft it previews. */
    interface Draft {
        /** True when the form holds edits the platform does not have yet (and they can be saved). */
        boolean unsaved();

        /** Saves the draft, then runs {@code then}. */
        void saveThen(Runnable then);

        boolean scopeChosen();

        boolean onNoticeStep();
    }

    private final BreachContext ctx;
    private final Draft draft;

    private final ReadOnlyObjectWrapper<PreviewState> state = new ReadOnlyObjectWrapper<>(PreviewState.NONE);
    private final ReadOnlyObjectWrapper<BreachPreviewDto> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> error = new ReadOnlyObjectWrapper<>();
    private final ObservableList<JurisdictionRow> jurisdictionRows = FXCollections.observableArrayList();
    private final ObservableList<BreachPreviewDto.SampleLearner> sample = FXCollections.observableArrayList();
    private final ObjectProperty<BreachPreviewDto.SampleLearner> sampleLearner = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<NoticeMessageDto> message = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> messageError = new ReadOnlyObjectWrapper<>();

    private List<JurisdictionDto> jurisdictionTable = List.of();
    private BackgroundTask<?> previewInFlight;
    private BackgroundTask<?> messageInFlight;

    DraftPreview(BreachContext ctx, Draft draft) {
        this.ctx = ctx;
        this.draft = draft;
        sampleLearner.addListener((obs, old, now) -> {
            if (now != null && !Objects.equals(old, now)) {
                loadMessage();
            }
        });
    }

    /** The jurisdiction table the platform uses, for the notes beside each jurisdiction's count. */
    void jurisdictions(List<JurisdictionDto> table) {
        jurisdictionTable = List.copyOf(table);
        showJurisdictions(preview.get());
    }

    /** Counts who the saved draft reaches; saves first when the scope was edited. */
    void refresh() {
        String id = ctx.incidentId();
        if (id == null) {
            return;
        }
        if (draft.unsaved()) {
            draft.saveThen(this::refresh);
            return;
        }
        if (!draft.scopeChosen()) {
            clear();
            state.set(PreviewState.CHOOSE);
            return;
        }
        if (previewInFlight != null) {
            previewInFlight.cancel();
        }
        state.set(PreviewState.LOADING);
        BackgroundTask<BreachPreviewDto> task = ctx.tasks.run(() -> ctx.breach.preview(id));
        previewInFlight = task;
        task.onDone(() -> {
            if (previewInFlight == task) {
                previewInFlight = null;
            }
        });
        task.onSuccess(p -> {
            if (!id.equals(ctx.incidentId())) {
                return;
            }
            preview.set(p);
            error.set(null);
            state.set(PreviewState.READY);
            showJurisdictions(p);
            sample.setAll(p.sample());
            BreachPreviewDto.SampleLearner chosen = sampleLearner.get();
            if (chosen == null || !p.sample().contains(chosen)) {
                sampleLearner.set(p.sample().isEmpty() ? null : p.sample().getFirst());
            } else if (draft.onNoticeStep()) {
                loadMessage();
            }
        }).onFailure(e -> {
            ctx.app.report(e);
            error.set(ctx.errors.describe(e).text());
            state.set(PreviewState.ERROR);
        });
    }

    /** The notice as the chosen sample learner would receive it, from the saved text. */
    void loadMessage() {
        String id = ctx.incidentId();
        BreachPreviewDto.SampleLearner learner = sampleLearner.get();
        if (id == null || learner == null) {
            return;
        }
        if (draft.unsaved()) {
            draft.saveThen(this::loadMessage);
            return;
        }
        if (messageInFlight != null) {
            messageInFlight.cancel();
        }
        BackgroundTask<NoticeMessageDto> task = ctx.tasks.run(() -> ctx.breach.noticeMessage(id, learner.learnerId()));
        messageInFlight = task;
        task.onSuccess(m -> {
            message.set(m);
            messageError.set(null);
        }).onFailure(e -> {
            ctx.app.report(e);
            message.set(null);
            messageError.set(ctx.errors.describe(e).text());
        }).onDone(() -> {
            if (messageInFlight == task) {
                messageInFlight = null;
            }
        });
    }

    /** Forgets what was previewed, as for another incident. */
    void clear() {
        if (previewInFlight != null) {
            previewInFlight.cancel();
        }
        preview.set(null);
        state.set(PreviewState.NONE);
        jurisdictionRows.clear();
        sample.clear();
        sampleLearner.set(null);
        message.set(null);
        messageError.set(null);
    }

    void dispose() {
        if (previewInFlight != null) {
            previewInFlight.cancel();
        }
        if (messageInFlight != null) {
            messageInFlight.cancel();
        }
    }

    private void showJurisdictions(BreachPreviewDto p) {
        if (p == null) {
            jurisdictionRows.clear();
            return;
        }
        jurisdictionRows.setAll(p.jurisdictions().stream().map(j -> new JurisdictionRow(
                j.label() == null || j.label().isBlank() ? code(j.country(), j.region()) : j.label(),
                channels(j.email(), j.letter(), j.known()), j.learners(), j.known(), note(j))).toList());
    }

    private String note(BreachPreviewDto.JurisdictionCount j) {
        if (!j.known()) {
            return ctx.messages.get("breach.channels.unknownNote");
        }
        return jurisdictionTable.stream()
                .filter(t -> Objects.equals(t.country(), j.country()) && Objects.equals(t.region(), j.region()))
                .map(JurisdictionDto::note).filter(Objects::nonNull).findFirst().orElse("");
    }

    private String channels(boolean email, boolean letter, boolean known) {
        String key = email && letter ? "breach.channels.both" : letter ? "breach.channels.letter"
                : "breach.channels.email";
        return ctx.messages.get(key) + (known ? "" : " " + ctx.messages.get("breach.channels.byDefault"));
    }

    private static String code(String country, String region) {
        return region == null || region.isBlank() ? country : country + "-" + region;
    }

    ReadOnlyObjectProperty<PreviewState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<BreachPreviewDto> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<String> errorProperty() {
        return error.getReadOnlyProperty();
    }

    ObservableList<JurisdictionRow> jurisdictionRows() {
        return jurisdictionRows;
    }

    ObservableList<BreachPreviewDto.SampleLearner> sample() {
        return sample;
    }

    ObjectProperty<BreachPreviewDto.SampleLearner> sampleLearnerProperty() {
        return sampleLearner;
    }

    ReadOnlyObjectProperty<NoticeMessageDto> messageProperty() {
        return message.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<String> messageErrorProperty() {
        return messageError.getReadOnlyProperty();
    }
}
