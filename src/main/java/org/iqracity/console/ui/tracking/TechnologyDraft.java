package org.iqracity.console.ui.tracking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.iqracity.console.api.TrackingCategory;
import org.iqracity.console.api.TrackingKind;
import org.iqracity.console.api.TrackingNecessity;
import org.iqracity.console.api.TrackingParty;
import org.iqracity.console.api.TrackingSurface;
import org.iqracity.console.api.TrackingTechnologyDto;

/**
 * One technology as it is being edited: a property per field, bound by the form, and the problems found at each
 * field. Problems the platform reported stay until their field is edited; the console's own checks follow every
 * edit once the person has tried to save.
 */
public final class TechnologyDraft {

    private final String id;
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<TrackingKind> kind = new SimpleObjectProperty<>(TrackingKind.COOKIE);
    private final ObjectProperty<TrackingParty> party = new SimpleObjectProperty<>(TrackingParty.FIRST_PARTY);
    private final StringProperty provider = new SimpleStringProperty("");
    private final ObjectProperty<TrackingCategory> category =
            new SimpleObjectProperty<>(TrackingCategory.STRICTLY_NECESSARY);
    private final StringProperty purpose = new SimpleStringProperty("");
    private final StringProperty sets = new SimpleStringProperty("");
    private final StringProperty retention = new SimpleStringProperty("");
    private final BooleanProperty onPages = new SimpleBooleanProperty(true);
    private final BooleanProperty inEmails = new SimpleBooleanProperty();
    private final StringProperty optOutUrl = new SimpleStringProperty("");
    private final StringProperty necessityJustification = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper necessityWarning = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper justificationShown = new ReadOnlyBooleanWrapper();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final Map<String, String> platformErrors = new HashMap<>();
    private final Map<String, Property<?>> fields = new LinkedHashMap<>();
    private final TrackingValidator validator;
    private final NecessityText necessity;
    private boolean checking;

    TechnologyDraft(String id, TrackingValidator validator, NecessityText necessity) {
        this.id = id;
        this.validator = validator;
        this.necessity = necessity;
        fields.put("name", name);
        fields.put("kind", kind);
        fields.put("party", party);
        fields.put("provider", provider);
        fields.put("category", category);
        fields.put("purpose", purpose);
        fields.put("sets", sets);
        fields.put("retention", retention);
        fields.put("runsOn", onPages);
        fields.put("runsOn.emails", inEmails);
        fields.put("optOutUrl", optOutUrl);
        fields.put("necessityJustification", necessityJustification);
        fields.forEach((field, property) -> property.addListener(obs -> edited(field)));
        refreshNecessity();
    }

    static TechnologyDraft of(TrackingTechnologyDto dto, TrackingValidator validator, NecessityText necessity) {
        TechnologyDraft d = new TechnologyDraft(dto.id(), validator, necessity);
        d.name.set(orEmpty(dto.name()));
        d.kind.set(dto.kind());
        d.party.set(dto.party());
        d.provider.set(orEmpty(dto.provider()));
        d.category.set(dto.category());
        d.purpose.set(orEmpty(dto.purpose()));
        d.sets.set(dto.sets() == null ? "" : String.join("\n", dto.sets()));
        d.retention.set(orEmpty(dto.retention()));
        List<TrackingSurface> runsOn = dto.runsOn() == null ? List.of() : dto.runsOn();
        d.onPages.set(runsOn.contains(TrackingSurface.COURSE_PAGES));
        d.inEmails.set(runsOn.contains(TrackingSurface.COURSE_EMAILS));
        d.optOutUrl.set(orEmpty(dto.optOutUrl()));
        d.necessityJustification.set(orEmpty(dto.necessityJustification()));
        return d;
    }

    /** As the platform would store it: trimmed, one entry per non-blank line, blank optional text left out. */
    public TrackingTechnologyDto toDto() {
        List<TrackingSurface> runsOn = new ArrayList<>();
        if (onPages.get()) {
            runsOn.add(TrackingSurface.COURSE_PAGES);
        }
        if (inEmails.get()) {
            runsOn.add(TrackingSurface.COURSE_EMAILS);
        }
        List<String> lines = Arrays.stream(orEmpty(sets.get()).split("\\R")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        return new TrackingTechnologyDto(id, orEmpty(name.get()).strip(), kind.get(), party.get(),
                optional(provider.get()), category.get(), orEmpty(purpose.get()).strip(), lines,
                orEmpty(retention.get()).strip(), runsOn, optional(optOutUrl.get()),
                category.get() == TrackingCategory.STRICTLY_NECESSARY ? optional(necessityJustification.get()) : null,
                null);
    }

    /** A platform answer about one field ({@code null} field: the technology as a whole). */
    void platformError(String field, String message) {
        platformErrors.put(field == null ? "" : field, message);
        refreshErrors();
    }

    /** From now on (or no longer), the console's own checks are shown as the person edits. */
    void checking(boolean on) {
        checking = on;
        if (!on) {
            platformErrors.clear();
        }
        refreshErrors();
    }

    private void edited(String field) {
        platformErrors.remove(field.startsWith("runsOn") ? "runsOn" : field);
        platformErrors.remove("");
        if (!"necessityJustification".equals(field)) {
            // a justification answers the warning; any other field may raise or settle it
            platformErrors.remove("necessityJustification");
            refreshNecessity();
        }
        refreshErrors();
    }

    /**
     * The warning follows party, category and the words of name, purpose and provider; the justification field is
     * there while one is needed, or while one was written for a technology still filed as necessary.
     */
    private void refreshNecessity() {
        TrackingTechnologyDto now = toDto();
        necessityWarning.set(necessity.warning(now));
        boolean written = !orEmpty(necessityJustification.get()).isBlank();
        justificationShown.set(TrackingNecessity.needsJustification(now)
                || (category.get() == TrackingCategory.STRICTLY_NECESSARY && written));
    }

    private void refreshErrors() {
        Map<String, String> now = new HashMap<>(checking ? validator.check(toDto()) : Map.of());
        platformErrors.forEach(now::putIfAbsent);
        errors.keySet().retainAll(now.keySet());
        errors.putAll(now);
    }

    /** Everything whose change is an edit, for list extractors. */
    Observable[] observables() {
        return fields.values().toArray(Observable[]::new);
    }

    public boolean isNew() {
        return id == null;
    }

    /** Problems by field name: {@code name}, {@code provider}, {@code optOutUrl}...; "" for the whole technology. */
    public ObservableMap<String, String> errors() {
        return errors;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<TrackingKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<TrackingParty> partyProperty() {
        return party;
    }

    public StringProperty providerProperty() {
        return provider;
    }

    public ObjectProperty<TrackingCategory> categoryProperty() {
        return category;
    }

    public StringProperty purposeProperty() {
        return purpose;
    }

    public StringProperty setsProperty() {
        return sets;
    }

    public StringProperty retentionProperty() {
        return retention;
    }

    public BooleanProperty onPagesProperty() {
        return onPages;
    }

    public BooleanProperty inEmailsProperty() {
        return inEmails;
    }

    public StringProperty optOutUrlProperty() {
        return optOutUrl;
    }

    public StringProperty necessityJustificationProperty() {
        return necessityJustification;
    }

    /** Why filing this technology as strictly necessary needs a second look, or null. */
    public ReadOnlyStringProperty necessityWarningProperty() {
        return necessityWarning.getReadOnlyProperty();
    }

    /** Whether the form asks why the technology is necessary. */
    public ReadOnlyBooleanProperty justificationShownProperty() {
        return justificationShown.getReadOnlyProperty();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String optional(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
