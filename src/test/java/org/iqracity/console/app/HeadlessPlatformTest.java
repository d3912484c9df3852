package org.iqracity.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code member-console platform} runs on a server without a display. The command's path (parse the flags, start
 * the platform, serve a sign-in) runs in a class loader of its own that records every class it is asked for, so
 * the check holds even though other tests of the run load JavaFX into this JVM. A separate JVM with
 * {@code -verbose:class} would say the same but takes ~10-30 s to start here.
 */
class HeadlessPlatformTest {

    /** Defines every class of the class path itself (JDK classes come from the platform loader) and notes each. */
    static final class RecordingLoader extends URLClassLoader {
        final Set<String> requested = ConcurrentHashMap.newKeySet();

        RecordingLoader(URL[] urls) {
            super("recording", urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void platformCommandPathLoadsNoJavaFxClass(@TempDir Path data) throws Exception {
        URL[] classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(HeadlessPlatformTest::url).toArray(URL[]::new);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (RecordingLoader loader = new RecordingLoader(classPath)) {
            Thread.currentThread().setContextClassLoader(loader);
            // DriverManager hands a driver only to code of the loader that registered it: register this loader's.
            Class<?> h2Driver = Class.forName("org.h2.Driver", true, loader);
            Class<?> command = loader.loadClass(PlatformCommand.class.getName());
            assertThat(command.getClassLoader()).isSameAs(loader);
            Method parse = command.getDeclaredMethod("parse", List.class);
            parse.setAccessible(true);
            Object config = parse.invoke(null, List.of("--port", "0", "--data", data.toString(), "--learners", "40"));
            Class<?> platformClass = loader.loadClass("org.iqracity.console.platform.Platform");
            Class<?> listenerClass = loader.loadClass("org.iqracity.console.platform.StartupListener");
            Object platform = platformClass.getMethod("start", config.getClass(), listenerClass)
                    .invoke(null, config, listenerClass.getField("NONE").get(null));
            try {
                URI base = (URI) platformClass.getMethod("baseUri").invoke(platform);
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/session"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"username\":\"nb-admin\",\"password\":\"sandbox-password\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(signIn.statusCode()).isEqualTo(200);
            } finally {
                ((AutoCloseable) platform).close();
                h2Driver.getMethod("unload").invoke(null);
            }
            // The loader saw the platform's own classes and its web server, so it did watch the whole path.
            assertThat(loader.requested).contains("org.iqracity.console.platform.http.ApiServer",
                    "io.javalin.Javalin");
            assertThat(loader.requested.stream().filter(n -> n.startsWith("javafx.")
                    || n.startsWith("com.sun.javafx.") || n.startsWith("com.sun.glass.")
                    || n.startsWith("com.sun.prism.") || n.startsWith("atlantafx.")).toList())
                    .as("JavaFX classes asked for on the platform command's path").isEmpty();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static URL url(String entry) {
        try {
            return Path.of(entry).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
