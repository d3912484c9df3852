package org.iqracity.console.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.Json;
import org.iqracity.console.platform.Platform;
import org.iqracity.console.platform.service.auth.Totp;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The load command of issue 8 ("Load and faults"): simulated staff clients browse, search and open learner
 * details against the sandbox for a while, with the platform in a process of its own; half-way through, the
 * platform is killed (SIGKILL) and started again on the same data. Reports throughput and p50/p95/p99 per action
 * and asserts: no error outside the outage, no learner of another Member ever seen (every client checks every row
 * and every detail against the enrollments read from the database before the run), every client working again
 * after the restart, and every Member's access-log chain intact afterwards.
 *
 * <pre>
 * JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -Pbenchmark test -Dtest=StaffLoadBenchmark \
 *     [-Dload.learners=1000000] [-Dload.clients=50] [-Dload.seconds=120] [-Dload.db=h2|pg] [-Dload.kill=true]
 * </pre>
 * The sandbox is kept under {@code target/bench-data} as for {@link LearnerListBenchmark}. Results are printed and
 * written to {@code target/load-results.md}.
 */
@Tag("benchmark")
class StaffLoadBenchmark {
    static final int LEARNERS = Integer.getInteger("load.learners", 1_000_000);
    static final int CLIENTS = Integer.getInteger("load.clients", 50);
    static final int SECONDS = Integer.getInteger("load.seconds", 120);
    static final String DB = System.getProperty("load.db", "h2");
    static final boolean KILL = Boolean.parseBoolean(System.getProperty("load.kill", "true"));
    static final String HEAP = System.getProperty("load.heap", "4g");
    static final int PAGE = 50;

    /** Staff who read learners, and their Member. Security officers do not (R3); they check the chain. */
    static final List<String[]> READERS = List.of(new String[] {"nb-admin", "northbridge"},
            new String[] {"nb-ta", "northbridge"}, new String[] {"sahel-admin", "sahel"},
            new String[] {"lk-admin", "lakeside"});
    static final Map<String, String> OFFICERS = Map.of("northbridge", "nb-security", "sahel", "sahel-security");
    static final Map<String, String> TOTP = Map.of("nb-security", "JBSWY3DPEHPK3PXP",
            "sahel-security", "MFRGGZDFMZTWQ2LK");
    static final List<String> MEMBERS = List.of("northbridge", "sahel", "lakeside");

    /** Per learner, a bit per Member it is enrolled with: what a client may see. */
    final Map<String, Byte> membership = new HashMap<>();
    final Map<String, String> courseMember = new HashMap<>();
    List<String> prefixes;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    URI base;

    /** Set around the kill: failures of requests overlapping this window are the outage, not errors. */
    volatile long outageFrom = Long.MAX_VALUE;
    volatile long outageTo = Long.MAX_VALUE;

    final Map<String, List<Double>> latencies = new ConcurrentHashMap<>();
    final AtomicLong ok = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong outageFailures = new AtomicLong();
    final AtomicLong leaks = new AtomicLong();
    final AtomicLong rowsChecked = new AtomicLong();
    final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
    final Map<Integer, Long> recoveredAfterMs = new ConcurrentHashMap<>();

    @Test
    void staffClientsUnderLoadWithAKillAndRestart() throws Exception {
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Run %s; %,d learners on %s; %d clients for %d s; kill %s; "
                        + "%d cores; load average at start %.2f.", Instant.now(), LEARNERS, DB, CLIENTS, SECONDS,
                KILL ? "half-way" : "off", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        BenchData data = new BenchData(Path.of(System.getProperty("bench.dir", "target/bench-data")), LEARNERS, false);
        BenchData.Started started = DB.equals("pg") ? data.postgres() : data.h2();
        String source;
        try (Platform seeded = started.platform()) {
            readMembership(new Jdbc(seeded.database().dataSource()));
        }
        source = DB.equals("pg") ? ((EmbeddedPostgres) started.extra()).getJdbcUrl("postgres", "postgres")
                : data.h2Dir().toAbsolutePath().toString();
        notes.add(String.format(Locale.ROOT, "Membership read before the run: %,d learners enrolled, %d courses.",
                membership.size(), courseMember.size()));
        long sizeBefore = databaseBytes(data);
        int port = freePort();
        Path logs = Path.of("target", "load-logs");
        SeparatePlatform platform = SeparatePlatform.start(source, LEARNERS, HEAP, logs.resolve("platform-1.log"),
                30, port);
        try {
            base = platform.baseUri();
            Map<String, String> officerTokens = new LinkedHashMap<>();
            OFFICERS.forEach((member, officer) -> officerTokens.put(member, signIn(officer)));

            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(SECONDS).toNanos();
            ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
            List<Future<?>> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int id = i;
                clients.add(pool.submit(() -> client(id, end)));
            }
            String killNote = "no kill";
            Map<String, Long> entriesBefore = new LinkedHashMap<>();
            if (KILL) {
                Thread.sleep(Duration.ofSeconds(SECONDS).toMillis() / 2);
                officerTokens.forEach((member, token) -> entriesBefore.put(member, verify(token).path("entries")
                        .asLong()));
                outageFrom = System.nanoTime();
                platform.kill();
                long killed = System.nanoTime();
                platform = SeparatePlatform.start(source, LEARNERS, HEAP, logs.resolve("platform-2.log"), 30, port);
                long ready = System.nanoTime();
                // Requests already on their way when it came back may still meet the old sockets' ends.
                outageTo = ready + Duration.ofSeconds(1).toNanos();
                killNote = String.format(Locale.ROOT, "killed at %.0f s; up again %.1f s later",
                        (killed - start) / 1e9, (ready - killed) / 1e9);
            }
            for (Future<?> c : clients) {
                c.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;

            Map<String, JsonNode> chains = new LinkedHashMap<>();
            officerTokens.forEach((member, token) -> chains.put(member, verify(token)));
            if (!DB.equals("pg")) {
                notes.add(String.format(Locale.ROOT, "H2 file: %,d MiB before the run, %,d MiB after.",
                        sizeBefore >> 20, databaseBytes(data) >> 20));
            }
            String md = report(notes, seconds, killNote, entriesBefore, chains);
            System.out.println("\n" + md);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "load-results.md"), md);

            assertThat(errors.get()).as("errors outside the outage, e.g. %s", errorSamples).isZero();
            assertThat(leaks.get()).as("rows or details of another Member's learners").isZero();
            assertThat(ok.get()).isPositive();
            if (KILL) {
                assertThat(recoveredAfterMs).as("every client worked again after the restart").hasSize(CLIENTS);
            }
            chains.forEach((member, chain) -> assertThat(chain.path("intact").asBoolean())
                    .as("%s's access-log chain after the run: %s", member, chain).isTrue());
            // Entries that existed shortly before the kill must all be there after it (nothing committed is lost).
            entriesBefore.forEach((member, before) -> assertThat(chains.get(member).path("entries").asLong())
                    .as("%s's entries after the restart", member).isGreaterThanOrEqualTo(before));
        } finally {
            platform.close();
            if (started.extra() != null) {
                started.extra().close();
            }
        }
    }

    void readMembership(Jdbc jdbc) {
        jdbc.query("SELECT id, member_id FROM course", rs -> courseMember.put(rs.getString(1), rs.getString(2)));
        jdbc.query("SELECT e.learner_id, c.member_id FROM enrollment e JOIN course c ON c.id = e.course_id", rs -> {
            byte bit = (byte) (1 << MEMBERS.indexOf(rs.getString(2)));
            membership.merge(rs.getString(1), bit, (a, b) -> (byte) (a | b));
            return null;
        });
        prefixes = ListWorkload.prefixes(jdbc, 400);
    }

    // ---- one simulated staff member ------------------------------------------------------------------------------

    void client(int id, long end) {
        String[] who = READERS.get(id % READERS.size());
        String member = who[1];
        byte bit = (byte) (1 << MEMBERS.indexOf(member));
        SplittableRandom random = new SplittableRandom(1000L + id);
        String token = null;
        List<String> courses = List.of();
        List<String[]> seen = new ArrayList<>();
        while (System.nanoTime() < end) {
            if (token == null) {
                token = trySignIn(who[0]);
                if (token == null) {
                    pause();
                    continue;
                }
            }
            if (courses.isEmpty()) {
                JsonNode page = call(id, "courses", ApiPaths.COURSES + "?limit=500", token);
                if (page == null) {
                    continue;
                }
                List<String> mine = new ArrayList<>();
                for (JsonNode c : page.path("items")) {
                    String course = c.path("id").asText();
                    if (!member.equals(courseMember.get(course))) {
                        leak(id, "course " + course);
                    }
                    mine.add(course);
                }
                courses = mine;
                continue;
            }
            String course = courses.get(random.nextInt(courses.size()));
            int action = random.nextInt(100);
            if (action < 45) {
                String sort = ListWorkload.sorts().get(random.nextInt(12)).wire();
                String path = ApiPaths.courseLearners(course) + "?limit=" + PAGE + "&sort=" + sort;
                int pages = 1 + (random.nextInt(3) == 0 ? random.nextInt(3) : 0);
                for (int p = 0; p < pages && path != null; p++) {
                    JsonNode page = call(id, p == 0 ? "browse" : "next page", path, token);
                    if (page == null) {
                        break;
                    }
                    checkRows(id, bit, course, page, seen);
                    String next = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
                    path = next == null ? null : ApiPaths.courseLearners(course) + "?limit=" + PAGE + "&sort="
                            + sort + "&cursor=" + next;
                }
            } else if (action < 75) {
                String q = prefixes.get(random.nextInt(prefixes.size()));
                JsonNode page = call(id, "search", ApiPaths.courseLearners(course) + "?limit=" + PAGE + "&q="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8), token);
                if (page != null) {
                    checkRows(id, bit, course, page, seen);
                }
            } else if (!seen.isEmpty()) {
                String[] pick = seen.get(random.nextInt(seen.size()));
                JsonNode detail = call(id, "detail", ApiPaths.courseLearner(pick[0], pick[1]), token);
                if (detail != null) {
                    rowsChecked.incrementAndGet();
                    String learner = detail.path("profile").path("learnerId").asText();
                    String enrolledIn = detail.path("enrollment").path("courseId").asText();
                    if (!pick[1].equals(learner) || !pick[0].equals(enrolledIn)
                            || (membership.getOrDefault(learner, (byte) 0) & bit) == 0) {
                        leak(id, "detail " + learner + " in " + enrolledIn);
                    }
                }
            }
        }
    }

    void checkRows(int id, byte bit, String course, JsonNode page, List<String[]> seen) {
        for (JsonNode row : page.path("items")) {
            String learner = row.path("learnerId").asText();
            rowsChecked.incrementAndGet();
            if ((membership.getOrDefault(learner, (byte) 0) & bit) == 0) {
                leak(id, "row " + learner + " in " + course);
            }
            if (seen.size() < 200) {
                seen.add(new String[] {course, learner});
            } else {
                seen.set(Math.floorMod(learner.hashCode(), 200), new String[] {course, learner});
            }
        }
    }

    void leak(int client, String what) {
        leaks.incrementAndGet();
        errorSamples.add("client " + client + " saw " + what);
    }

    /** One GET; the JSON on 200, else null, counted as an error or as the outage. */
    JsonNode call(int client, String action, String path, String token) {
        long t0 = System.nanoTime();
        String failure;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .header("X-Client", "member-console-load/1").GET().build(), HttpResponse.BodyHandlers.ofString());
            long t1 = System.nanoTime();
            if (r.statusCode() == 200) {
                latencies.computeIfAbsent(action, k -> Collections.synchronizedList(new ArrayList<>()))
                        .add((t1 - t0) / 1e6);
                ok.incrementAndGet();
                if (t0 > outageTo && !recoveredAfterMs.containsKey(client)) {
                    recoveredAfterMs.put(client, (t1 - outageTo) / 1_000_000 + 1000);
                }
                return Json.mapper().readTree(r.body());
            }
            failure = r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length()));
        } catch (IOException e) {
            failure = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        // The outage: requests that were still open when the platform died, or were sent before it was back.
        if (System.nanoTime() >= outageFrom && t0 <= outageTo) {
            outageFailures.incrementAndGet();
            pause();
        } else {
            errors.incrementAndGet();
            if (errorSamples.size() < 20) {
                errorSamples.add(action + " " + path.replaceAll("\\?.*", "") + " -> " + failure);
            }
        }
        return null;
    }

    String trySignIn(String username) {
        long t0 = System.nanoTime();
        try {
            return signIn(username);
        } catch (RuntimeException e) {
            if (System.nanoTime() >= outageFrom && t0 <= outageTo) {
                outageFailures.incrementAndGet();
            } else {
                errors.incrementAndGet();
                errorSamples.add("sign-in of " + username + ": " + e.getMessage());
            }
            return null;
        }
    }

    String signIn(String username) {
        String totp = TOTP.containsKey(username)
                ? ",\"totp\":\"" + Totp.code(TOTP.get(username), Totp.step(Instant.now())) + "\"" : "";
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(ApiPaths.SESSION))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username
                            + "\",\"password\":\"sandbox-password\"" + totp + "}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
            return Json.mapper().readTree(r.body()).path("accessToken").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode verify(String token) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(ApiPaths.ACCESS_LOG_VERIFY))
                    .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.mapper().readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long databaseBytes(BenchData data) throws IOException {
        Path file = data.h2Dir().resolve("platform.mv.db");
        return Files.exists(file) ? Files.size(file) : 0;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    // ---- report ------------------------------------------------------------------------------------------------

    String report(List<String> notes, double seconds, String killNote, Map<String, Long> entriesBefore,
                  Map<String, JsonNode> chains) {
        StringBuilder md = new StringBuilder("# Staff load\n\n");
        notes.forEach(n -> md.append(n).append("\n\n"));
        md.append(String.format(Locale.ROOT, "%,d answers in %.0f s: **%.0f requests/s**; %,d rows and details "
                        + "checked for their Member: **%d leaks**; **%d errors** outside the outage; %s, %d requests "
                        + "failed during it.%n%n", ok.get(), seconds, ok.get() / seconds, rowsChecked.get(),
                                leaks.get(),
                errors.get(), killNote, outageFailures.get()));
        md.append("| action | n | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|\n");
        List<Double> all = new ArrayList<>();
        for (String action : List.of("courses", "browse", "next page", "search", "detail")) {
            List<Double> samples = latencies.getOrDefault(action, List.of());
            all.addAll(samples);
            row(md, action, BenchStats.ofMillis(samples));
        }
        row(md, "**all**", BenchStats.ofMillis(all));
        if (!recoveredAfterMs.isEmpty()) {
            long worst = Collections.max(recoveredAfterMs.values());
            md.append(String.format(Locale.ROOT, "%nAfter the restart, %d of %d clients answered again, the last %d ms "
                    + "after the platform was ready.%n", recoveredAfterMs.size(), CLIENTS, worst));
        }
        md.append("\n| Member | chain entries before the kill | after the run | intact |\n|---|---|---|---|\n");
        chains.forEach((member, chain) -> md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %s |%n", member,
                entriesBefore.containsKey(member) ? String.format(Locale.ROOT, "%,d", entriesBefore.get(member)) : "-",
                chain.path("entries").asLong(), chain.path("intact").asBoolean())));
        if (!errorSamples.isEmpty()) {
            md.append("\nFirst errors: ").append(errorSamples.subList(0, Math.min(10, errorSamples.size())))
                    .append('\n');
        }
        return md.toString();
    }

    static void row(StringBuilder md, String action, BenchStats s) {
        md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f |%n", action, s.n(), s.median(),
                s.percentile(95), s.percentile(99), s.max()));
    }
}
