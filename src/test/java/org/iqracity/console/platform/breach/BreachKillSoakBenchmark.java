package org.iqracity.console.platform.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.platform.TestApi;
import org.iqracity.console.platform.TestPostgres;
import org.iqracity.console.platform.service.auth.Totp;
import org.iqracity.console.platform.service.breach.NoticeSender;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R8's promise under many crashes: the platform is killed with SIGKILL at random moments while notices are being sent
 * (and while a course administrator's detail views write the access log), restarted each time, and what the mail
 * server received is counted per Message-ID (one per learner and channel). It holds when no message arrives twice
 * except for rows the platform marked in doubt, none is lost, at most one claim group is in doubt per kill, and every
 * access-log entry whose answer had reached the client before a kill is there after it.
 *
 * <pre>
 * mvn -B -ntp -Pbenchmark test -Dtest=BreachKillSoakBenchmark -Dsoak.db=h2 -Dsoak.kills=30
 * mvn -B -ntp -Pbenchmark test -Dtest=BreachKillSoakBenchmark -Dsoak.db=pg -Dsoak.kills=10
 * </pre>
 */
@Tag("benchmark")
class BreachKillSoakBenchmark {
    private static final String CS101 = "course-v1:Northbridge+CS101+2026_T1";
    private static final int LEARNERS = Integer.getInteger("soak.learners", 23_000);
    private static final String DB = System.getProperty("soak.db", "h2");
    private static final int KILLS = Integer.getInteger("soak.kills", DB.equals("pg") ? 10 : 30);
    private static final long SEED = Long.getLong("soak.seed", System.nanoTime());

    /** What the soak counted, printed at the end for the docs. */
    private int inDoubtTotal;
    private int inDoubtMaxPerKill;
    private int viewsAnswered;
    private final List<String> incidents = new ArrayList<>();

    @Test
    void killedAtRandomWhileSendingNoLearnerGetsANoticeTwiceAndNoneIsLost(@TempDir Path dir) throws Exception {
        Random random = new Random(SEED);
        GreenMail mail = BreachSendingFaultsTest.greenMail(0);
        long started = System.nanoTime();
        try {
            List<String> args = new ArrayList<>(List.of("--smtp", "127.0.0.1:" + mail.getSmtp().getPort(),
                    "--smtp-plain", "--smtp-from", "security@northbridge.example"));
            if (DB.equals("pg")) {
                args.addAll(List.of("--db", TestPostgres.freshDatabase("kill_soak", null), "--db-user",
                        TestPostgres.USER, "--db-password", TestPostgres.PASSWORD, "--sandbox"));
            }
            Path data = dir.resolve("data");
            Files.createDirectories(data);
            Path log = dir.resolve("platform.log");
            Sessions sessions = null;
            List<String> learnerIds = null;
            for (int kill = 1; kill <= KILLS; kill++) {
                try (ChildPlatform platform = ChildPlatform.start(data, LEARNERS, args, log)) {
                    TestApi api = new TestApi(platform.base(), MutableClock.systemNow());
                    if (sessions == null) {
                        sessions = Sessions.signIn(api);
                        learnerIds = learnerIds(api, sessions.token("nb-admin"));
                    }
                    sessions.api = api;
                    sessions.refreshAll();
                    settleAfterRestart(sessions, mail, kill);
                    checkAccessLog(sessions);
                    String sending = sendingIncident(sessions);
                    int before = mail.getReceivedMessages().length;
                    Viewer viewer = new Viewer(api, sessions.token("nb-admin"), learnerIds, random.nextLong());
                    viewer.start();
                    // Kill once the sender is under way, at a random moment of it.
                    awaitMessages(mail, before + 1 + random.nextInt(40), Duration.ofMinutes(2));
                    Thread.sleep(random.nextInt(1500));
                    platform.kill();
                    viewsAnswered += viewer.stop();
                    System.out.printf("kill %d/%d: incident %s, %d messages received so far, %d views answered%n",
                            kill, KILLS, sending, mail.getReceivedMessages().length, viewsAnswered);
                }
            }
            try (ChildPlatform platform = ChildPlatform.start(data, LEARNERS, args, log)) {
                sessions.api = new TestApi(platform.base(), MutableClock.systemNow());
                sessions.refreshAll();
                settleAfterRestart(sessions, mail, KILLS + 1);
                checkAccessLog(sessions);
                BreachApi breach = new BreachApi(sessions.api);
                for (String id : incidents) {
                    breach.await(sessions.token("nb-security"), id, i -> i.state() == IncidentState.SENT
                            && i.progress().open() == 0 && i.progress().inDoubt() == 0, Duration.ofMinutes(5));
                }
                checkEveryLearnerGotOneMessage(sessions, mail);
            }
            long bytes;
            try (var files = Files.walk(data)) {
                bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
            System.out.printf("SOAK %s: %d kills, %d incidents, %d messages received, 0 twice, 0 lost; in doubt %d "
                            + "(at most %d after one kill); %d access-log views answered, all kept; data folder %d MB; "
                            + "seed %d; %.0f s%n", DB, KILLS, incidents.size(), mail.getReceivedMessages().length,
                    inDoubtTotal, inDoubtMaxPerKill, viewsAnswered, bytes >> 20, SEED,
                    (System.nanoTime() - started) / 1e9);
        } finally {
            mail.stop();
        }
    }

    /** The incident being sent; a new one, approved and sent, when the last one has finished. */
    private String sendingIncident(Sessions s) {
        BreachApi breach = new BreachApi(s.api);
        if (!incidents.isEmpty()) {
            IncidentDto last = breach.incident(s.token("nb-security"), incidents.getLast());
            if (last.state() == IncidentState.SENDING && last.progress().open() > 200) {
                return last.id();
            }
        }
        IncidentDto draft = breach.created(s.token("nb-security"), breach.request("Kill soak " + incidents.size(),
                BreachSendingFaultsTest.course(CS101), Instant.now().minus(Duration.ofHours(2))));
        IncidentDto approved = breach.approved(s.token("nb-security2"), breach.submitted(s.token("nb-security"),
                draft.id()));
        assertThat(approved.progress().pending()).isGreaterThan(1_000);
        breach.sent(s.token("nb-security"), draft.id());
        incidents.add(draft.id());
        return draft.id();
    }

    /**
     * After a restart: at most one claim group of each incident is in doubt; each is settled as an officer would, by
     * looking its Message-ID up at the mail server.
     */
    private void settleAfterRestart(Sessions s, GreenMail mail, int round) throws Exception {
        Map<String, Integer> got = BreachSendingFaultsTest.received(mail);
        int settled = 0;
        for (String id : incidents) {
            String path = ApiPaths.breachNotice(id) + "/deliveries?status=IN_DOUBT&limit=500";
            JsonNode items = s.get(path, "nb-security").json().path("items");
            for (JsonNode item : items) {
                String resolution = got.containsKey(item.path("messageId").asText()) ? "DELIVERED" : "SEND_AGAIN";
                TestApi.Response r = s.post(ApiPaths.breachNotice(id) + "/deliveries/" + item.path("id").asText()
                        + "/resolve", "nb-security", "{\"resolution\":\"" + resolution + "\"}");
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                settled++;
            }
        }
        assertThat(settled).as("in doubt after kill %d", round - 1).isLessThanOrEqualTo(NoticeSender.CLAIM_GROUP);
        inDoubtTotal += settled;
        inDoubtMaxPerKill = Math.max(inDoubtMaxPerKill, settled);
    }

    /** Every detail view whose answer reached the viewer before a kill left its entry in the access log (R12). */
    private void checkAccessLog(Sessions s) {
        JsonNode page = s.get(ApiPaths.ACCESS_LOG + "?actor=nb-admin&action=LEARNER_VIEW&limit=1", "nb-security")
                .json();
        assertThat(page.path("total").asLong()).as("LEARNER_VIEW entries kept").isGreaterThanOrEqualTo(viewsAnswered);
    }

    private void checkEveryLearnerGotOneMessage(Sessions s, GreenMail mail) throws Exception {
        Map<String, Integer> got = BreachSendingFaultsTest.received(mail);
        Set<String> expected = new HashSet<>();
        for (String id : incidents) {
            String cursor = null;
            do {
                JsonNode page = s.get(ApiPaths.breachNotice(id) + "/deliveries?channel=EMAIL&limit=500"
                        + (cursor == null ? "" : "&cursor=" + cursor), "nb-security").json();
                for (JsonNode item : page.path("items")) {
                    String status = item.path("status").asText();
                    // A learner without an address is unreachable by email from the start; every other row is sent.
                    assertThat(status).as("delivery %s", item.path("id")).isIn("SENT", "UNREACHABLE");
                    if (status.equals("SENT")) {
                        expected.add(item.path("messageId").asText());
                    }
                }
                cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            } while (cursor != null);
        }
        Map<String, Integer> twice = new HashMap<>();
        got.forEach((id, n) -> {
            if (n > 1) {
                twice.put(id, n);
            }
        });
        assertThat(twice).as("messages received more than once").isEmpty();
        assertThat(got.keySet()).as("every email row received, nothing else").isEqualTo(expected);
    }

    private static List<String> learnerIds(TestApi api, String token) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : api.get(ApiPaths.courseLearners(CS101) + "?limit=500", token).json().path("items")) {
            ids.add(item.path("learnerId").asText());
        }
        return ids;
    }

    private static void awaitMessages(GreenMail mail, int count, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (mail.getReceivedMessages().length < count) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the sender did not resume: " + mail.getReceivedMessages().length);
            }
            Thread.sleep(5);
        }
    }

    /** A course administrator opening learners' details in a loop; counts the answers that reached it. */
    private static final class Viewer {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong answered = new AtomicLong();
        private final Thread thread;

        Viewer(TestApi api, String token, List<String> learnerIds, long seed) {
            Random random = new Random(seed);
            thread = Thread.ofPlatform().daemon().unstarted(() -> {
                while (running.get()) {
                    String learner = learnerIds.get(random.nextInt(learnerIds.size()));
                    try {
                        if (api.get(ApiPaths.courseLearner(CS101, learner), token).status() == 200) {
                            answered.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        return; // the platform is gone
                    }
                }
            });
        }

        void start() {
            thread.start();
        }

        long stop() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
            return answered.get();
        }
    }

    /** The soak's signed-in staff, refreshed when an access token expires; survives restarts (sessions are stored). */
    private static final class Sessions {
        TestApi api;
        private final Map<String, String[]> tokens = new HashMap<>();

        static Sessions signIn(TestApi api) {
            Sessions s = new Sessions();
            s.api = api;
            for (String user : List.of("nb-security", "nb-security2", "nb-admin")) {
                String secret = TestApi.TOTP_SECRETS.get(user);
                TestApi.Response r = api.signInResponse(user, TestApi.PASSWORD,
                        secret == null ? null : Totp.code(secret, Totp.step(Instant.now())));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                JsonNode session = r.json();
                s.tokens.put(user, new String[] {session.path("accessToken").asText(),
                        session.path("refreshToken").asText()});
            }
            return s;
        }

        /** New access tokens for everyone: a soak outlives the ten minutes one lasts. */
        void refreshAll() {
            tokens.keySet().forEach(this::refresh);
        }

        String token(String user) {
            return tokens.get(user)[0];
        }

        TestApi.Response get(String path, String user) {
            TestApi.Response r = api.get(path, token(user));
            assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
            return r;
        }

        TestApi.Response post(String path, String user, String json) {
            return api.post(path, token(user), json);
        }

        private void refresh(String user) {
            TestApi.Response r = api.post(ApiPaths.SESSION_REFRESH, null,
                    "{\"refreshToken\":\"" + tokens.get(user)[1] + "\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            tokens.put(user, new String[] {r.json().path("accessToken").asText(),
                    r.json().path("refreshToken").asText()});
        }
    }
}
