package org.iqracity.console.ui.common;

import java.net.URI;

/**
 * The sandbox platform the console can start in its own process. The composition root provides it, so the UI
 * never depends on the platform's code.
 */
public interface LocalPlatform {

    /** Blocks until the platform serves; reports its progress. Returns its base address. */
    URI start(ProgressSink progress) throws Exception;

    /** Stops it if it runs; safe to call more than once. */
    void stop();
}
