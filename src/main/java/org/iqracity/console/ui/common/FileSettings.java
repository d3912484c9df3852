package org.iqracity.console.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.iqracity.console.documents.AtomicFiles;
import org.iqracity.console.documents.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Settings in a small properties file in the console's application-data folder. */
public final class FileSettings implements Settings {

    private static final Logger LOGGER = LoggerFactory.getLogger(FileSettings.class);

    private final Path file;
    private final Properties values = new Properties();

    private FileSettings(Path file) {
        this.file = file;
    }

    public static FileSettings load(Path file) {
        FileSettings settings = new FileSettings(file);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                settings.values.load(in);
            } catch (IOException e) {
                LOGGER.warn("could not read settings {}, starting with defaults: {}", file, e.toString());
            }
        }
        return settings;
    }

    @Override
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    @Override
    public synchronized void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    @Override
    public synchronized void save() {
        try {
            OwnerOnly.folder(file.getParent());
            AtomicFiles.write(file, out -> values.store(out, "Member Console settings"));
        } catch (IOException e) {
            LOGGER.warn("could not save settings {}: {}", file, e.toString());
        }
    }
}
