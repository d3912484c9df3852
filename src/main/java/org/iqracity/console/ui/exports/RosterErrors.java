package org.iqracity.console.ui.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.client.PlatformUnreachableException;
import org.iqracity.console.roster.RosterFileException;
import org.iqracity.console.ui.common.ErrorMessages;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.UserMessage;

/** What went wrong with a roster file or an export, in a sentence a course administrator understands. */
public final class RosterErrors {

    private final Messages messages;
    private final ErrorMessages platform;

    public RosterErrors(Messages messages) {
        this.messages = messages;
        this.platform = new ErrorMessages(messages);
    }

    public UserMessage describe(Throwable failure) {
        Throwable e = failure instanceof UncheckedIOException u ? u.getCause() : failure;
        // A full disk while rows stream in surfaces as a broken download: look at the whole chain.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io && diskFull(io)) {
                return message("roster.error.diskFull");
            }
        }
        return switch (e) {
            case RosterFileException r -> message("roster.error." + r.kind().name());
            case PlatformUnreachableException p -> message("exports.error.platformGone");
            case ApiHttpException http when http.is(ProblemCode.NOT_FOUND) || http.is(ProblemCode.FORBIDDEN) ->
                    message("exports.error.outOfScope");
            case NoSuchFileException n -> message("roster.error.noFile");
            case AccessDeniedException a -> message("roster.error.accessDenied");
            case FileSystemException fs -> message("roster.error.io");
            case IOException io when io.getMessage() != null && io.getMessage().contains("did not arrive intact") ->
                    message("exports.error.incomplete");
            case IOException io -> message("roster.error.io");
            default -> platform.describe(e);
        };
    }

    private static boolean diskFull(IOException e) {
        String text = e.getMessage();
        return text != null && (text.contains("No space left") || text.contains("not enough space")
                || text.contains("Disk quota exceeded"));
    }

    private UserMessage message(String key) {
        return new UserMessage(messages.get(key + ".text"), messages.get(key + ".hint"));
    }
}
