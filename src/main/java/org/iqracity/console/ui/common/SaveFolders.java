package org.iqracity.console.ui.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a file the person saves goes when they name no folder: their documents folder as the desktop knows it
 * ({@code XDG_DOCUMENTS_DIR} in {@code ~/.config/user-dirs.dirs}, else {@code ~/Documents}), else their home folder;
 * never the folder the console happened to be started from.
 */
public final class SaveFolders {
    private static final Pattern DOCUMENTS = Pattern.compile("(?m)^\\s*XDG_DOCUMENTS_DIR=\"([^\"]*)\"");

    private final Path home;
    private final Map<String, String> env;

    public SaveFolders(Path home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    public static SaveFolders ofThisUser() {
        return new SaveFolders(Path.of(System.getProperty("user.home")), System.getenv());
    }

    public Path documents() {
        Path config = env.containsKey("XDG_CONFIG_HOME") && !env.get("XDG_CONFIG_HOME").isBlank()
                ? Path.of(env.get("XDG_CONFIG_HOME")) : home.resolve(".config");
        try {
            Matcher m = DOCUMENTS.matcher(Files.readString(config.resolve("user-dirs.dirs")));
            if (m.find()) {
                Path named = Path.of(m.group(1).replace("$HOME", home.toString()));
                if (Files.isDirectory(named) && !named.equals(home)) {
                    return named;
                }
            }
        } catch (IOException | RuntimeException noSettings) {
            // no desktop settings: the usual name, or home
        }
        Path usual = home.resolve("Documents");
        return Files.isDirectory(usual) ? usual : home;
    }

    /** A path as typed: a name alone, or a relative path, is taken inside the documents folder. */
    public Path resolve(String typed) {
        Path path = Path.of(typed.strip());
        return path.isAbsolute() ? path : documents().resolve(path);
    }
}
