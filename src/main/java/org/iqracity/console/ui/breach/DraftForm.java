package org.iqracity.console.ui.breach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.ui.breach.DraftViewModel.CourseChoice;

/**
 * What the officer typed and ticked in a draft, as properties, and the request the platform takes from it (and back).
 * Knows nothing of saving, steps or previews: {@link DraftViewModel} listens to these properties.
 */
final class DraftForm {
    final StringProperty title = new SimpleStringProperty("");
    final ObjectProperty<Instant> discoveredAt = new SimpleObjectProperty<>();
    final ObjectProperty<Instant> occurredFrom = new SimpleObjectProperty<>();
    final ObjectProperty<Instant> occurredTo = new SimpleObjectProperty<>();
    final StringProperty whatHappened = new SimpleStringProperty("");
    final Map<DataCategory, BooleanProperty> categories = new EnumMap<>(DataCategory.class);
    final StringProperty systems = new SimpleStringProperty("");
    final StringProperty measures = new SimpleStringProperty("");
    final StringProperty learnerActions = new SimpleStringProperty("");
    final StringProperty contact = new SimpleStringProperty("");

    /** Null until the officer picks courses or a list: no scope is ever chosen for them. */
    final ObjectProperty<ScopeMode> mode = new SimpleObjectProperty<>();
    final BooleanProperty everyCourse = new SimpleBooleanProperty();
    final ObservableList<CourseChoice> courses = FXCollections.observableArrayList();
    final ObjectProperty<LocalDate> enrolledFrom = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> enrolledTo = new SimpleObjectProperty<>();
    final Map<DataCategory, BooleanProperty> holding = new EnumMap<>(DataCategory.class);
    final StringProperty listText = new SimpleStringProperty("");
    final ReadOnlyIntegerWrapper listCount = new ReadOnlyIntegerWrapper();

    final StringProperty subject = new SimpleStringProperty("");
    final StringProperty body = new SimpleStringProperty("");

    /** The courses the draft names, kept while the Member's courses are not loaded yet. */
    List<String> wantedCourses = List.of();

    private final ZoneId zone;

    DraftForm(ZoneId zone) {
        this.zone = zone;
        for (DataCategory c : DataCategory.values()) {
            categories.put(c, new SimpleBooleanProperty());
            holding.put(c, new SimpleBooleanProperty());
        }
        listText.addListener(x -> listCount.set(ScopeEntries.parse(listText.get()).size()));
    }

    /** Shows {@code r} in the fields. */
    void fill(IncidentRequest r) {
        title.set(text(r.title()));
        discoveredAt.set(r.discoveredAt());
        occurredFrom.set(r.occurredFrom());
        occurredTo.set(r.occurredTo());
        whatHappened.set(text(r.whatHappened()));
        categories.forEach((c, p) -> p.set(r.dataCategories().contains(c)));
        systems.set(text(r.systems()));
        measures.set(text(r.measures()));
        learnerActions.set(text(r.learnerActions()));
        contact.set(text(r.contact()));
        // The platform keeps "nobody chosen yet" as no scope; every learner is a scope chosen on purpose.
        boolean chosen = r.scope() != null;
        BreachScope s = chosen ? r.scope() : BreachScope.allLearners();
        boolean everyone = s.mode() == ScopeMode.FILTER && s.courseIds().isEmpty();
        mode.set(chosen ? s.mode() : null);
        everyCourse.set(everyone && chosen);
        wantedCourses = s.courseIds();
        courses.forEach(c -> c.selectedProperty().set(wantedCourses.contains(c.course().id())));
        enrolledFrom.set(s.enrolledFrom() == null ? null : s.enrolledFrom().atZone(zone).toLocalDate());
        enrolledTo.set(s.enrolledTo() == null ? null : s.enrolledTo().minusNanos(1).atZone(zone).toLocalDate());
        holding.forEach((c, p) -> p.set(s.holding().contains(c)));
        listText.set(ScopeEntries.format(s.learners()));
        subject.set(text(r.subject()));
        body.set(text(r.body()));
    }

    IncidentRequest toRequest() {
        List<DataCategory> picked = categories.entrySet().stream().filter(e -> e.getValue().get())
                .map(Map.Entry::getKey).toList();
        return new IncidentRequest(title.get().strip(), discoveredAt.get(), occurredFrom.get(), occurredTo.get(),
                whatHappened.get(), picked, systems.get(), measures.get(), learnerActions.get(), contact.get().strip(),
                scope(), subject.get(), body.get());
    }

    /**
     * The scope as chosen; null until the officer has chosen one: the platform keeps a draft without a scope as
     * reaching nobody, counts nothing and refuses to submit it.
     */
    BreachScope scope() {
        if (!chosen()) {
            return null;
        }
        if (mode.get() == ScopeMode.LIST) {
            return new BreachScope(ScopeMode.LIST, List.of(), null, null, List.of(),
                    ScopeEntries.parse(listText.get()));
        }
        List<String> ids = everyCourse.get() ? List.of() : pickedCourses();
        List<DataCategory> held = holding.entrySet().stream().filter(e -> e.getValue().get())
                .map(Map.Entry::getKey).toList();
        Instant from = enrolledFrom.get() == null ? null : enrolledFrom.get().atStartOfDay(zone).toInstant();
        // The last day picked counts whole: the platform's upper bound is exclusive.
        Instant to = enrolledTo.get() == null ? null : enrolledTo.get().plusDays(1).atStartOfDay(zone).toInstant();
        return new BreachScope(ScopeMode.FILTER, ids, from, to, held, List.of());
    }

    /** The same draft compares equal whatever order or empty-text spelling the platform answers with. */
    static IncidentRequest normalize(IncidentRequest r) {
        BreachScope s = r.scope();
        BreachScope scope = s == null ? null : new BreachScope(s.mode(), s.courseIds().stream().sorted().toList(),
                s.enrolledFrom(), s.enrolledTo(), s.holding().stream().sorted(Comparator.naturalOrder()).toList(),
                s.learners());
        return new IncidentRequest(text(r.title()).strip(), r.discoveredAt(), r.occurredFrom(), r.occurredTo(),
                text(r.whatHappened()), r.dataCategories().stream().sorted(Comparator.naturalOrder()).toList(),
                text(r.systems()), text(r.measures()), text(r.learnerActions()), text(r.contact()).strip(), scope,
                text(r.subject()), text(r.body()));
    }

    List<String> pickedCourses() {
        return courses.isEmpty() ? wantedCourses
                : courses.stream().filter(c -> c.selectedProperty().get()).map(c -> c.course().id()).toList();
    }

    /** Courses ticked, every course ticked on purpose, or a list with at least one entry. */
    boolean chosen() {
        if (mode.get() == ScopeMode.LIST) {
            return listCount.get() > 0;
        }
        return mode.get() == ScopeMode.FILTER && (everyCourse.get() || !pickedCourses().isEmpty());
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
