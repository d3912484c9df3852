package org.iqracity.console.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.client.ApiHttpException;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {
    final ErrorMessages errors = new ErrorMessages(Messages.english());

    static ApiHttpException refused(int status, String code, Duration retryAfter) {
        return new ApiHttpException(status, new Problem("about:blank", "t", status, "d", code, List.of(), null),
                retryAfter);
    }

    @Test
    void aSpentExportBudgetIsNotCalledASignInProblem() {
        UserMessage busy = errors.describe(refused(429, ProblemCode.RATE_LIMITED, Duration.ofSeconds(42)));
        UserMessage signIn = errors.describe(refused(429, ProblemCode.THROTTLED, Duration.ofSeconds(42)));

        assertThat(busy.text()).contains("slow down").doesNotContain("sign-in");
        assertThat(busy.hint()).contains("42 seconds");
        assertThat(signIn.text()).contains("sign-in");
    }
}
