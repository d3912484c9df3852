package org.iqracity.console.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.application.Application;
import org.iqracity.console.client.PlatformTrust;

/**
 * Starts the console. A plain class (the Launcher calls it), so the jar runs from the class path; the JavaFX
 * application class is {@link ConsoleApp}.
 *
 * <p>Options: {@code --platform <address>} signs in to that platform and starts no sandbox; {@code --data-dir
 * <folder>} replaces the application-data folder; {@code --sandbox-learners <n>} sizes a new sandbox;
 * {@code --trust-ca <file>} trusts the certificate authorities in that PEM or DER file besides the JDK's.
 */
public final class ConsoleMain {

    private ConsoleMain() {
    }

    public static void main(String[] args) {
        ConsoleOptions options = ConsoleOptions.parse(Arrays.asList(args));
        if (options.trustCa() != null) {
            try {
                // Checked before any window opens: a CA file given on the command line that cannot be used is a
                // mistake to fix now, not a certificate warning at sign-in.
                PlatformTrust.withCa(options.trustCa());
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                System.exit(2);
            }
        }
        ConsoleLog.install(options.dataDir());
        ConsoleApp.options = options;
        Application.launch(ConsoleApp.class);
    }

    /** What the command line asked for. */
    record ConsoleOptions(String platformAddress, Path dataDir, int sandboxLearners, Path trustCa) {

        static ConsoleOptions parse(List<String> args) {
            String address = value(args, "--platform");
            String dir = value(args, "--data-dir");
            String learners = value(args, "--sandbox-learners");
            String trustCa = value(args, "--trust-ca");
            return new ConsoleOptions(address, dir == null ? AppDataDir.resolve() : Path.of(dir),
                    learners == null ? 0 : Integer.parseInt(learners), trustCa == null ? null : Path.of(trustCa));
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
