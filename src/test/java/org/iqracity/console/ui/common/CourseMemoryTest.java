package org.iqracity.console.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.ui.FakePlatformClient;
import org.iqracity.console.ui.MemorySettings;
import org.iqracity.console.ui.insights.InsightsViewModel;
import org.iqracity.console.ui.learners.LearnersViewModel;
import org.junit.jupiter.api.Test;

class CourseMemoryTest {
    private static CourseDto course(String id, String title, String run) {
        return new CourseDto(id, title, "NB", "X", run, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-06-01T00:00:00Z"), 10L, 10L, false);
    }

    private static final CourseDto CALCULUS = course("course-v1:NB+A1+2026", "Calculus I", "2026_T1");
    private static final CourseDto ECONOMICS = course("course-v1:NB+B2+2026", "Économie", "2026_T1");
    private static final CourseDto ALGEBRA_OLD = course("course-v1:NB+Z9+2025", "Algebra", "2025_T2");
    private static final CourseDto ALGEBRA = course("course-v1:NB+C3+2026", "Algebra", "2026_T1");

    private final FakePlatformClient platform = new FakePlatformClient(URI.create("http://127.0.0.1:1"));
    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final MemorySettings settings = new MemorySettings();

    {
        platform.courses = List.of(ECONOMICS, CALCULUS, ALGEBRA, ALGEBRA_OLD);
    }

    private AppState signedIn(String username) {
        AppState app = new AppState();
        app.signedIn(new Session(platform, platform.me(username)));
        return app;
    }

    @Test
    void coursesAreListedByTitleInTheReadersOrderThenByRun() {
        assertThat(CourseChoice.byTitle(platform.courses, Locale.ENGLISH))
                .containsExactly(ALGEBRA_OLD, ALGEBRA, CALCULUS, ECONOMICS);
    }

    @Test
    void aScreenOpensOnTheFirstByTitleAndTheCourseChosenLastOnAnyScreenAndAfterSigningInAgain() {
        AppState app = signedIn("nb-ta");
        LearnersViewModel learners = new LearnersViewModel(app, platform.courses(), platform.learners(), tasks,
                Messages.english(), Duration.ZERO,
                new CourseMemory(settings));
        learners.load();
        assertThat(learners.courseProperty().get()).isEqualTo(ALGEBRA_OLD);

        learners.courseProperty().set(CALCULUS);
        InsightsViewModel insights = new InsightsViewModel(app, platform.courses(), platform.insights(), tasks,
                Messages.english(), new CourseMemory(settings));
        insights.load();
        assertThat(insights.courseProperty().get()).isEqualTo(CALCULUS);

        AppState again = signedIn("nb-ta");
        LearnersViewModel next = new LearnersViewModel(again, platform.courses(), platform.learners(), tasks,
                Messages.english(), Duration.ZERO,
                new CourseMemory(settings));
        next.load();
        assertThat(next.courseProperty().get()).isEqualTo(CALCULUS);

        LearnersViewModel someoneElse = new LearnersViewModel(signedIn("nb-admin"), platform.courses(),
                platform.learners(), tasks, Messages.english(),
                Duration.ZERO, new CourseMemory(settings));
        someoneElse.load();
        assertThat(someoneElse.courseProperty().get()).isEqualTo(ALGEBRA_OLD);
    }

    @Test
    void aCourseRememberedButNoLongerListedGivesWayToTheFirst() {
        AppState app = signedIn("nb-ta");
        new CourseMemory(settings).remember(app.session(), course("course-v1:NB+GONE+2024", "Gone", "2024"));
        LearnersViewModel learners = new LearnersViewModel(app, platform.courses(), platform.learners(), tasks,
                Messages.english(), Duration.ZERO,
                new CourseMemory(settings));
        learners.load();
        assertThat(learners.courseProperty().get()).isEqualTo(ALGEBRA_OLD);
    }
}
