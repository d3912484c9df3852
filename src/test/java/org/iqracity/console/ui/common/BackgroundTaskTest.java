package org.iqracity.console.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iqracity.console.api.Problem;
import org.iqracity.console.client.ApiHttpException;
import org.junit.jupiter.api.Test;

class BackgroundTaskTest {

    @Test
    void cancelledTaskNeverDeliversItsResult() {
        BackgroundTask<String> task = new BackgroundTask<>();
        List<String> seen = new ArrayList<>();
        task.onSuccess(seen::add).onFailure(e -> seen.add("failed"));

        task.cancel();
        task.succeed("stale results");
        task.fail(new IllegalStateException());

        assertThat(seen).isEmpty();
        assertThat(task.isCancelled()).isTrue();
    }

    @Test
    void callbackAddedAfterCompletionStillRuns() {
        BackgroundTask<String> task = new BackgroundTask<>();
        task.succeed("done");
        List<String> seen = new ArrayList<>();

        task.onSuccess(seen::add);

        assertThat(seen).containsExactly("done");
    }

    @Test
    void throttleWaitIsSaidInMinutesWhenLong() {
        ErrorMessages errors = new ErrorMessages(Messages.english());
        ApiHttpException throttled = new ApiHttpException(429,
                new Problem("about:blank", "t", 429, null, "throttled", List.of(), null), Duration.ofSeconds(300));

        assertThat(errors.describe(throttled).hint()).contains("wait 5 minutes");
        assertThat(errors.wait(Duration.ofSeconds(1))).isEqualTo("1 second");
    }
}
