package org.iqracity.console.ui.common;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The sandbox platform the console can start in its own process. The composition root provides it, so the UI
 * never depends on the platform's code.
 */
public interface LocalPlatform {

    /**
     * Blocks until the platform serves; reports its progress. Returns its base address. A {@link StartFailure} says
     * why it did not start in sentences meant for the person at the screen.
     */
    URI start(ProgressSink progress) throws Exception;

    /** The folder where the notices it sends are filed as files, when it files them rather than mailing them. */
    default Optional<Path> mailboxFolder() {
        return Optional.empty();
    }

    /**
     * Stops it and starts it again with the same data, at the same address where it can; blocks until it serves
     * and returns its address, which differs only when the old one was taken meanwhile.
     */
    default URI restart(ProgressSink progress) throws Exception {
        stop();
        return start(progress);
    }

    /** Stops it if it runs; safe to call more than once. */
    void stop();

    /** A start that failed, with why in one or two sentences a person can act on (no learner data, no secret). */
    final class StartFailure extends Exception {
        public StartFailure(String sentences, Throwable cause) {
            super(sentences, cause);
        }
    }
}
