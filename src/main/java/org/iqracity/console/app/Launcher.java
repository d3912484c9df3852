package org.iqracity.console.app;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The one entry point of the jar. A plain class (not a JavaFX Application) so that the jar runs from the class
 * path, and so that {@code platform} runs headless without loading JavaFX at all.
 */
public final class Launcher {
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
        ConsoleMain.main(args);
    }

    static String version() {
        String v = Launcher.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
