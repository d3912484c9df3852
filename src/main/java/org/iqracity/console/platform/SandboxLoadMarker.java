package org.iqracity.console.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * A file in the embedded database's folder that stands while a new sandbox is loaded into it: from before the first
 * row until the last index is built. The load runs in many transactions and H2 builds indexes outside them, so a
 * process stopped part-way (closed, killed, the machine off) leaves a database that would otherwise open as if it
 * were whole, with part of the learners, or fail on the index it had half made. Finding the file at the next start
 * says the folder's database is such a load: it is deleted and the sandbox loaded again (nothing else is lost: the
 * platform serves only after the load).
 */
final class SandboxLoadMarker {
    static final String FILE_NAME = "sandbox-load.unfinished";

    private final Path file;

    private SandboxLoadMarker(Path file) {
        this.file = file;
    }

    static SandboxLoadMarker in(Path dataDir) {
        return new SandboxLoadMarker(dataDir.resolve(FILE_NAME));
    }

    boolean present() {
        return Files.exists(file);
    }

    /** Puts the file down and onto the disk before the load writes anything. */
    void begin(Instant now) {
        String text = "A sandbox load began here at " + now + " and has not finished. If the platform is not running,"
                + " it stopped part-way: the next start deletes this folder's database and loads the sandbox again.\n";
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write in the data folder " + file.getParent(), e);
        }
    }

    /** Takes the file away once the load, its indexes included, is complete. */
    void finish() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write in the data folder " + file.getParent(), e);
        }
    }
}
