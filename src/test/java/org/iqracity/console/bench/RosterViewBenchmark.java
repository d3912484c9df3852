package org.iqracity.console.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.Json;
import org.iqracity.console.platform.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The roster of a view of the 500,000-learner course (#27, R14), over HTTP against a platform in its own JVM: how
 * long each view takes beside the whole course's roster, whether the platform's live heap grows while the largest
 * view streams (it must not: a view is read a page at a time), and, for the trickiest order (names descending, the
 * unnamed and retired after them ascending), that the roster holds exactly the list's rows in the list's order.
 * <pre>
 * mvn -Pbenchmark test -Dtest=RosterViewBenchmark [-Drview.data=H2-FOLDER] [-Drview.learners=1000000]
 *     [-Drview.heap=1g] [-Drview.check=true] [-Drview.snapshotWaitMs=60000]
 * PLATFORM_DB_PASSWORD=postgres mvn -Pbenchmark test -Dtest=RosterViewBenchmark -Drview.db=pg</pre>
 * A missing H2 folder is seeded with the sandbox (15 min at a million learners on a busy machine; PostgreSQL 82 s).
 * Writes
 * {@code target/roster-view-benchmark.md}.
 */
@Tag("benchmark")
class RosterViewBenchmark {
    static final String DATA = System.getProperty("rview.data", "target/bench-roster-view");
    /** {@code pg}: a fresh database on the tests' PostgreSQL, seeded by the platform (PLATFORM_DB_PASSWORD set). */
    static final String DB = System.getProperty("rview.db", "h2");
    static final int LEARNERS = Integer.getInteger("rview.learners", 1_000_000);
    static final String HEAP = System.getProperty("rview.heap", "1g");
    static final boolean CHECK = Boolean.parseBoolean(System.getProperty("rview.check", "true"));
    static final String COURSE = "course-v1:Northbridge+CS101+2026_T1";
    /** The whole course first (the baseline), then views from the widest to the narrowest. */
    static final List<String> VIEWS = List.of(System.getProperty("rview.views", String.join(";", "",
            "sort=-name", "active=true&sort=lastActivityAt", "q=a&sort=-grade", "country=KE,DE&sort=name", "q=chen",
            "q=chen&country=CN&sort=-progress")).split(";", -1));
    /** Read the platform's heap while these stream: after the timed passes, so the collections do not slow them. */
    static final boolean MEMORY = Boolean.parseBoolean(System.getProperty("rview.memory", "true"));
    private static final Pattern TOTAL = Pattern.compile("Total\\s+\\d+\\s+(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> lines = new ArrayList<>();
    private final List<String> histograms = new ArrayList<>();

    @Test
    void viewsOfTheLargestCourseStreamAtScale() throws Exception {
        Instant started = Instant.now();
        lines.add("# Roster of a view at scale");
        lines.add("");
        lines.add("Started " + started + "; load average " + ConsoleBenchmark.loadAverage() + "; "
                + Runtime.getRuntime().availableProcessors() + " cores; platform heap " + HEAP + "; data "
                + (DB.equals("pg") ? "PostgreSQL" : DATA)
                + " (" + LEARNERS + " learners when seeded).");
        Path log = Path.of("target/roster-view-platform.log").toAbsolutePath();
        String data = DB.equals("pg")
                ? TestPostgres.freshDatabase("roster_view_bench", null) : DATA;
        if (DB.equals("pg")) {
            long seeding = System.nanoTime();
            try (SeparatePlatform seed = SeparatePlatform.start(data, LEARNERS,
                    System.getProperty("rview.seedHeap", "4g"), log, 120)) {
                lines.add("Seeded " + LEARNERS + " learners on PostgreSQL in " + seconds(System.nanoTime() - seeding)
                        + " s.");
            }
        } else if (!Files.exists(Path.of(DATA))) {
            // Seeding wants more heap than streaming; the stream is then measured at the heap it would run with.
            long seeding = System.nanoTime();
            try (SeparatePlatform seed = SeparatePlatform.start(DATA, LEARNERS,
                    System.getProperty("rview.seedHeap", "4g"), log, 120)) {
                lines.add("Seeded " + LEARNERS + " learners in " + seconds(System.nanoTime() - seeding) + " s.");
            }
        }
        long t0 = System.nanoTime();
        try (SeparatePlatform platform = SeparatePlatform.start(data, LEARNERS, HEAP, log, 90)) {
            lines.add("Platform ready in " + seconds(System.nanoTime() - t0) + " s.");
            BenchHttp api = new BenchHttp(platform.baseUri());
            String token = api.signIn("nb-admin");
            // As the console opens a course: its first page, which also has the platform prepare the course's
            // search snapshot; then a pause for it to be built.
            assertThat(api.get(ApiPaths.courseLearners(COURSE), token)).isNotNull();
            Thread.sleep(Long.getLong("rview.snapshotWaitMs", 60_000));
            lines.add("");
            lines.add("| view | rows | seconds | rows/s | platform live objects (MiB) before, at 100,000, 250,000, "
                    + "400,000 rows (a later pass) |");
            lines.add("|---|---|---|---|---|");
            for (String view : VIEWS) {
                stream(platform, token, view, false);
            }
            for (String view : MEMORY ? List.of("", "sort=-name") : List.<String>of()) {
                stream(platform, token, view, true);
            }
            for (String h : histograms) {
                lines.add("");
                lines.add(h);
            }
            if (CHECK) {
                check(platform.baseUri(), api, token, "sort=-name");
            }
        } finally {
            lines.add("");
            lines.add("Finished " + Instant.now() + " (" + Duration.between(started, Instant.now()).toSeconds()
                    + " s); load average " + ConsoleBenchmark.loadAverage() + ".");
            Files.write(Path.of("target/roster-view-benchmark.md"), lines, StandardCharsets.UTF_8);
            lines.forEach(System.out::println);
        }
    }

    /** Streams one view with every field, counting rows; with {@code heap}, reads the live heap before and halfway. */
    private void stream(SeparatePlatform platform, String token, String view, boolean heap) throws Exception {
        List<String> heaps = new ArrayList<>();
        if (heap) {
            heaps.add(liveHeapMib(platform.pid()));
        }
        long start = System.nanoTime();
        long rows = 0;
        try (BufferedReader in = rosterLines(platform.baseUri(), token, view, "")) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                // Jackson puts a space between root values: a row's line starts " [".
                if (line.stripLeading().startsWith("[")) {
                    rows++;
                    if (heap && (rows == 100_000 || rows == 250_000 || rows == 400_000)) {
                        heaps.add(liveHeapMib(platform.pid()));
                        if (rows != 250_000) {
                            histograms.add("`" + (view.isEmpty() ? "(whole course)" : view) + "` at " + rows
                                    + " rows, the largest classes live:\n\n```\n" + topClasses(platform.pid())
                                    + "```");
                        }
                    }
                } else if (line.contains("\"summary\"")) {
                    long signed = Json.mapper().readTree(line).path("rowCount").asLong();
                    assertThat(signed).isEqualTo(rows);
                }
            }
        }
        long nanos = System.nanoTime() - start;
        lines.add("| " + (view.isEmpty() ? "(whole course)" : "`" + view + "`") + " | " + rows + " | "
                + seconds(nanos) + " | " + Math.round(rows / (nanos / 1e9)) + " | "
                + String.join(" → ", heaps) + " |");
    }

    /** The roster's learner ids against every page of the list (500 a page) for {@code view}: equal, in order. */
    private void check(URI base, BenchHttp api, String token, String view) throws Exception {
        List<String> roster = new ArrayList<>();
        try (BufferedReader in = rosterLines(base, token, view, "learner_id")) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.stripLeading().startsWith("[")) {
                    roster.add(Json.mapper().readTree(line).get(1).asText());
                }
            }
        }
        List<String> listed = new ArrayList<>();
        long start = System.nanoTime();
        String cursor = null;
        do {
            BenchHttp.Answer page = api.get(ApiPaths.courseLearners(COURSE) + "?limit=500&" + view
                    + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(page).as(api.lastError()).isNotNull();
            page.json().path("items").forEach(r -> listed.add(r.path("learnerId").asText()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(roster).as("the roster of " + view + " is the list's rows in its order").isEqualTo(listed);
        lines.add("");
        lines.add("`" + view + "`: the roster's " + roster.size() + " learner ids equal the list's, paged 500 at a "
                + "time (" + listed.size() + " rows, " + seconds(System.nanoTime() - start) + " s of paging), "
                + "in the same order.");
    }

    private BufferedReader rosterLines(URI base, String token, String view, String fields) throws Exception {
        String query = (fields.isEmpty() ? "" : "fields=" + fields) + (view.isEmpty() || fields.isEmpty() ? "" : "&")
                + view;
        HttpRequest request = HttpRequest.newBuilder(base.resolve(ApiPaths.course(COURSE) + "/roster"
                        + (query.isEmpty() ? "" : "?" + query))).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + token).header("X-Client", "member-console-bench/1").GET().build();
        HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        return new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8), 1 << 16);
    }

    /** The bytes of every object the platform holds live (a class histogram collects first), in MiB. */
    private static String liveHeapMib(long pid) throws Exception {
        Matcher m = TOTAL.matcher(run("jcmd", Long.toString(pid), "GC.class_histogram"));
        return m.find() ? String.format(Locale.ROOT, "%.1f", Long.parseLong(m.group(1)) / 1048576.0)
                : "?";
    }

    /** The first classes of a live-objects histogram (it runs a full collection first). */
    private static String topClasses(long pid) throws Exception {
        StringBuilder top = new StringBuilder();
        String[] out = run("jcmd", Long.toString(pid), "GC.class_histogram").split("\n");
        for (int i = 0; i < Math.min(out.length, 14); i++) {
            top.append(out[i]).append('\n');
        }
        return top.toString();
    }

    private static String run(String... command) throws Exception {
        List<String> full = new ArrayList<>(List.of(command));
        full.set(0, Path.of(System.getProperty("java.home"), "bin", command[0]).toString());
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
