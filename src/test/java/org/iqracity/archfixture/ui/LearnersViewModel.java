package org.iqracity.archfixture.ui;

import javafx.scene.control.Label;

/** A ViewModel that builds controls: it could not be tested without a toolkit. */
public final class LearnersViewModel {
    private Label title;

    public Label title() {
        return title;
    }
}
