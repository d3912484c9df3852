package org.iqracity.console.ui.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Saves of a draft go one at a time; those asked for meanwhile go after it as one, or not at all after a failure. */
class SaveQueueTest {
    private final SaveQueue queue = new SaveQueue();
    private final List<String> ran = new ArrayList<>();
    private final List<Runnable> savedAgain = new ArrayList<>();

    @Test
    void withNothingOnItsWayASaveIsNotQueued() {
        assertThat(queue.busy()).isFalse();
        assertThat(queue.queueBehind(() -> ran.add("x"))).isFalse();
        assertThat(ran).isEmpty();
    }

    @Test
    void savesAskedForMeanwhileGoAfterItAsOneSaveAndThenRunInOrder() {
        queue.started();
        assertThat(queue.queueBehind(() -> ran.add("first"))).isTrue();
        assertThat(queue.queueBehind(() -> ran.add("second"))).isTrue();

        queue.ended(true, savedAgain::add);

        assertThat(queue.busy()).isFalse();
        assertThat(savedAgain).as("one save for both").hasSize(1);
        assertThat(ran).isEmpty();
        savedAgain.getFirst().run();
        assertThat(ran).containsExactly("first", "second");
    }

    @Test
    void afterAFailureTheWaitingSavesAreDroppedAndNothingRuns() {
        queue.started();
        queue.queueBehind(() -> ran.add("waiting"));

        queue.ended(false, savedAgain::add);

        assertThat(savedAgain).isEmpty();
        assertThat(ran).isEmpty();
        assertThat(queue.busy()).isFalse();
        queue.started();
        queue.ended(true, savedAgain::add);
        assertThat(savedAgain).as("nothing left over from before").isEmpty();
    }
}
