package org.iqracity.console.ui.common;

/** Told how far some long work has come; may be called from any thread. */
@FunctionalInterface
public interface ProgressSink {
    ProgressSink NONE = (stage, fraction) -> { };

    /** @param fraction 0..1, or negative when unknown */
    void progress(String stage, double fraction);
}
