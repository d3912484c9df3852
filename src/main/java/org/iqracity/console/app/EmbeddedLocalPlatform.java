package org.iqracity.console.app;

import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.iqracity.console.platform.Platform;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.ui.common.LocalPlatform;
import org.iqracity.console.ui.common.ProgressSink;

/** The sandbox platform in the console's own process, on a free loopback port, data in the app-data folder. */
public final class EmbeddedLocalPlatform implements LocalPlatform {

    private final PlatformConfig config;
    private volatile Platform running;

    public EmbeddedLocalPlatform(PlatformConfig config) {
        this.config = config;
    }

    static EmbeddedLocalPlatform inFolder(Path dataDir, int learners) {
        PlatformConfig config = PlatformConfig.embedded(dataDir, 0);
        return new EmbeddedLocalPlatform(learners > 0 ? config.withLearners(learners) : config);
    }

    @Override
    public synchronized URI start(ProgressSink progress) throws StartFailure {
        if (running == null) {
            running = launch(config, progress);
        }
        return running.baseUri();
    }

    /**
     * Stops the sandbox and starts it again on the port it had, so that the console's session and address stay
     * good; on a free port when another program took that one in between.
     */
    @Override
    public synchronized URI restart(ProgressSink progress) throws StartFailure {
        int port = running != null ? running.baseUri().getPort() : config.port();
        stop();
        try {
            running = launch(config.withPort(port), progress);
        } catch (StartFailure failure) {
            if (port == 0 || !portTaken(failure)) {
                throw failure;
            }
            running = launch(config.withPort(0), progress);
        }
        return running.baseUri();
    }

    private static Platform launch(PlatformConfig with, ProgressSink progress) throws StartFailure {
        try {
            return Platform.start(with, progress::progress);
        } catch (RuntimeException e) {
            throw new StartFailure(StartFailures.sentences(e), e);
        }
    }

    private static boolean portTaken(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** The sandbox files what it sends under its data folder (the platform's {@code sandbox-mailbox}). */
    @Override
    public Optional<Path> mailboxFolder() {
        return Optional.of(config.dataDir().resolve("sandbox-mailbox"));
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
