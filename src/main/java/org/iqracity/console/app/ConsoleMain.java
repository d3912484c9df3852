package org.iqracity.console.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.application.Application;
import org.iqracity.console.client.PlatformTrust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the console. A plain class (the Launcher calls it), so the jar runs from the class path; the JavaFX
 * application class is {@link ConsoleApp}.
 *
 * <p>Options: {@code --platform <address>} signs in to that platform and starts no sandbox; {@code --data-dir
 * <folder>} replaces the application-data folder; {@code --sandbox-learners <n>} sizes a new sandbox;
 * {@code --trust-ca <file>} trusts the certificate authorities in that PEM or DER file besides the JDK's.
 */
public final class ConsoleMain {

    /** Set before launch: JavaFX creates {@link ConsoleApp} itself, without arguments. */
    static volatile ConsoleOptions launchOptions;
    private static volatile Thread logSetup;
    /** This console's hold on its data folder; null when it could not be had (the console still runs). */
    static volatile SingleInstance instance;

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
        launchOptions = options;
        // A cold start's first two slow steps overlap: logback reading its configuration and opening the log file,
        // and JavaFX starting its toolkit. The console's loggers wait for the file (see logger()).
        logSetup = Thread.ofPlatform().name("log-setup").start(() -> ConsoleLog.install(options.dataDir()));
        instance = SingleInstance.claim(options.dataDir()).orElse(null);
        if (instance == null && SingleInstance.handOver(options.dataDir(), options.rosterFile())) {
            System.out.println(options.rosterFile() == null ? "Member Console is already open."
                    : "Member Console is already open; the roster was handed to it.");
            System.exit(0);
        }
        Application.launch(ConsoleApp.class);
    }

    /** A logger for a class of the console, made once the log file is in place, so its lines reach the file. */
    static Logger logger(Class<?> type) {
        Thread setup = logSetup;
        if (setup != null) {
            try {
                setup.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return LoggerFactory.getLogger(type);
    }

    /** What the command line asked for. */
    record ConsoleOptions(String platformAddress, Path dataDir, int sandboxLearners, Path trustCa, Path rosterFile) {
        private static final List<String> WITH_VALUE = List.of("--platform", "--data-dir", "--sandbox-learners",
                "--trust-ca");

        static ConsoleOptions parse(List<String> args) {
            String address = value(args, "--platform");
            String dir = value(args, "--data-dir");
            String learners = value(args, "--sandbox-learners");
            String trustCa = value(args, "--trust-ca");
            return new ConsoleOptions(address, dir == null ? AppDataDir.resolve() : Path.of(dir),
                    learners == null ? 0 : Integer.parseInt(learners), trustCa == null ? null : Path.of(trustCa),
                    file(args));
        }

        /**
         * The file the console was asked to open: the desktop passes an exported roster this way when someone
         * double-clicks it (the installers register {@code .iqroster}).
         */
        private static Path file(List<String> args) {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (WITH_VALUE.contains(arg)) {
                    i++;
                } else if (!arg.startsWith("--") && !arg.isBlank()) {
                    return Path.of(arg.startsWith("file://") ? URI.create(arg).getPath() : arg)
                            .toAbsolutePath();
                }
            }
            return null;
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
