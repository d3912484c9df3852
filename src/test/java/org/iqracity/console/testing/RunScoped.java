package org.iqracity.console.testing;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What lives as long as the test run: a platform many classes share, the embedded PostgreSQL, the sandbox
 * templates. Closed in the reverse order of their making when the run ends ({@link LeftoverTempFiles}, before it
 * looks for left-over temporary files), or at JVM exit where no JUnit run is around them (the screenshot tours).
 */
public final class RunScoped {
    private static final RunScoped RUN = new RunScoped();

    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private boolean exitHook;

    RunScoped() {
    }

    /** Keeps {@code resource} open until the run ends; returns it. */
    public static <T extends AutoCloseable> T closeAtEnd(T resource) {
        return RUN.add(resource);
    }

    /** A temporary folder for the whole run, deleted with everything in it when the run ends. */
    public static Path folder(String prefix) {
        return RUN.newFolder(prefix);
    }

    /** Closes everything the run still holds open, latest first; says what could not be closed. */
    static List<Exception> closeAll() {
        return RUN.close();
    }

    synchronized <T extends AutoCloseable> T add(T resource) {
        if (!exitHook) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::close, "run-scoped-close"));
            exitHook = true;
        }
        open.push(resource);
        return resource;
    }

    Path newFolder(String prefix) {
        Path dir = TempFolders.create(prefix);
        add(() -> TempFolders.delete(dir));
        return dir;
    }

    List<Exception> close() {
        List<Exception> failures = new ArrayList<>();
        for (AutoCloseable next = next(); next != null; next = next()) {
            try {
                next.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        return failures;
    }

    private synchronized AutoCloseable next() {
        return open.poll();
    }
}
