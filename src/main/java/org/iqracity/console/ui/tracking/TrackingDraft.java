package org.iqracity.console.ui.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iqracity.console.api.Problem.FieldError;
import org.iqracity.console.api.TrackingCategory;
import org.iqracity.console.api.TrackingCategorySetting;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingTechnologyDto;
import org.iqracity.console.ui.common.Messages;

/**
 * A course's tracking settings as they are being edited, compared with the version they started from: whether
 * anything changed, and the problems found, each at its field.
 */
public final class TrackingDraft {

    private static final Pattern TECHNOLOGY_FIELD = Pattern.compile("technologies\\[(\\d+)](?:\\.(\\w+))?.*");

    private final Messages messages;
    private final TrackingValidator validator;
    private final NecessityText necessity;
    private final BooleanProperty honourGpc = new SimpleBooleanProperty();
    private final BooleanProperty performance = new SimpleBooleanProperty();
    private final BooleanProperty functionality = new SimpleBooleanProperty();
    private final BooleanProperty marketing = new SimpleBooleanProperty();
    private final ObservableList<TechnologyDraft> technologies =
            FXCollections.observableArrayList(TechnologyDraft::observables);
    private final ObservableList<String> generalErrors = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private TrackingSettingsRequest baseline = new TrackingSettingsRequest(true, List.of(), List.of());
    private boolean loading;
    private boolean checking;

    TrackingDraft(Messages messages) {
        this.messages = messages;
        this.validator = new TrackingValidator(messages);
        this.necessity = new NecessityText(messages);
        for (Observable o : List.of(honourGpc, performance, functionality, marketing, technologies)) {
            o.addListener(obs -> changed());
        }
    }

    /** Starts over from a saved version: nothing changed, no problems. */
    void load(TrackingSettingsRequest saved) {
        load(saved, saved);
    }

    /** Starts from a saved version with {@code editing} already in the fields, as unsaved changes. */
    void load(TrackingSettingsRequest saved, TrackingSettingsRequest editing) {
        loading = true;
        try {
            checking = false;
            generalErrors.clear();
            fill(saved);
            baseline = toRequest();
            if (editing != saved) {
                fill(editing);
            }
        } finally {
            loading = false;
        }
        changed();
    }

    private void fill(TrackingSettingsRequest settings) {
        honourGpc.set(settings.honourGlobalPrivacyControl());
        performance.set(enabled(settings, TrackingCategory.PERFORMANCE));
        functionality.set(enabled(settings, TrackingCategory.FUNCTIONALITY));
        marketing.set(enabled(settings, TrackingCategory.MARKETING));
        technologies.setAll(settings.technologies().stream()
                .map(t -> TechnologyDraft.of(t, validator, necessity)).toList());
    }

    /** Settings as the draft would write them, so that what the platform merely stores otherwise is no change. */
    TrackingSettingsRequest normalized(TrackingSettingsRequest settings) {
        List<TrackingCategorySetting> categories = List.of(
                new TrackingCategorySetting(TrackingCategory.STRICTLY_NECESSARY, true),
                new TrackingCategorySetting(TrackingCategory.PERFORMANCE,
                        enabled(settings, TrackingCategory.PERFORMANCE)),
                new TrackingCategorySetting(TrackingCategory.FUNCTIONALITY,
                        enabled(settings, TrackingCategory.FUNCTIONALITY)),
                new TrackingCategorySetting(TrackingCategory.MARKETING, enabled(settings, TrackingCategory.MARKETING)));
        return new TrackingSettingsRequest(settings.honourGlobalPrivacyControl(), categories,
                settings.technologies().stream().map(t -> TechnologyDraft.of(t, validator, necessity).toDto())
                        .toList());
    }

    private void changed() {
        if (loading) {
            return;
        }
        dirty.set(!toRequest().equals(baseline));
        revision.set(revision.get() + 1);
    }

    public TrackingSettingsRequest toRequest() {
        List<TrackingCategorySetting> categories = List.of(
                new TrackingCategorySetting(TrackingCategory.STRICTLY_NECESSARY, true),
                new TrackingCategorySetting(TrackingCategory.PERFORMANCE, performance.get()),
                new TrackingCategorySetting(TrackingCategory.FUNCTIONALITY, functionality.get()),
                new TrackingCategorySetting(TrackingCategory.MARKETING, marketing.get()));
        return new TrackingSettingsRequest(honourGpc.get(), categories,
                technologies.stream().map(TechnologyDraft::toDto).toList());
    }

    /** The version being edited, as the console would send it back unchanged. */
    TrackingSettingsRequest baseline() {
        return baseline;
    }

    /** A new first-party, strictly necessary cookie with blank fields to fill in. */
    public TechnologyDraft addTechnology() {
        TechnologyDraft draft = new TechnologyDraft(null, validator, necessity);
        draft.checking(checking);
        technologies.add(draft);
        return draft;
    }

    public void remove(TechnologyDraft draft) {
        technologies.remove(draft);
    }

    /** Puts a technology back where it was, as it was (its edits and problems with it). */
    void insert(int index, TechnologyDraft draft) {
        technologies.add(Math.min(index, technologies.size()), draft);
    }

    /** Everything in the editor as it is now, to bring back exactly with {@link #restore}. */
    Snapshot snapshot() {
        return new Snapshot(baseline, honourGpc.get(), performance.get(), functionality.get(), marketing.get(),
                List.copyOf(technologies), List.copyOf(generalErrors), checking);
    }

    /** Back to a {@link #snapshot}: the same technologies (not copies), the same problems shown. */
    void restore(Snapshot s) {
        loading = true;
        try {
            baseline = s.baseline();
            checking = s.checking();
            honourGpc.set(s.honourGpc());
            performance.set(s.performance());
            functionality.set(s.functionality());
            marketing.set(s.marketing());
            technologies.setAll(s.technologies());
            generalErrors.setAll(s.generalErrors());
        } finally {
            loading = false;
        }
        changed();
    }

    /** The editor at one moment; see {@link #snapshot}. */
    record Snapshot(TrackingSettingsRequest baseline, boolean honourGpc, boolean performance, boolean functionality,
                    boolean marketing, List<TechnologyDraft> technologies, List<String> generalErrors,
                    boolean checking) {
    }

    /** Runs the console's checks on everything and keeps running them as the person edits. */
    boolean check() {
        checking = true;
        generalErrors.clear();
        technologies.forEach(t -> t.checking(true));
        if (technologies.size() > TrackingValidator.MAX_TECHNOLOGIES) {
            generalErrors.add(messages.format("tracking.invalid.tooMany", TrackingValidator.MAX_TECHNOLOGIES));
        }
        return !hasErrors();
    }

    public boolean hasErrors() {
        return !generalErrors.isEmpty() || technologies.stream().anyMatch(t -> !t.errors().isEmpty());
    }

    /** Puts each of the platform's answers at its field: {@code technologies[2].optOutUrl} on that technology. */
    void platformErrors(List<FieldError> errors) {
        generalErrors.clear();
        for (FieldError error : errors) {
            Matcher m = TECHNOLOGY_FIELD.matcher(error.field() == null ? "" : error.field());
            int index = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            if (index >= 0 && index < technologies.size()) {
                technologies.get(index).platformError(m.group(2), error.message());
            } else {
                generalErrors.add(error.message());
            }
        }
    }

    /** The first technology with a problem, to show its form. */
    TechnologyDraft firstWithErrors() {
        return technologies.stream().filter(t -> !t.errors().isEmpty()).findFirst().orElse(null);
    }

    /** Every problem, with the technology it belongs to, for the summary above the form. */
    public List<String> problemSummary() {
        List<String> lines = new ArrayList<>(generalErrors);
        for (TechnologyDraft t : technologies) {
            for (Map.Entry<String, String> e : t.errors().entrySet()) {
                String what = t.nameProperty().get().isBlank() ? messages.get("tracking.unnamed")
                        : t.nameProperty().get().strip();
                lines.add(what + ": " + e.getValue());
            }
        }
        return lines;
    }

    private static boolean enabled(TrackingSettingsRequest r, TrackingCategory category) {
        return r.categories().stream().anyMatch(c -> c.category() == category && c.enabled());
    }

    public BooleanProperty honourGpcProperty() {
        return honourGpc;
    }

    public BooleanProperty performanceProperty() {
        return performance;
    }

    public BooleanProperty functionalityProperty() {
        return functionality;
    }

    public BooleanProperty marketingProperty() {
        return marketing;
    }

    public ObservableList<TechnologyDraft> technologies() {
        return technologies;
    }

    /** Problems that belong to no one field: the categories, the list as a whole. */
    public ObservableList<String> generalErrors() {
        return generalErrors;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** Goes up with every edit: what follows the draft (the preview) listens here. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    List<TrackingTechnologyDto> technologyList() {
        return toRequest().technologies();
    }
}
