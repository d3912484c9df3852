package org.iqracity.console.ui.common;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens files with the desktop's handler: {@link Desktop} where the platform offers it, else {@code xdg-open} (Linux
 * desktops where AWT has no "open" action), {@code open} (macOS). Never blocks the FX thread: callers run it in a task.
 */
public final class DesktopFileOpener implements FileOpener {

    private static final Logger LOGGER = LoggerFactory.getLogger(DesktopFileOpener.class);

    @Override
    public void open(Path file) throws IOException {
        if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            Desktop.getDesktop().open(file.toFile());
            return;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String command = os.contains("mac") ? "open" : "xdg-open";
        Process process = new ProcessBuilder(command, file.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() != 0) {
                throw new IOException(command + " could not open the file (exit " + process.exitValue() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening the file", e);
        }
        LOGGER.debug("opened a {} file with {}", extension(file), command);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
