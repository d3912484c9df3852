package org.iqracity.console.ui.tracking;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iqracity.console.api.TrackingSettingsDto;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingTechnologyDto;
import org.iqracity.console.api.TrackingVersionDto;
import org.iqracity.console.client.TrackingClient;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.ErrorMessages;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.TaskRunner;
import org.iqracity.console.ui.common.UserMessage;

/** A course's versions, newest first; one chosen version compared with the current one. */
public final class HistoryViewModel {

    public enum State { LOADING, READY, ERROR }

    private final TaskRunner tasks;
    private final ErrorMessages errors;
    private final SettingsDiff diff;
    private final NecessityText necessity;
    private final Consumer<Throwable> report;
    private final ObservableList<TrackingVersionDto> versions = FXCollections.observableArrayList();
    private final ObjectProperty<TrackingVersionDto> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<TrackingSettingsDto> selectedSettings = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> revertWould = FXCollections.observableArrayList();
    private final ObservableList<TrackingTechnologyDto> selectedTechnologies = FXCollections.observableArrayList();
    private final ObservableList<TrackingTechnologyDto> currentTechnologies = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();
    private final TrackingClient client;
    private String courseId;
    private TrackingSettingsRequest current;
    private BackgroundTask<?> inFlight;
    private BackgroundTask<?> versionInFlight;

    HistoryViewModel(TrackingClient client, TaskRunner tasks, Messages messages, Consumer<Throwable> report) {
        this.client = client;
        this.tasks = tasks;
        this.errors = new ErrorMessages(messages);
        this.diff = new SettingsDiff(messages);
        this.report = report;
        this.necessity = new NecessityText(messages);
        selected.addListener((obs, old, now) -> loadSelected(now));
    }

    /** Loads the versions of a course whose current settings are {@code saved}. */
    void load(String course, TrackingSettingsRequest saved) {
        clear();
        this.courseId = course;
        this.current = saved;
        currentTechnologies.setAll(saved.technologies());
        reload();
    }

    public void reload() {
        if (courseId == null) {
            return;
        }
        if (inFlight != null) {
            inFlight.cancel();
        }
        state.set(State.LOADING);
        String course = courseId;
        inFlight = tasks.run(() -> client.history(course)).onSuccess(list -> {
            Long keep = selected.get() == null ? null : selected.get().version();
            versions.setAll(list);
            state.set(State.READY);
            selected.set(list.stream().filter(v -> keep != null && v.version() == keep).findFirst().orElse(null));
        }).onFailure(e -> {
            report.accept(e);
            error.set(errors.describe(e));
            state.set(State.ERROR);
        });
    }

    /** After a save or revert: the comparison is against the new current version. */
    void currentChanged(TrackingSettingsRequest saved) {
        current = saved;
        currentTechnologies.setAll(saved.technologies());
        compare();
        reload();
    }

    private void loadSelected(TrackingVersionDto version) {
        if (versionInFlight != null) {
            versionInFlight.cancel();
        }
        selectedSettings.set(null);
        compare();
        if (version == null || courseId == null) {
            return;
        }
        String course = courseId;
        versionInFlight = tasks.run(() -> client.at(course, version.version())).onSuccess(settings -> {
            selectedSettings.set(settings);
            compare();
        }).onFailure(e -> {
            report.accept(e);
            revertWould.setAll(errors.describe(e).text());
        });
    }

    private void compare() {
        TrackingSettingsDto at = selectedSettings.get();
        if (at == null || current == null) {
            revertWould.clear();
            selectedTechnologies.clear();
            return;
        }
        selectedTechnologies.setAll(at.technologies());
        revertWould.setAll(diff.describeValues(current, at.toRequest()));
    }

    void clear() {
        if (inFlight != null) {
            inFlight.cancel();
        }
        if (versionInFlight != null) {
            versionInFlight.cancel();
        }
        courseId = null;
        versions.clear();
        selected.set(null);
        currentTechnologies.clear();
    }

    /** The technologies a version flags (R9), one line each: name, why, and the justification given. */
    public List<String> flagLines(TrackingVersionDto version) {
        return version.flagged() == null ? List.of()
                : version.flagged().stream().filter(t -> t.necessityFlag() != null).map(necessity::flagLine).toList();
    }

    /** The flag of one technology of a compared version, or null. */
    public String flag(TrackingTechnologyDto technology) {
        return necessity.flag(technology);
    }

    public ObservableList<TrackingVersionDto> versions() {
        return versions;
    }

    public ObjectProperty<TrackingVersionDto> selectedProperty() {
        return selected;
    }

    /** The chosen version's settings, once loaded. */
    public ReadOnlyObjectProperty<TrackingSettingsDto> selectedSettingsProperty() {
        return selectedSettings.getReadOnlyProperty();
    }

    /**
     * What going back to the chosen version would change in the current settings, each changed field with its value
     * now and then; empty when nothing.
     */
    public ObservableList<String> revertWould() {
        return revertWould;
    }

    public ObservableList<TrackingTechnologyDto> selectedTechnologies() {
        return selectedTechnologies;
    }

    public ObservableList<TrackingTechnologyDto> currentTechnologies() {
        return currentTechnologies;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean isCurrent(TrackingVersionDto version) {
        return !versions.isEmpty() && versions.getFirst().version() == version.version();
    }

    List<TrackingVersionDto> newerThan(long version) {
        return versions.stream().filter(v -> v.version() > version).toList();
    }
}
