package org.iqracity.console.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;
import org.iqracity.console.documents.OwnerOnly;

/**
 * One console per data folder. The first console holds a lock in the folder and listens on a loopback port; a
 * second start (someone double-clicks a roster while the console is open) hands its file to the first one and
 * ends, instead of opening a second window that would find the sandbox's database locked.
 *
 * <p>The port file holds a random token beside the port, readable by its owner only; a request without the token is
 * ignored, so another user of the machine cannot make the console open files.
 */
final class SingleInstance implements AutoCloseable {
    static final String LOCK = "console.lock";
    static final String PORT = "console.port";
    /** Sent instead of a path: "just come to the front". */
    static final String FRONT = "-";
    private static final int TIMEOUT_MS = 2_000;

    private final FileChannel channel;
    private final FileLock lock;
    private final ServerSocket server;
    private final String token;
    private volatile Consumer<Optional<Path>> handler = request -> { };

    private SingleInstance(FileChannel channel, FileLock lock, ServerSocket server, String token) {
        this.channel = channel;
        this.lock = lock;
        this.server = server;
        this.token = token;
    }

    /** The lock of {@code dataDir} if no other console holds it; then this console answers later starts. */
    static Optional<SingleInstance> claim(Path dataDir) {
        try {
            // the console's data folder holds sandbox data, pending reports and settings: its owner's alone (R14)
            OwnerOnly.folder(dataDir);
            OwnerOnly.narrowTree(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            OwnerOnly.narrow(dataDir.resolve(LOCK));
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            String token = HexFormat.of().formatHex(secret);
            writePrivately(dataDir.resolve(PORT), server.getLocalPort() + " " + token);
            SingleInstance instance = new SingleInstance(channel, lock, server, token);
            Thread.ofVirtual().name("single-instance").start(instance::serve);
            return Optional.of(instance);
        } catch (IOException e) {
            // Without the lock the console still works; a second start simply opens a second window.
            ConsoleMain.logger(SingleInstance.class)
                    .info("could not set up the one-console lock: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * Asks the console that holds {@code dataDir} to open {@code file} (or just to come to the front when null).
     * False when no console answers, e.g. the lock's owner has just ended.
     */
    static boolean handOver(Path dataDir, Path file) {
        try {
            String[] parts = Files.readString(dataDir.resolve(PORT), StandardCharsets.UTF_8).strip().split(" ");
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(parts[0])),
                        TIMEOUT_MS);
                socket.setSoTimeout(TIMEOUT_MS);
                Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
                out.write(parts[1] + "\n" + (file == null ? FRONT : file.toAbsolutePath().toString()) + "\n");
                out.flush();
                String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8)).readLine();
                return "ok".equals(answer);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Called on the listener's thread with the file another start asked for (empty: come to the front). */
    void onRequest(Consumer<Optional<Path>> handler) {
        this.handler = handler;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(TIMEOUT_MS);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                String offered = in.readLine();
                String path = in.readLine();
                if (offered == null || path == null || !MessageDigest.isEqual(
                        offered.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
                    continue;
                }
                handler.accept(FRONT.equals(path) ? Optional.empty() : Optional.of(Path.of(path)));
                socket.getOutputStream().write("ok\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                if (!server.isClosed()) {
                    ConsoleMain.logger(SingleInstance.class)
                            .info("a request from another start was not understood: {}", e.getClass().getSimpleName());
                }
            }
        }
    }

    private static void writePrivately(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            server.close();
            lock.release();
            channel.close();
        } catch (IOException e) {
            ConsoleMain.logger(SingleInstance.class)
                    .info("could not release the one-console lock: {}", e.getClass().getSimpleName());
        }
    }
}
