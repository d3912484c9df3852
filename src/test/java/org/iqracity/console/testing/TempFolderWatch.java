package org.iqracity.console.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What appeared in a temporary folder since a start, and after which test class each entry was first seen, so that a
 * left-over names the class that left it.
 */
final class TempFolderWatch {
    /**
     * Files that a library deletes itself when the JVM exits, which is after the run looks: JavaFX's copies of the
     * fonts it loads from jars, and the script with which the embedded PostgreSQL finds out which Linux it runs on.
     */
    static final Pattern DELETED_AT_EXIT = Pattern.compile("\\+JXF\\d+\\.tmp|detect_linux_distribution_\\d+\\.sh");

    private final Path folder;
    private Set<String> atStart = Set.of();
    private final Map<String, String> firstSeenAfter = new LinkedHashMap<>();

    TempFolderWatch(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    void start() {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        atStart = names();
    }

    /** Notes each new entry as seen after {@code testClass}, unless an earlier class already left it. */
    synchronized void classFinished(String testClass) {
        for (String name : names()) {
            if (!atStart.contains(name)) {
                firstSeenAfter.putIfAbsent(name, testClass);
            }
        }
    }

    /** The entries there now that were not there at the start, each with the class after which it was seen. */
    synchronized List<String> leftovers() {
        return names().stream().filter(name -> !atStart.contains(name) && !DELETED_AT_EXIT.matcher(name).matches())
                .map(name -> name + " (after " + firstSeenAfter.getOrDefault(name, "the last test class") + ")")
                .toList();
    }

    private Set<String> names() {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(
                    TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
