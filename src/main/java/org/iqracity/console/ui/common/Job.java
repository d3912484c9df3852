package org.iqracity.console.ui.common;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A background job the status bar shows: what, how far, and how to stop it. Written on the FX thread only. */
public final class Job {
    private final String title;
    private final StringProperty stage = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final Runnable cancel;

    public Job(String title, Runnable cancel) {
        this.title = title;
        this.cancel = cancel;
    }

    public String title() {
        return title;
    }

    public ReadOnlyStringProperty stageProperty() {
        return stage;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public void update(String newStage, double fraction) {
        stage.set(newStage == null ? "" : newStage);
        progress.set(fraction < 0 ? -1 : Math.min(1, fraction));
    }

    public void cancel() {
        cancel.run();
    }
}
