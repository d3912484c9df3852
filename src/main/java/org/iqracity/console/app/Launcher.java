package org.iqracity.console.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one entry point of the jar. A plain class (not a JavaFX Application) so that the jar runs from the class
 * path, and so that {@code platform} runs headless without loading JavaFX at all.
 */
public final class Launcher {
    static final String USAGE = """
            Usage: member-console [options] [FILE.iqroster]   open the console (a graphical session is needed)
                   member-console COMMAND [options]           work without a window

            The console's options:
              --platform URL           sign in to the platform at URL; no sandbox is started
              --data-dir DIR           keep the console's settings, logs and sandbox in DIR
              --sandbox-learners N     learners in a new sandbox (20,000 unless given)
              --trust-ca FILE          trust the certificate authorities in FILE (PEM or DER) besides the JDK's
              FILE.iqroster            open an exported roster for offline review

            Commands (each has --help):
              platform                 run the platform API alone (headless), on H2 or PostgreSQL
              platform migrate         bring a server database's schema up to date (as its owner), then exit
              export                   export course rosters into an encrypted .iqroster file
              verify                   check an .iqroster file and its platform's signature
              convert                  write an .iqroster's rows as CSV or XLSX (recorded in the access log)
              research-export          a de-identified, k-anonymous dataset of a course (R11)
              self-test                check this installation without a window
              --version                print the version
              --help, -h               print this text
            """;

    private Launcher() {
    }

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        if (!list.isEmpty() && "platform".equals(list.getFirst())) {
            System.exit(PlatformCommand.run(list.subList(1, list.size()), System.out, System.err));
        }
        if (!list.isEmpty() && Set.of("export", "verify", "convert").contains(list.getFirst())) {
            System.exit(new RosterCommands(System.getenv(), System.out, System.err, Clock.systemUTC(),
                    AppDataDir.resolve())
                    .run(list.getFirst(), list.subList(1, list.size())));
        }
        if (!list.isEmpty() && "research-export".equals(list.getFirst())) {
            System.exit(new ResearchCommand(System.getenv(), System.out, System.err, Clock.systemUTC())
                    .run(list.subList(1, list.size())));
        }
        if (!list.isEmpty() && "self-test".equals(list.getFirst())) {
            System.exit(SelfTest.run(System.out, System.err));
        }
        if (list.contains("--version")) {
            System.out.println("member-console " + version());
            return;
        }
        if (list.contains("--help") || list.contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        String refused = refusal(list, System.getenv());
        if (refused != null) {
            System.err.println(refused);
            System.exit(refused.startsWith("Member Console needs") ? 1 : 2);
        }
        ConsoleMain.main(args);
    }

    private static final Set<String> WITH_VALUE = Set.of("--platform", "--data-dir", "--sandbox-learners",
            "--trust-ca");

    /**
     * Why the window is not opened for these arguments, in one sentence, or null to open it: an option it does not
     * know, a word that is neither a command nor a file, or no graphical session (a server, ssh).
     */
    static String refusal(List<String> args, Map<String, String> env) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.split("=", 2)[0];
            if (WITH_VALUE.contains(name)) {
                if (!arg.contains("=")) {
                    i++;
                }
            } else if (arg.startsWith("-")) {
                return "Unknown option: " + name + ". Run 'member-console --help' for what it takes.";
            } else if (!arg.startsWith("file://") && !Files.isRegularFile(Path.of(arg))) {
                return "'" + arg + "' is neither a command nor a file to open. Run 'member-console --help' for the "
                        + "commands.";
            }
        }
        boolean linuxLike = !System.getProperty("os.name", "").startsWith("Windows")
                && !System.getProperty("os.name", "").startsWith("Mac");
        if (linuxLike && isBlank(env.get("DISPLAY")) && isBlank(env.get("WAYLAND_DISPLAY"))) {
            return "Member Console needs a graphical session to open its window; without one, the commands work: "
                    + "platform, export, verify, convert, research-export and self-test (see --help).";
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static String version() {
        String v = Launcher.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
