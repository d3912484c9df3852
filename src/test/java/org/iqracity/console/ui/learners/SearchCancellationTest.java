package org.iqracity.console.ui.learners;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.api.Page;
import org.iqracity.console.ui.FakePlatformClient;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.DeferredTaskRunner;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Session;
import org.junit.jupiter.api.Test;

class SearchCancellationTest {

    @Test
    void aKeystrokeWhileARequestIsInFlightMeansItsAnswerIsNeverShown() {
        DeferredTaskRunner tasks = new DeferredTaskRunner();
        AppState app = new AppState();
        FakePlatformClient platform = new FakePlatformClient(URI.create("http://127.0.0.1:1"));
        platform.learnerPages = q -> {
            String prefix = q.q() == null ? "all" : q.q();
            return new Page<>(IntStream.range(0, 3).mapToObj(i -> FakePlatformClient.row(i))
                    .map(r -> new LearnerRowDto(r.learnerId(), prefix + "-" + r.username(),
                            r.name(), r.email(), r.country(), r.enrolledAt(), r.mode(), r.active(), r.progress(),
                            r.grade(), r.passed(), r.lastActivityAt(), r.sponsored(), r.retired()))
                    .toList(), null, 3);
        };
        app.signedIn(new Session(platform, platform.me("nb-ta")));
        LearnersViewModel vm = new LearnersViewModel(app, platform.courses(), platform.learners(), tasks,
                Messages.english(), Duration.ofMillis(200));
        vm.load();
        tasks.finishAll();
        tasks.finishAll();

        vm.searchProperty().set("a");
        tasks.runScheduled();
        assertThat(tasks.inFlight()).isEqualTo(1);
        vm.searchProperty().set("ab");
        tasks.runScheduled();
        assertThat(tasks.inFlight()).isEqualTo(2);
        tasks.finishNewestFirst();

        assertThat(platform.learnerQueries).extracting(q -> q.q()).containsExactlyInAnyOrder(null, "a", "ab");
        assertThat(vm.rows()).extracting(r -> r.learner().username())
                .allMatch(name -> name.startsWith("ab-"));
        assertThat(vm.stateProperty().get()).isEqualTo(LearnersViewModel.State.READY);
    }

    @Test
    void switchingCourseWhileADetailLoadsNeverShowsTheOldDetail() {
        DeferredTaskRunner tasks = new DeferredTaskRunner();
        AppState app = new AppState();
        FakePlatformClient platform = new FakePlatformClient(URI.create("http://127.0.0.1:1"));
        app.signedIn(new Session(platform, platform.me("nb-ta")));
        LearnersViewModel vm = new LearnersViewModel(app, platform.courses(), platform.learners(), tasks,
                Messages.english(), Duration.ofMillis(200));
        vm.load();
        tasks.finishAll();
        tasks.finishAll();

        vm.open(vm.rows().getFirst());
        assertThat(vm.detail().stateProperty().get()).isEqualTo(LearnerDetailViewModel.State.LOADING);
        vm.courseProperty().set(vm.courses().get(1));
        tasks.finishAll();

        assertThat(vm.detail().stateProperty().get()).isEqualTo(LearnerDetailViewModel.State.NONE);
        assertThat(vm.detail().detailProperty().get()).isNull();
        assertThat(List.copyOf(vm.rows())).isNotEmpty();
    }
}
