package org.iqracity.console.testing;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * POI, which reads the console's workbooks back in tests, keeps a "poifiles" folder in the temporary folder for good
 * (its files inside go at JVM exit, the folder never): for a test run it writes to a folder that goes when the run
 * ends. Registered for JUnit in META-INF/services.
 */
public final class PoiScratchFolder implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(
                RunScoped.folder("poifiles").toFile()));
    }
}
