package org.iqracity.console.ui.learners;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iqracity.console.api.EnrollmentMode;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.ui.common.Messages;

/**
 * The learners list's filters (all but the search): their values, the query filters they make, and the active ones
 * as chips a person reads and removes. Progress and grade are whole percents here, fractions on the wire.
 */
public final class LearnerFilters {

    /** The inactivity filter's choices, in days: "no activity in the last N days". */
    public static final List<Integer> INACTIVITY_DAYS = List.of(7, 14, 30, 60, 90, 180);

    /** Tri-state filters: any, yes, no. */
    public enum Choice { ANY, YES, NO;

        Boolean asFilter() {
            return this == ANY ? null : this == YES;
        }
    }

    private final Messages messages;
    private final Countries countryNames;
    private final ObjectProperty<EnrollmentMode> mode = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice> active = new SimpleObjectProperty<>(Choice.ANY);
    private final ObjectProperty<Choice> passed = new SimpleObjectProperty<>(Choice.ANY);
    private final ObservableList<String> countries = FXCollections.observableArrayList();
    private final IntegerProperty minProgress = new SimpleIntegerProperty(0);
    private final IntegerProperty maxProgress = new SimpleIntegerProperty(100);
    private final IntegerProperty minGrade = new SimpleIntegerProperty(0);
    private final IntegerProperty maxGrade = new SimpleIntegerProperty(100);
    private final ObjectProperty<Integer> inactiveDays = new SimpleObjectProperty<>();
    private final ObservableList<FilterChip> chips = FXCollections.observableArrayList();
    // Kept: a read-only view listens to its list weakly, so one made per call stops telling its listeners.
    private final ObservableList<FilterChip> chipsView = FXCollections.unmodifiableObservableList(chips);

    LearnerFilters(Messages messages) {
        this.messages = messages;
        this.countryNames = new Countries(messages.locale());
        InvalidationListener rechip = obs -> chips.setAll(chipsNow());
        values().forEach(o -> o.addListener(rechip));
    }

    /** Every value, for whoever must hear of a change (the query). */
    List<Observable> values() {
        return List.of(mode, active, passed, countries, minProgress, maxProgress, minGrade, maxGrade, inactiveDays);
    }

    /** The filters as the query sends them; a range at its full extent is no filter. */
    LearnerQuery.Filters toQuery() {
        int minP = Math.clamp(minProgress.get(), 0, 100);
        int maxP = Math.clamp(maxProgress.get(), 0, 100);
        int minG = Math.clamp(minGrade.get(), 0, 100);
        int maxG = Math.clamp(maxGrade.get(), 0, 100);
        return new LearnerQuery.Filters(mode.get(), active.get().asFilter(), passed.get().asFilter(),
                List.copyOf(countries), minP > 0 ? minP / 100.0 : null, maxP < 100 ? maxP / 100.0 : null,
                minG > 0 ? minG / 100.0 : null, maxG < 100 ? maxG / 100.0 : null, inactiveDays.get());
    }

    public boolean any() {
        return !chips.isEmpty();
    }

    /** Clears one filter: what removing its chip does. The search is not one of these. */
    public void clear(LearnerFilter filter) {
        switch (filter) {
            case SEARCH -> { }
            case MODE -> mode.set(null);
            case ACTIVE -> active.set(Choice.ANY);
            case PASSED -> passed.set(Choice.ANY);
            case COUNTRIES -> countries.clear();
            case PROGRESS -> {
                minProgress.set(0);
                maxProgress.set(100);
            }
            case GRADE -> {
                minGrade.set(0);
                maxGrade.set(100);
            }
            case INACTIVE -> inactiveDays.set(null);
        }
    }

    public void clearAll() {
        for (LearnerFilter f : LearnerFilter.values()) {
            clear(f);
        }
    }

    /** The active filters, in the bar's order, as chips. */
    private List<FilterChip> chipsNow() {
        List<FilterChip> now = new ArrayList<>();
        if (mode.get() != null) {
            now.add(chip(LearnerFilter.MODE, messages.format("learners.chip.mode",
                    messages.get("learners.mode." + mode.get().name()))));
        }
        if (active.get() != Choice.ANY) {
            now.add(chip(LearnerFilter.ACTIVE, messages.get("learners.filter.active." + active.get())));
        }
        if (passed.get() != Choice.ANY) {
            now.add(chip(LearnerFilter.PASSED, messages.get("learners.filter.passed." + passed.get())));
        }
        if (!countries.isEmpty()) {
            List<String> names = countries.stream().map(countryNames::name).toList();
            String shown = names.size() <= 3 ? String.join(", ", names)
                    : messages.format("learners.chip.countries.more", String.join(", ", names.subList(0, 2)),
                    names.size() - 2);
            now.add(chip(LearnerFilter.COUNTRIES, messages.format("learners.chip.countries", shown)));
        }
        if (minProgress.get() > 0 || maxProgress.get() < 100) {
            now.add(chip(LearnerFilter.PROGRESS, messages.format("learners.chip.progress",
                    Math.clamp(minProgress.get(), 0, 100), Math.clamp(maxProgress.get(), 0, 100))));
        }
        if (minGrade.get() > 0 || maxGrade.get() < 100) {
            now.add(chip(LearnerFilter.GRADE, messages.format("learners.chip.grade",
                    Math.clamp(minGrade.get(), 0, 100), Math.clamp(maxGrade.get(), 0, 100))));
        }
        if (inactiveDays.get() != null) {
            now.add(chip(LearnerFilter.INACTIVE, messages.format("learners.chip.inactive", inactiveDays.get())));
        }
        return now;
    }

    private static FilterChip chip(LearnerFilter filter, String text) {
        return new FilterChip(filter, text);
    }

    public ObservableList<FilterChip> chips() {
        return chipsView;
    }

    public ObjectProperty<EnrollmentMode> modeProperty() {
        return mode;
    }

    public ObjectProperty<Choice> activeProperty() {
        return active;
    }

    public ObjectProperty<Choice> passedProperty() {
        return passed;
    }

    /** The ISO codes of the countries picked; a learner in any of them passes. */
    public ObservableList<String> countries() {
        return countries;
    }

    /** Every country to pick from, by name in the console's language. */
    Countries countryNames() {
        return countryNames;
    }

    public IntegerProperty minProgressProperty() {
        return minProgress;
    }

    public IntegerProperty maxProgressProperty() {
        return maxProgress;
    }

    public IntegerProperty minGradeProperty() {
        return minGrade;
    }

    public IntegerProperty maxGradeProperty() {
        return maxGrade;
    }

    /** No activity in the course in the last this many days; null: any. */
    public ObjectProperty<Integer> inactiveDaysProperty() {
        return inactiveDays;
    }
}
