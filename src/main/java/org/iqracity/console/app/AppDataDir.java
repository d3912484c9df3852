package org.iqracity.console.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the console keeps its settings and the sandbox's data, by the desktop's conventions. */
public final class AppDataDir {

    private AppDataDir() {
    }

    public static Path resolve() {
        return resolve(System.getProperty("os.name", ""), System.getProperty("user.home", "."), System.getenv());
    }

    static Path resolve(String osName, String home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData == null || appData.isBlank() ? Path.of(home, "AppData", "Roaming") : Path.of(appData))
                    .resolve("Member Console");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Member Console");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? Path.of(home, ".local", "share") : Path.of(xdg))
                .resolve("member-console");
    }
}
