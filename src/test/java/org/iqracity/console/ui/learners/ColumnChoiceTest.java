package org.iqracity.console.ui.learners;

import static org.assertj.core.api.Assertions.assertThat;

import org.iqracity.console.ui.MemorySettings;
import org.junit.jupiter.api.Test;

class ColumnChoiceTest {
    private final MemorySettings settings = new MemorySettings();

    @Test
    void hiddenColumnsAreRememberedAndTheUsernameAlwaysShows() {
        ColumnChoice choice = new ColumnChoice(settings);
        assertThat(choice.shownProperty(LearnerColumn.EMAIL).get()).isTrue();

        choice.shownProperty(LearnerColumn.EMAIL).set(false);
        choice.shownProperty(LearnerColumn.GRADE).set(false);
        choice.shownProperty(LearnerColumn.USERNAME).set(false);

        ColumnChoice next = new ColumnChoice(settings);
        assertThat(next.shownProperty(LearnerColumn.EMAIL).get()).isFalse();
        assertThat(next.shownProperty(LearnerColumn.GRADE).get()).isFalse();
        assertThat(next.shownProperty(LearnerColumn.NAME).get()).isTrue();
        assertThat(next.shownProperty(LearnerColumn.USERNAME).get()).isTrue();
        assertThat(settings.get(ColumnChoice.KEY)).contains("email,grade");
    }
}
