package org.iqracity.console.platform.breach;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code member-console platform} in a JVM of its own, so a test can kill it the way an operating system would. */
final class ChildPlatform implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("Platform API ready at (\\S+)/api/v1");

    private final Process process;
    private final URI base;

    private ChildPlatform(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    static ChildPlatform start(Path data, int learners, List<String> extra, Path log) throws Exception {
        return start(data, learners, extra, log, Map.of(), List.of());
    }

    /** The same, with variables of its own in its environment and options for its JVM (one node among several). */
    static ChildPlatform start(Path data, int learners, List<String> extra, Path log, Map<String, String> env,
                               List<String> jvm) throws Exception {
        String cp = System.getProperty("surefire.test.class.path");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        // A benchmark may try the platform with other JVM options, e.g. -Dplatform.h2.options=...
        String jvmOptions = System.getProperty("child.jvmOptions", "");
        if (!jvmOptions.isBlank()) {
            command.addAll(List.of(jvmOptions.trim().split("\\s+")));
        }
        command.addAll(jvm);
        command.addAll(List.of("-cp", cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path"),
                "org.iqracity.console.app.Launcher", "platform", "--port", "0", "--data", data.toString(),
                "--learners", Integer.toString(learners)));
        command.addAll(extra);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
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
        }, "child-platform-log");
        drain.setDaemon(true);
        drain.start();
        try {
            return new ChildPlatform(process, ready.get(4, TimeUnit.MINUTES));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the platform did not start; see " + log, e);
        }
    }

    URI base() {
        return base;
    }

    /**
     * SIGTERM, without waiting: the stop a service manager asks for. Through the process handle, since
     * {@link Process#destroy()} also closes the pipes, and the stopping node's lines would be lost.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    /** Waits for the process to end and gives its exit code, or null if it has not ended by then. */
    Integer exitWithin(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye to the mail server. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
