package org.iqracity.console.ui.tracking;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iqracity.console.api.EffectiveTrackingDto;
import org.iqracity.console.api.TrackingParty;
import org.iqracity.console.api.TrackingTechnologyDto;
import org.iqracity.console.ui.common.Messages;

/** What a learner with the chosen cookie settings would get from the settings as they are being edited. */
public final class PreviewViewModel {

    /**
     * One technology in the preview; {@code reason} is null for one that applies, {@code flag} null for one filed
     * as strictly necessary without doubt (R9).
     */
    public record Row(String name, String detail, String reason, String flag) {
        public boolean applied() {
            return reason == null;
        }
    }

    private final TrackingDraft draft;
    private final Messages messages;
    private final NecessityText necessity;
    private final BooleanProperty analytics = new SimpleBooleanProperty(true);
    private final BooleanProperty functional = new SimpleBooleanProperty(true);
    private final BooleanProperty marketing = new SimpleBooleanProperty(false);
    private final BooleanProperty gpc = new SimpleBooleanProperty(false);
    private final ObservableList<Row> applied = FXCollections.observableArrayList();
    private final ObservableList<Row> withheld = FXCollections.observableArrayList();

    PreviewViewModel(TrackingDraft draft, Messages messages) {
        this.draft = draft;
        this.messages = messages;
        this.necessity = new NecessityText(messages);
        for (Observable o : List.of(analytics, functional, marketing, gpc, draft.revisionProperty())) {
            o.addListener(obs -> recompute());
        }
        recompute();
    }

    private void recompute() {
        EffectiveTrackingDto result = ConsentRules.effective(draft.toRequest(), analytics.get(), functional.get(),
                marketing.get(), gpc.get());
        applied.setAll(result.applied().stream().map(t -> row(t, null)).toList());
        withheld.setAll(result.withheld().stream().map(w -> row(w.technology(), reason(w))).toList());
    }

    private Row row(TrackingTechnologyDto t, String reason) {
        String name = t.name() == null || t.name().isBlank() ? messages.get("tracking.unnamed") : t.name();
        String category = t.category() == null ? "" : messages.get("tracking.category." + t.category().name());
        String by = t.party() == TrackingParty.THIRD_PARTY && t.provider() != null
                ? messages.format("tracking.preview.by", t.provider()) : messages.get("tracking.party.FIRST_PARTY");
        return new Row(name, category + "  \u00b7  " + by, reason, necessity.flag(t));
    }

    private String reason(EffectiveTrackingDto.Withheld w) {
        String category = messages.get("tracking.category." + w.technology().category().name())
                .toLowerCase(messages.locale());
        return switch (w.reason()) {
            case ConsentRules.CATEGORY_OFF -> messages.format("tracking.reason.categoryOff", category);
            case ConsentRules.GPC -> messages.get("tracking.reason.gpc");
            default -> messages.format("tracking.reason.notAllowed", category);
        };
    }

    public BooleanProperty analyticsProperty() {
        return analytics;
    }

    public BooleanProperty functionalProperty() {
        return functional;
    }

    public BooleanProperty marketingProperty() {
        return marketing;
    }

    public BooleanProperty gpcProperty() {
        return gpc;
    }

    public ObservableList<Row> applied() {
        return applied;
    }

    public ObservableList<Row> withheld() {
        return withheld;
    }
}
