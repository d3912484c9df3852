package org.iqracity.console.documents;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file beside its target and moves it into place once complete: a crash, a full disk, a cancel or an error
 * while writing leaves the old file (or none) instead of a truncated document someone might send on. The partial
 * file is owner-only from its first byte (the JDK makes temporary files so on POSIX systems) and never outlives the
 * call. Where the file system cannot move atomically, the file is moved plainly: still never seen half-written under
 * its name by this program, though another program could see the move happen.
 */
public final class AtomicFiles {

    /** Writes the content into the partial file it is given; answers whatever the caller wants back. */
    @FunctionalInterface
    public interface Content<T> {
        T writeTo(Path partial) throws IOException;
    }

    /** Writes the content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What must be true before the file appears under its name, and undone if it then does not. */
    public interface BeforeMove<T> {
        void run(T written) throws IOException;

        /** The move failed after {@link #run} succeeded. */
        default void undo(T written) {
        }
    }

    private AtomicFiles() {
    }

    /** Replaces {@code target} with what {@code content} writes, once it is whole. */
    public static <T> T replace(Path target, Content<T> content) throws IOException {
        return replace(target, content, null);
    }

    /**
     * Replaces {@code target} with what {@code content} writes, once it is whole and {@code beforeMove} ran: when
     * it throws, the file does not appear.
     */
    public static <T> T replace(Path target, Content<T> content, BeforeMove<T> beforeMove) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".part");
        try {
            OwnerOnly.narrow(temp);
            T written = content.writeTo(temp);
            if (beforeMove != null) {
                beforeMove.run(written);
            }
            try {
                move(temp, absolute);
            } catch (IOException | RuntimeException e) {
                if (beforeMove != null) {
                    beforeMove.undo(written);
                }
                throw e;
            }
            return written;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Replaces {@code target} with what {@code writer} writes to a buffered stream, once it is whole. */
    public static void write(Path target, Writer writer) throws IOException {
        replace(target, partial -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                writer.writeTo(out);
            }
            return null;
        });
    }

    /** Replaces {@code target} with {@code bytes}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        replace(target, partial -> Files.write(partial, bytes));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
