package org.iqracity.console.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform API in its own JVM ({@code Launcher platform}), so the console's heap holds the console alone.
 * An existing data folder is opened as it is; a missing one is seeded with {@code learners}.
 */
final class SeparatePlatform implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Platform API ready at (\\S+)/api/v1");

    private final Process process;
    private final URI baseUri;
    private final Thread stopOnExit;

    private SeparatePlatform(Process process, URI baseUri, Thread stopOnExit) {
        this.process = process;
        this.baseUri = baseUri;
        this.stopOnExit = stopOnExit;
    }

    /**
     * Stops {@code process} when this JVM ends before closing it (a benchmark stopped with Ctrl+C or a signal): a
     * platform left running keeps its H2 file locked, and the next run cannot open it.
     */
    static Thread stopOnExit(Process process) {
        Thread hook = new Thread(process::destroy, "stop-" + process.pid());
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    static void forget(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs anyway: the process is being stopped as it should be.
        }
    }

    /**
     * @param source an H2 data folder, or a {@code jdbc:postgresql:} address (seeded with the sandbox when empty;
     *               user from {@code cbench.dbUser}, password from the environment as the platform command reads it)
     */
    static SeparatePlatform start(String source, int learners, String heap, Path log, long timeoutMinutes)
            throws IOException, InterruptedException {
        return start(source, learners, heap, log, timeoutMinutes, 0);
    }

    /** As above on a given port (0 picks one), so a platform restarted after a kill is found at the same address. */
    static SeparatePlatform start(String source, int learners, String heap, Path log, long timeoutMinutes, int port)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap,
                "--enable-native-access=ALL-UNNAMED"));
        // -Dcbench.platformJvm="..." adds options to the platforms' JVMs, e.g. a flight recording to profile them.
        String extra = System.getProperty("cbench.platformJvm", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.replace("{log}", log.getFileName().toString()).split("\\s+")));
        }
        command.addAll(List.of("-cp", ConsoleBenchmark.classpath(), "org.iqracity.console.app.Launcher", "platform",
                "--port", Integer.toString(port), "--learners", Integer.toString(learners)));
        if (source.startsWith("jdbc:")) {
            command.addAll(List.of("--db", source, "--db-user", System.getProperty("cbench.dbUser", "postgres"),
                    "--sandbox"));
        } else {
            command.addAll(List.of("--data", Path.of(source).toAbsolutePath().toString()));
        }
        String dataDir = source.replaceAll("[^A-Za-z0-9-]+", "_");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread hook = stopOnExit(process);
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (String line; (line = in.readLine()) != null; ) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        ready.complete(URI.create(m.group(1)));
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("platform ended before it was ready; see " + log));
        }, "platform-log-" + dataDir);
        drain.setDaemon(true);
        drain.start();
        try {
            return new SeparatePlatform(process, ready.get(timeoutMinutes, TimeUnit.MINUTES), hook);
        } catch (Exception e) {
            forget(hook);
            process.destroyForcibly();
            throw new IllegalStateException("platform on " + source + " did not start; see " + log, e);
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    URI baseUri() {
        return baseUri;
    }

    long pid() {
        return process.pid();
    }

    /** Kills the process at once (SIGKILL): no shutdown hook, no checkpoint, as a crash or an OOM killer would. */
    void kill() throws InterruptedException {
        forget(stopOnExit);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        forget(stopOnExit);
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
