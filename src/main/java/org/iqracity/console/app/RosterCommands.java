package org.iqracity.console.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.client.ApiException;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.client.HttpPlatformClient;
import org.iqracity.console.client.PlatformTrust;
import org.iqracity.console.exports.PendingConversions;
import org.iqracity.console.exports.RosterCopies;
import org.iqracity.console.exports.RosterExporter;
import org.iqracity.console.roster.RosterFileException;
import org.iqracity.console.roster.RosterManifest;
import org.iqracity.console.roster.RosterProtection;
import org.iqracity.console.roster.RosterReader;

/**
 * {@code export}, {@code verify} and {@code convert}: roster work from scripts. Secrets come from the environment
 * or from files, never from the command line, where other users of the machine could read them.
 */
final class RosterCommands {
    static final String PASSWORD_ENV = "MEMBER_CONSOLE_PASSWORD";
    static final String TOTP_ENV = "MEMBER_CONSOLE_TOTP";
    static final String PASSPHRASE_ENV = "MEMBER_CONSOLE_PASSPHRASE";
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int UNVERIFIED = 3;
    /** The folder, under the console's data folder, that holds copy reports until the platform records them. */
    static final String PENDING_CONVERSIONS = "pending-conversions";

    static final String HELP = """
            Usage:
              member-console export --platform URL --user NAME --course ID [--course ID ...] --out FILE
                                    [--fields a,b,c] [--expires-days N] [--password-file F] [--passphrase-file F]
              member-console verify FILE [--platform URL] [--passphrase-file F]
              (export and verify: --trust-ca FILE trusts the CA certificates in FILE besides the JDK's)
              member-console convert FILE --csv OUT.csv [--passphrase-file F] [--data-dir DIR]
              member-console convert FILE --xlsx OUT.xlsx [--passphrase-file F] [--data-dir DIR]

            Secrets are read from the environment or from files, never from the command line:
              MEMBER_CONSOLE_PASSWORD     the staff password (or --password-file)
              MEMBER_CONSOLE_TOTP         the second-factor code, for accounts that have one
              MEMBER_CONSOLE_PASSPHRASE   the roster passphrase (or --passphrase-file)

            convert writes an unencrypted copy. An XLSX sheet holds 1,048,575 rows under its header; more rows
            continue on the sheets "Roster (2)", "Roster (3)" and so on, none is dropped. Each copy is reported to
            the platform's access log: it waits in the console's data folder (--data-dir, default the desktop's
            application-data folder) until Member Console next signs in to the platform that made the roster.

            Exit codes: 0 done; 1 refused or failed (the message says why); 2 wrong usage;
                        3 (verify) the file opened but its signature could not be checked without --platform.
            """;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Path dataDir;

    RosterCommands(Map<String, String> env, PrintStream out, PrintStream err, Clock clock, Path dataDir) {
        this.env = env;
        this.dataDir = dataDir;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    int run(String command, List<String> args) {
        try {
            Flags flags = Flags.parse(args);
            if (flags.has("help")) {
                out.print(HELP);
                return OK;
            }
            return switch (command) {
                case "export" -> export(flags);
                case "verify" -> verify(flags);
                case "convert" -> convert(flags);
                default -> usage("Unknown command: " + command);
            };
        } catch (UsageError e) {
            return usage(e.getMessage());
        } catch (RosterFileException e) {
            err.println("Cannot open the roster: " + e.getMessage());
            return FAILED;
        } catch (ApiHttpException e) {
            err.println("The platform refused: " + (e.problem() != null && e.problem().detail() != null
                    ? e.problem().detail() : "HTTP " + e.status()));
            return FAILED;
        } catch (ApiException e) {
            err.println("The platform could not be used: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("Could not complete: " + e.getMessage());
            return FAILED;
        }
    }

    private int usage(String message) {
        err.println(message);
        err.println("Run 'member-console export --help' for the usage.");
        return USAGE;
    }

    private int export(Flags f) throws IOException, UsageError {
        URI platform = URI.create(f.required("platform"));
        String user = f.required("user");
        List<String> courseIds = f.all("course");
        if (courseIds.isEmpty()) {
            throw new UsageError("Give at least one --course");
        }
        Path target = Path.of(f.required("out"));
        String password = secret(f, "password-file", PASSWORD_ENV, "password");
        char[] passphrase = secret(f, "passphrase-file", PASSPHRASE_ENV, "passphrase").toCharArray();
        if (passphrase.length < 12) {
            throw new UsageError("The passphrase must have at least 12 characters.");
        }
        List<RosterField> fields = new ArrayList<>();
        if (f.has("fields")) {
            for (String name : f.value("fields").split(",")) {
                fields.add(RosterField.byColumn(name.strip()).orElseThrow(() -> new UsageError(
                        "Unknown field " + name.strip())));
            }
        }
        int days = f.has("expires-days") ? Integer.parseInt(f.value("expires-days")) : 30;
        HttpPlatformClient client = new HttpPlatformClient(platform, okHttp(f), clock);
        MeDto me = client.signIn(user, password, env.get(TOTP_ENV)).staff();
        try {
            List<RosterExporter.Course> courses = new ArrayList<>();
            for (String id : courseIds) {
                CourseDto c = client.courses().get(id);
                courses.add(new RosterExporter.Course(c.id(), c.title(), c.enrollmentsOr(0)));
            }
            long started = System.nanoTime();
            RosterManifest m = new RosterExporter(clock).export(client.rosters(), me,
                    new RosterExporter.Request(courses, fields,
                    RosterProtection.passphrase(passphrase), clock.instant().plus(Duration.ofDays(days)), target),
                    (done, expected) -> err.printf("\r%,d of %,d rows", done, expected), () -> false);
            err.println();
            out.printf("Exported %,d rows of %s to %s in %.1f s; valid until %s%n", m.rowCount(),
                    courses(m.courses().size()), target, (System.nanoTime() - started) / 1e9, m.expiresAt());
            return OK;
        } finally {
            client.signOut();
        }
    }

    private int verify(Flags f) throws IOException, RosterFileException, UsageError {
        Path file = Path.of(f.positional());
        PublicKey key = f.has("platform") ? platformKey(URI.create(f.value("platform")), okHttp(f)) : null;
        char[] passphrase = secret(f, "passphrase-file", PASSPHRASE_ENV, "passphrase").toCharArray();
        long[] rows = {0};
        RosterReader.Opened opened;
        try (InputStream in = Files.newInputStream(file)) {
            opened = RosterReader.read(in, RosterReader.Key.passphrase(passphrase), key, clock,
                    new RosterReader.RowSink() {
                        @Override
                        public void header(List<String> fields) {
                            // counted below
                        }

                        @Override
                        public void row(List<String> values) {
                            rows[0]++;
                        }
                    });
        }
        RosterManifest m = opened.manifest();
        out.printf("%,d rows of %s, exported by %s (%s) at %s, valid until %s%n", rows[0],
                courses(m.courses().size()), m.exportedByName(), m.exportedBy(), m.exportedAt(), m.expiresAt());
        if (!opened.signaturesVerified()) {
            out.println("Intact, but the platform's signature was not checked: give --platform to check it.");
            return UNVERIFIED;
        }
        out.println("Intact and signed by the platform (key " + m.platformKeyId() + ").");
        return OK;
    }

    private int convert(Flags f) throws IOException, RosterFileException, UsageError {
        Path file = Path.of(f.positional());
        if (f.has("csv") == f.has("xlsx")) {
            throw new UsageError("Give one of --csv OUT.csv or --xlsx OUT.xlsx");
        }
        boolean xlsx = f.has("xlsx");
        Path target = Path.of(f.required(xlsx ? "xlsx" : "csv"));
        char[] passphrase = secret(f, "passphrase-file", PASSPHRASE_ENV, "passphrase").toCharArray();
        err.println("Warning: the " + (xlsx ? "XLSX" : "CSV") + " file is not encrypted. Anyone who can read it sees"
                + " the learners' data.");
        PendingConversions queue = queue(f);
        RosterCopies.Rows rows = sink -> {
            try (InputStream in = Files.newInputStream(file)) {
                return RosterReader.read(in, RosterReader.Key.passphrase(passphrase), null, clock, sink).manifest();
            }
        };
        RosterCopies.Made<RosterCopies.Copied> made = xlsx ? RosterCopies.xlsx(queue, target, rows, clock)
                : RosterCopies.csv(queue, target, rows, clock);
        if (xlsx) {
            int sheets = made.written().sheets();
            out.println("Wrote " + target + " (" + made.written().rows() + " rows on "
                    + (sheets == 1 ? "1 sheet" : sheets + " sheets") + ")");
        } else {
            out.println("Wrote " + target);
        }
        reported(queue, made.report());
        return OK;
    }

    private PendingConversions queue(Flags f) {
        return new PendingConversions((f.has("data-dir") ? Path.of(f.value("data-dir")) : dataDir)
                .resolve(PENDING_CONVERSIONS));
    }

    private void reported(PendingConversions queue, PendingConversions.Pending report) {
        out.println("The copy will be recorded in the platform's access log the next time Member Console signs in"
                + " to the platform that made the roster (report " + report.report().reportId() + ", kept in "
                + queue.directory() + ").");
    }

    /** With {@code --trust-ca FILE}, that file's certificate authorities are trusted besides the JDK's. */
    static OkHttpClient okHttp(Flags f) throws UsageError {
        if (!f.has("trust-ca")) {
            return new OkHttpClient();
        }
        try {
            return PlatformTrust.withCa(Path.of(f.value("trust-ca"))).applyTo(new OkHttpClient.Builder()).build();
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    private PublicKey platformKey(URI platform, OkHttpClient okHttp) {
        String encoded = new HttpPlatformClient(platform, okHttp, clock).signingKey().publicKey();
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(encoded)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the platform's signing key is unreadable", e);
        }
    }

    private String secret(Flags f, String fileFlag, String envName, String what) throws IOException, UsageError {
        if (f.has(fileFlag)) {
            return Files.readString(Path.of(f.value(fileFlag))).strip();
        }
        String v = env.get(envName);
        if (v == null || v.isEmpty()) {
            throw new UsageError("Give the " + what + " in " + envName + " or with --" + fileFlag + ".");
        }
        return v;
    }

    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    /** {@code --name value} pairs (repeatable), {@code --flag} alone, and one positional argument. */
    record Flags(Map<String, List<String>> values, List<String> positionals) {
        static Flags parse(List<String> args) throws UsageError {
            return parse(args, Set.of());
        }

        /** As {@link #parse(List)}, where the names in {@code switches} stand alone, without a value. */
        static Flags parse(List<String> args, Set<String> switches) throws UsageError {
            Map<String, List<String>> values = new LinkedHashMap<>();
            List<String> positionals = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--help") || a.equals("-h")) {
                    values.put("help", List.of());
                } else if (a.startsWith("--") && switches.contains(a.substring(2))) {
                    values.put(a.substring(2), List.of("true"));
                } else if (a.startsWith("--")) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageError(a + " needs a value");
                    }
                    values.computeIfAbsent(a.substring(2), k -> new ArrayList<>()).add(args.get(++i));
                } else {
                    positionals.add(a);
                }
            }
            return new Flags(values, positionals);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        String value(String name) {
            return values.get(name).getLast();
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }

        String required(String name) throws UsageError {
            if (!has(name)) {
                throw new UsageError("--" + name + " is required");
            }
            return value(name);
        }

        String positional() throws UsageError {
            if (positionals.size() != 1) {
                throw new UsageError("Give exactly one roster file");
            }
            return positionals.getFirst();
        }
    }

    /** "1 course", "3 courses". */
    static String courses(int n) {
        return n + (n == 1 ? " course" : " courses");
    }
}
