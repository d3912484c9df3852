package org.iqracity.console.testing;

import java.nio.file.Path;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Fails the run when tests leave files or folders in the temporary folder: they filled a shared /tmp with gigabytes
 * of sandboxes and queues before. Surefire gives each test JVM a temporary folder of its own under target/ (see the
 * pom), so what appears there is the run's own; at the end, after what the whole run shares is closed
 * ({@link RunScoped}), anything new there is a leftover, named with the class after which it appeared. In a shared
 * temporary folder (an IDE's run) other programs' files would be blamed on the tests, so there it only closes.
 * Registered for JUnit in META-INF/services, as a session listener and as an execution listener.
 */
public final class LeftoverTempFiles implements LauncherSessionListener, TestExecutionListener {
    private static volatile TempFolderWatch watch;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (tmp.startsWith(Path.of(System.getProperty("user.dir"), "target").toAbsolutePath().normalize())) {
            TempFolderWatch started = new TempFolderWatch(tmp);
            started.start();
            watch = started;
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        TempFolderWatch w = watch;
        if (w != null && test.getSource().orElse(null) instanceof ClassSource source) {
            w.classFinished(source.getClassName().substring(source.getClassName().lastIndexOf('.') + 1));
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        List<Exception> notClosed = RunScoped.closeAll();
        if (!notClosed.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("What the test run shared could not all be "
                    + "closed: " + notClosed.size() + " failed");
            notClosed.forEach(failure::addSuppressed);
            throw failure;
        }
        TempFolderWatch w = watch;
        watch = null;
        if (w == null) {
            return;
        }
        List<String> left = w.leftovers();
        if (!left.isEmpty()) {
            throw new IllegalStateException("The tests left " + left.size() + " temporary files or folders in "
                    + w.folder() + ": " + String.join(", ", left) + ". Delete them in @AfterEach or @AfterAll, use "
                    + "@TempDir, or RunScoped for what the whole run shares.");
        }
    }
}
