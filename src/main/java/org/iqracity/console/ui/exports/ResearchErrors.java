package org.iqracity.console.ui.exports;

import java.io.IOException;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.UserMessage;

/** What went wrong with a research export, in a sentence; file and connection troubles as for rosters. */
final class ResearchErrors {
    /** The request field the platform names when joins with earlier stable-key exports would cost too much. */
    static final String STABLE_KEY = "stableKey";
    private final Messages messages;
    private final RosterErrors files;

    ResearchErrors(Messages messages) {
        this.messages = messages;
        this.files = new RosterErrors(messages);
    }

    UserMessage describe(Throwable e) {
        if (e instanceof ApiHttpException http) {
            if (http.is(ProblemCode.FORBIDDEN)) {
                return message("research.error.forbidden");
            }
            if (http.is(ProblemCode.NOT_FOUND)) {
                return message("research.error.notFound");
            }
            if (ProblemCode.VALIDATION_FAILED.equals(http.code()) && http.problem() != null
                    && http.problem().errors() != null && !http.problem().errors().isEmpty()) {
                var first = http.problem().errors().getFirst();
                if (STABLE_KEY.equals(first.field())) {
                    // the platform's reason is several sentences (how many, why, what instead): it goes where
                    // the text wraps, under a title that fits on one line
                    return new UserMessage(messages.get("research.error.joins.text"),
                            messages.format("research.error.joins.hint", first.message()));
                }
                return new UserMessage(first.message(), messages.get("research.error.invalid.hint"));
            }
        }
        if (e instanceof IOException io && io.getMessage() != null
                && io.getMessage().contains("research export")) {
            return message("research.error.incomplete");
        }
        return files.describe(e);
    }

    private UserMessage message(String key) {
        return new UserMessage(messages.get(key + ".text"), messages.get(key + ".hint"));
    }
}
