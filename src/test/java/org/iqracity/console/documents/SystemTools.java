package org.iqracity.console.documents;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Programs of the operating system some tests read our files back with (GnuPG, poppler, LibreOffice): a person's
 * tools, the proof that the files work outside this project. CI installs them (.ci/run); on a machine without them
 * those tests skip with a reason naming the package, and the in-process read-back still runs.
 */
public final class SystemTools {
    private SystemTools() {
    }

    /** Whether {@code program} is an executable on the PATH. */
    public static boolean installed(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** The reason a test that needs {@code program} gives when it skips. */
    public static String missing(String program, String debianPackage) {
        return program + " is not installed (apt-get install " + debianPackage + "); .ci/run installs it";
    }
}
