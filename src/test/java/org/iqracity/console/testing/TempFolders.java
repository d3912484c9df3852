package org.iqracity.console.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary folders of tests and tours, made and deleted whole. */
public final class TempFolders {
    private TempFolders() {
    }

    /** A new, empty folder in the temporary folder, its name starting with {@code prefix}. */
    public static Path create(String prefix) {
        try {
            // the test JVM's own temporary folder under target/ is made when the run starts, or here if earlier
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a file or a folder with all it holds; what is already gone is no error. */
    public static void delete(Path path) {
        if (path == null || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (NoSuchFileException gone) {
                    // deleted meanwhile by whoever owned it
                }
            }
        } catch (NoSuchFileException gone) {
            // the whole tree went meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + path, e);
        }
    }
}
