package org.iqracity.console.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.application.Application;

/**
 * Starts the console. A plain class (the Launcher calls it), so the jar runs from the class path; the JavaFX
 * application class is {@link ConsoleApp}.
 *
 * <p>Options: {@code --platform <address>} signs in to that platform and starts no sandbox; {@code --data-dir
 * <folder>} replaces the application-data folder; {@code --sandbox-learners <n>} sizes a new sandbox.
 */
public final class ConsoleMain {

    private ConsoleMain() {
    }

    public static void main(String[] args) {
        ConsoleApp.options = ConsoleOptions.parse(Arrays.asList(args));
        Application.launch(ConsoleApp.class);
    }

    /** What the command line asked for. */
    record ConsoleOptions(String platformAddress, Path dataDir, int sandboxLearners) {

        static ConsoleOptions parse(List<String> args) {
            String address = value(args, "--platform");
            String dir = value(args, "--data-dir");
            String learners = value(args, "--sandbox-learners");
            return new ConsoleOptions(address, dir == null ? AppDataDir.resolve() : Path.of(dir),
                    learners == null ? 0 : Integer.parseInt(learners));
        }

        private static String value(List<String> args, String name) {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals(name) && i + 1 < args.size()) {
                    return args.get(i + 1);
                }
                if (arg.startsWith(name + "=")) {
                    return arg.substring(name.length() + 1);
                }
            }
            return null;
        }

        boolean sandbox() {
            return platformAddress == null;
        }
    }
}
