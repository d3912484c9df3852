package org.iqracity.console.app;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iqracity.console.api.research.ResearchExportRequest;
import org.iqracity.console.api.research.ResearchExportSummary;
import org.iqracity.console.app.RosterCommands.Flags;
import org.iqracity.console.app.RosterCommands.UsageError;
import org.iqracity.console.client.ApiException;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.client.HttpPlatformClient;
import org.iqracity.console.exports.ResearchExporter;

/**
 * {@code research-export}: a de-identified course dataset (R11) from a script, saved as the platform's ZIP. Like
 * {@code export}, the password comes from the environment or a file, never from the command line.
 */
final class ResearchCommand {
    static final String HELP = """
            Usage:
              member-console research-export --platform URL --user NAME --course ID --out FILE.zip
                                             [--k N] [--stable-key] [--password-file F] [--trust-ca FILE]

            Makes a de-identified dataset of one course for research (R11): pseudonyms instead of learners, no
            name, username, email or free text, coarsened quasi-identifiers, and every combination of them shared
            by at least k learners (k 5 or more, 5 when not given). The ZIP holds dataset.csv, data-dictionary.md
            and summary.json. Security officers and Member administrators only.

              --stable-key   pseudonymise with the Member's kept key, so that this export joins with others made
                             with it; without it, no other export shares a pseudonym with this one. Learners who
                             would stand out once joined with the earlier such exports are left out; when that
                             would leave out more than 5 %, the platform refuses and says why (exit 1)

            Secrets are read from the environment or from files, never from the command line: the password from
            MEMBER_CONSOLE_PASSWORD (or --password-file), the second-factor code, for accounts that have one, from
            MEMBER_CONSOLE_TOTP.

            Exit codes: 0 done; 1 refused or failed (the message says why); 2 wrong usage.
            """;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    ResearchCommand(Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    int run(List<String> args) {
        try {
            Flags f = Flags.parse(args, Set.of("stable-key"));
            if (f.has("help")) {
                out.print(HELP);
                return RosterCommands.OK;
            }
            return export(f);
        } catch (UsageError e) {
            err.println(e.getMessage());
            err.println("Run 'member-console research-export --help' for the usage.");
            return RosterCommands.USAGE;
        } catch (ApiHttpException e) {
            err.println("The platform refused: " + (e.problem() != null && e.problem().detail() != null
                    ? detail(e) : "HTTP " + e.status()));
            return RosterCommands.FAILED;
        } catch (ApiException e) {
            err.println("The platform could not be used: " + e.getMessage());
            return RosterCommands.FAILED;
        } catch (IOException e) {
            err.println("Could not complete: " + e.getMessage());
            return RosterCommands.FAILED;
        }
    }

    /** The problem's sentence, and the first field error where there is one (such as k below 5). */
    private static String detail(ApiHttpException e) {
        var errors = e.problem().errors();
        return errors == null || errors.isEmpty() ? e.problem().detail()
                : e.problem().detail() + " " + errors.getFirst().field() + ": " + errors.getFirst().message();
    }

    private int export(Flags f) throws IOException, UsageError {
        URI platform = URI.create(f.required("platform"));
        String user = f.required("user");
        String course = f.required("course");
        Path target = Path.of(f.required("out"));
        Integer k = null;
        if (f.has("k")) {
            try {
                k = Integer.parseInt(f.value("k"));
            } catch (NumberFormatException e) {
                throw new UsageError("--k must be a whole number (5 or more)");
            }
            if (k < ResearchExportRequest.MIN_K) {
                throw new UsageError("--k must be at least " + ResearchExportRequest.MIN_K
                        + ": every combination of quasi-identifiers must describe at least five learners (R11)");
            }
        }
        String password = password(f);
        HttpPlatformClient client = new HttpPlatformClient(platform, RosterCommands.okHttp(f), clock);
        client.signIn(user, password, env.get(RosterCommands.TOTP_ENV));
        try {
            long started = System.nanoTime();
            ResearchExporter.Saved saved = new ResearchExporter().export(client.research(), course,
                    new ResearchExportRequest(k, f.has("stable-key")), target, bytes -> { }, () -> false);
            ResearchExportSummary s = saved.summary();
            out.printf("Research export of %s: %,d rows of %,d learners (k=%d, %s key); %,d generalised, %,d "
                            + "suppressed; generalisation step %d. Saved to %s (%,d bytes) in %.1f s%n",
                    s.courseId(), s.recordsExported(), s.learnersInCourse(), s.k(),
                    s.stableKey() ? "stable" : "one-off", s.recordsGeneralised(), s.recordsSuppressed(),
                    s.generalisationLevel(), saved.file(), saved.bytes(), (System.nanoTime() - started) / 1e9);
            if (s.stableKey() && s.stableExportsBefore() > 0) {
                out.printf("%,d of the suppressed left out for the joins with %,d earlier stable-key export(s).%n",
                        s.recordsSuppressedForJoins(), s.stableExportsBefore());
            }
            return RosterCommands.OK;
        } finally {
            client.signOut();
        }
    }

    private String password(Flags f) throws IOException, UsageError {
        if (f.has("password-file")) {
            return Files.readString(Path.of(f.value("password-file"))).strip();
        }
        String v = env.get(RosterCommands.PASSWORD_ENV);
        if (v == null || v.isEmpty()) {
            throw new UsageError("Give the password in " + RosterCommands.PASSWORD_ENV + " or with --password-file.");
        }
        return v;
    }
}
