package org.iqracity.console.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.iqracity.console.app.PlatformCommand.UsageException;

/**
 * Where the platform command's options come from, by one rule: the option {@code --db-pool} is also the environment
 * variable {@code PLATFORM_DB_POOL} and the key {@code db-pool} in a configuration file (Java properties, named by
 * {@code --config FILE} or {@code PLATFORM_CONFIG}). The command line wins over the environment, the environment over
 * the file. A switch ({@code --sandbox}) is {@code true} or {@code false} there.
 */
final class PlatformOptions {
    static final String CONFIG = "--config";

    private final Set<String> valued;
    private final Set<String> switches;

    /** @param valued the options that take a value; {@code switches} those that do not */
    PlatformOptions(Set<String> valued, Set<String> switches) {
        this.valued = valued;
        this.switches = switches;
    }

    /** The environment variable of an option: {@code --db-pool} is {@code PLATFORM_DB_POOL}. */
    static String environmentName(String option) {
        return "PLATFORM_" + option.substring(2).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The key of an option in the configuration file: {@code --db-pool} is {@code db-pool}. */
    static String fileKey(String option) {
        return option.substring(2);
    }

    /**
     * The command line with what the environment and the configuration file add: each option the command line does
     * not give is taken from the environment, else from the file.
     */
    List<String> effective(List<String> args, Map<String, String> env) throws UsageException {
        Properties file = file(args, env);
        Set<String> unknown = new TreeSet<>(file.stringPropertyNames());
        List<String> all = new ArrayList<>(args);
        for (String option : new TreeSet<>(union())) {
            unknown.remove(fileKey(option));
            if (args.contains(option)) {
                continue;
            }
            String fromEnv = env.get(environmentName(option));
            String value = fromEnv != null && !fromEnv.isBlank() ? fromEnv.strip() : file.getProperty(fileKey(option));
            if (value == null || value.isBlank()) {
                continue;
            }
            String source = fromEnv != null && !fromEnv.isBlank() ? environmentName(option)
                    : "'" + fileKey(option) + "' in the configuration file";
            add(all, option, value.strip(), source);
        }
        if (!unknown.isEmpty()) {
            throw new UsageException("Unknown option in the configuration file: " + unknown.iterator().next());
        }
        return all;
    }

    private Set<String> union() {
        Set<String> all = new TreeSet<>(valued);
        all.addAll(switches);
        return all;
    }

    private void add(List<String> all, String option, String value, String source) throws UsageException {
        if (valued.contains(option)) {
            all.add(option);
            all.add(value);
        } else if ("true".equalsIgnoreCase(value)) {
            all.add(option);
        } else if (!"false".equalsIgnoreCase(value)) {
            throw new UsageException(source + " must be true or false");
        }
    }

    /** The configuration file's settings, or none when no file is named. */
    private static Properties file(List<String> args, Map<String, String> env) throws UsageException {
        int at = args.indexOf(CONFIG);
        String name = at >= 0 && at + 1 < args.size() ? args.get(at + 1) : env.get(environmentName(CONFIG));
        Properties properties = new Properties();
        if (at >= 0 && at + 1 >= args.size()) {
            throw new UsageException(CONFIG + " needs a value");
        }
        if (name == null || name.isBlank()) {
            return properties;
        }
        Path path = Path.of(name.strip());
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UsageException("Cannot read the configuration file " + path + ": "
                    + e.getClass().getSimpleName());
        }
        return properties;
    }
}
