package org.iqracity.console.platform.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.platform.TestApi;
import org.iqracity.console.platform.TestPostgres;
import org.iqracity.console.platform.service.auth.Totp;
import org.iqracity.console.platform.service.breach.NoticeSender;
import org.iqracity.console.platform.store.Database;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.MasterKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R8 with two platform nodes on one PostgreSQL (issue 30), each a process of its own sending the same notices to one
 * real SMTP server. In turn each node is restarted (a clean stop, as an upgrade does), killed (SIGKILL) and left down,
 * and killed and started again at once, while the other sends. It holds when no restart puts anything in doubt, a
 * kill puts in doubt only the killed node's own claims (at most one claim group), no live node's claim is ever put in
 * doubt even for a moment, the survivor finishes a notice without the killed node once its lease has run out, and
 * the mail server receives every learner's message exactly once after an officer settled the doubtful ones by looking
 * them up there.
 *
 * <pre>
 * mvn -B -ntp test -Dtest=BreachNodesTest -Dnodes.rounds=12
 * </pre>
 */
class BreachNodesTest {
    private static final String CS101 = "course-v1:Northbridge+CS101+2026_T1";
    private static final int LEARNERS = Integer.getInteger("nodes.learners", 2_000);
    /**
     * What the mail server takes to accept a message: a node then sends some 50 a second, so a notice is still being
     * sent while the other node stops, starts (several seconds) or dies.
     */
    private static final int MAIL_DELAY_MS = Integer.getInteger("nodes.mailDelayMs", 20);
    /** Four rounds restart and kill each node once; six try every way of stopping on both. */
    private static final int ROUNDS = Integer.getInteger("nodes.rounds", 4);
    private static final int LEASE_SECONDS = 8;
    private static final long SEED = Long.getLong("nodes.seed", System.nanoTime());

    private final Random random = new Random(SEED);
    private final List<String> incidents = new ArrayList<>();
    private GreenMail mail;
    private Jdbc jdbc;
    private String officer;
    private String approver;
    /** Refresh tokens by access token's owner: a run of many rounds outlives the ten minutes an access token lasts. */
    private final Map<String, String> refresh = new HashMap<>();

    /** One node: its own data folder and name, the shared database, mail server and master key. */
    private final class Node {
        final String name;
        final Path data;
        final Path log;
        final List<String> args;
        final Map<String, String> env;
        ChildPlatform process;
        TestApi api;

        Node(String name, Path dir, List<String> args, String masterKey) throws Exception {
            this.name = name;
            this.data = Files.createDirectories(dir.resolve(name));
            this.log = dir.resolve(name + ".log");
            this.args = args;
            this.env = Map.of("PLATFORM_NODE_ID", name, MasterKey.ENV, masterKey);
        }

        void start() throws Exception {
            process = ChildPlatform.start(data, LEARNERS, args, log, env,
                    List.of("-Dplatform.node.leaseSeconds=" + LEASE_SECONDS));
            api = new TestApi(process.base(), MutableClock.systemNow());
        }

        /** The run this node's process holds its lease under. */
        String run() {
            return jdbc.queryOne("SELECT run_id FROM platform_node WHERE node_id = ? ORDER BY started_at DESC LIMIT 1",
                    rs -> rs.getString(1), name).orElseThrow();
        }
    }

    @Test
    void r8TwoNodesRestartedAndKilledInTurnWhileTheOtherSendsMailEveryLearnerOnceAndLeaveNothingStuck(
            @TempDir Path dir) throws Exception {
        mail = BreachSendingFaultsTest.greenMail(0);
        String url = TestPostgres.freshDatabase("breach_nodes", null);
        long started = System.nanoTime();
        try (Database database = Database.server(url, TestPostgres.USER, TestPostgres.PASSWORD);
             SlowLink link = new SlowLink(mail.getSmtp().getPort(), MAIL_DELAY_MS)) {
            jdbc = new Jdbc(database.dataSource());
            List<String> args = List.of("--smtp", "127.0.0.1:" + link.port(), "--smtp-plain",
                    "--smtp-from", "security@northbridge.example", "--db", url, "--db-user", TestPostgres.USER,
                    "--db-password", TestPostgres.PASSWORD, "--sandbox");
            String key = Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
            List<Node> nodes = List.of(new Node("node-a", dir, args, key), new Node("node-b", dir, args, key));
            for (Node node : nodes) {
                node.start();
            }
            try {
                TestApi first = nodes.getFirst().api;
                officer = signIn(first, "nb-security");
                approver = signIn(first, "nb-security2");
                int inDoubt = 0;
                int kills = 0;
                long settleTenths = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    Node victim = nodes.get(round % 2);
                    Node survivor = nodes.get((round + 1) % 2);
                    Stop stop = Stop.values()[round % Stop.values().length];
                    kills += stop == Stop.RESTART ? 0 : 1;
                    refreshSessions(survivor.api);
                    long settled = round(victim, survivor, stop, round + 1);
                    inDoubt += doubtfulSettled(survivor);
                    settleTenths = Math.max(settleTenths, settled);
                    assertNothingReceivedTwice();
                }
                checkEveryLearnerGotOneMessage();
                System.out.printf("NODES: %d rounds (%d restarts, %d kills), %d incidents, %d messages received, "
                                + "0 twice, 0 lost, 0 in doubt of a live node, 0 stuck; in doubt after kills %d; "
                                + "a killed node left down had its claims settled at most %.1f s after the kill "
                                + "(lease %d s); sent by node %s; seed %d; %.0f s%n", ROUNDS, ROUNDS - kills, kills,
                        incidents.size(),
                        BreachSendingFaultsTest.received(mail).size(), inDoubt, settleTenths / 10.0, LEASE_SECONDS,
                        sentByNode(), SEED, (System.nanoTime() - started) / 1e9);
            } finally {
                for (Node node : nodes) {
                    if (node.process != null) {
                        node.process.close();
                    }
                }
            }
        } finally {
            mail.stop();
        }
    }

    /** How a round stops its victim. */
    private enum Stop {
        /** A clean stop and a start, as an upgrade does. */
        RESTART,
        /** SIGKILL; started again only once the survivor has settled its claims and finished the notice without it. */
        KILL,
        /** SIGKILL and at once a start, which settles its own node's earlier claims itself. */
        KILL_AND_START
    }

    /**
     * One round: a new notice is sent by both nodes, and the victim is stopped while the survivor sends. Answers,
     * for a kill the victim does not come back from at once, how long after the kill the survivor had settled the
     * killed node's claims (in tenths of a second).
     */
    private long round(Node victim, Node survivor, Stop stop, int round) throws Exception {
        String incident = newIncident(survivor.api);
        awaitMessages(received() + 1 + random.nextInt(150));
        String victimRun = victim.run();
        BreachApi breach = new BreachApi(survivor.api);
        long tenths = 0;
        if (stop == Stop.RESTART) {
            victim.process.close();
        } else {
            victim.process.kill();
        }
        long killedAt = System.nanoTime();
        if (stop == Stop.KILL) {
            tenths = untilSettled(victimRun, killedAt);
            // the survivor finishes the notice alone
            breach.await(officer, incident, i -> i.state() == IncidentState.SENT && i.progress().open() == 0,
                    Duration.ofMinutes(2));
        }
        boolean kill = stop != Stop.RESTART;
        victim.start();
        if (stop == Stop.KILL_AND_START) {
            tenths = untilSettled(victimRun, killedAt);
        }
        breach.await(officer, incident, i -> i.state() == IncidentState.SENT && i.progress().open() == 0,
                Duration.ofMinutes(2));
        List<String> holders = jdbc.query("SELECT claimed_by FROM notice_delivery WHERE status = 'IN_DOUBT'",
                rs -> rs.getString(1));
        assertThat(holders).as("round %d (%s %s): in doubt, by holder", round, stop, victim.name)
                .allMatch(h -> kill && h.equals(victimRun)).hasSizeLessThanOrEqualTo(NoticeSender.CLAIM_GROUP);
        // nor was any live node's claim put in doubt for a while, to be set right by its late outcome
        assertThat(lateOutcomes(victim) + lateOutcomes(survivor)).as("round %d: claims of a live node put in doubt",
                round).isZero();
        assertThat(jdbc.queryOne("SELECT COUNT(*) FROM notice_delivery WHERE error LIKE 'Delivered: %'",
                rs -> rs.getLong(1))).as("round %d: messages recorded as sent after a doubt", round).hasValue(0L);
        System.out.printf("round %d: %s %s; %d in doubt%s; %d received so far%n", round, stop, victim.name,
                holders.size(), kill ? String.format(" %.1f s after the kill", tenths / 10.0) : "", received());
        return stop == Stop.KILL ? tenths : 0;
    }

    private String signIn(TestApi api, String user) throws InterruptedException {
        String code = Totp.code(TestApi.TOTP_SECRETS.get(user), Totp.step(Instant.now()));
        TestApi.Response r = api.signInResponse(user, TestApi.PASSWORD, code);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        refresh.put(user, r.json().path("refreshToken").asText());
        return r.json().path("accessToken").asText();
    }

    private void refreshSessions(TestApi api) {
        officer = refreshed(api, "nb-security");
        approver = refreshed(api, "nb-security2");
    }

    private String refreshed(TestApi api, String user) {
        TestApi.Response r = api.post(ApiPaths.SESSION_REFRESH, null, "{\"refreshToken\":\"" + refresh.get(user)
                + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        refresh.put(user, r.json().path("refreshToken").asText());
        return r.json().path("accessToken").asText();
    }

    /** Waits until no claim of the killed run is in flight any more; answers how long after the kill, in tenths. */
    private long untilSettled(String run, long killedAt) throws InterruptedException {
        while (inFlight(run) > 0) {
            assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).as("claims of the killed node still in flight")
                    .isLessThan(Duration.ofSeconds(LEASE_SECONDS * 3L + 60));
            Thread.sleep(50);
        }
        return Math.round((System.nanoTime() - killedAt) / 1e8);
    }

    private long inFlight(String run) {
        return jdbc.queryOne("SELECT COUNT(*) FROM notice_delivery WHERE status = 'IN_FLIGHT' AND claimed_by = ?",
                rs -> rs.getLong(1), run).orElseThrow();
    }

    /** Outcomes a node recorded on a claim that had been put in doubt while it still held it (its log says so). */
    private static long lateOutcomes(Node node) throws IOException {
        try (var lines = Files.lines(node.log)) {
            return lines.filter(l -> l.contains("was put in doubt while this node still held it")).count();
        }
    }

    private String newIncident(TestApi api) {
        BreachApi breach = new BreachApi(api);
        IncidentDto draft = breach.created(officer, breach.request("Two nodes " + incidents.size(),
                BreachSendingFaultsTest.course(CS101), Instant.now().minus(Duration.ofHours(2))));
        IncidentDto approved = breach.approved(approver, breach.submitted(officer, draft.id()));
        assertThat(approved.progress().pending()).isGreaterThan(500);
        breach.sent(officer, draft.id());
        incidents.add(draft.id());
        return draft.id();
    }

    /** Settles every message in doubt as an officer would, by its Message-ID at the mail server. Answers how many. */
    private int doubtfulSettled(Node node) throws Exception {
        Map<String, Integer> got = BreachSendingFaultsTest.received(mail);
        BreachApi breach = new BreachApi(node.api);
        int settled = 0;
        for (String id : incidents) {
            JsonNode items = node.api.get(ApiPaths.breachNotice(id) + "/deliveries?status=IN_DOUBT&limit=500", officer)
                    .json().path("items");
            for (JsonNode item : items) {
                String resolution = got.containsKey(item.path("messageId").asText()) ? "DELIVERED" : "SEND_AGAIN";
                TestApi.Response r = node.api.post(ApiPaths.breachNotice(id) + "/deliveries/" + item.path("id").asText()
                        + "/resolve", officer, "{\"resolution\":\"" + resolution + "\"}");
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                settled++;
            }
            breach.await(officer, id, i -> i.state() == IncidentState.SENT && i.progress().open() == 0
                    && i.progress().inDoubt() == 0, Duration.ofMinutes(1));
        }
        return settled;
    }

    private void assertNothingReceivedTwice() throws Exception {
        Map<String, Integer> twice = new HashMap<>();
        BreachSendingFaultsTest.received(mail).forEach((id, n) -> {
            if (n > 1) {
                twice.put(id, n);
            }
        });
        assertThat(twice).as("messages received more than once").isEmpty();
    }

    private void checkEveryLearnerGotOneMessage() throws Exception {
        Set<String> expected = new HashSet<>(jdbc.query("SELECT message_id FROM notice_delivery WHERE channel = "
                + "'EMAIL' AND status = 'SENT'", rs -> rs.getString(1)));
        assertThat(jdbc.query("SELECT DISTINCT status FROM notice_delivery WHERE channel = 'EMAIL'",
                rs -> rs.getString(1))).as("every email row").isSubsetOf("SENT", "UNREACHABLE");
        assertThat(BreachSendingFaultsTest.received(mail).keySet()).as("every email row received, nothing else")
                .isEqualTo(expected);
    }

    /** Messages sent per node, by the node that held the claim. */
    private Map<String, Long> sentByNode() {
        Map<String, Long> byNode = new HashMap<>();
        jdbc.query("SELECT split_part(claimed_by, '#', 1), COUNT(*) FROM notice_delivery WHERE status = 'SENT' "
                + "AND claimed_by IS NOT NULL GROUP BY 1", rs -> byNode.put(rs.getString(1), rs.getLong(2)));
        return byNode;
    }

    private int received() {
        return mail.getReceivedMessages().length;
    }

    private void awaitMessages(int count) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (received() < count) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the nodes did not send: " + received());
            }
            Thread.sleep(5);
        }
    }

    /**
     * A TCP pass-through to the mail server that holds the end of each message (the lone "." line) for a moment
     * before passing it on, so that the server's acceptance comes that much later. Everything else passes as it is.
     */
    static final class SlowLink implements AutoCloseable {
        private static final byte[] END = "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII);
        private final ServerSocket server;
        private final int target;
        private final int delayMs;

        SlowLink(int target, int delayMs) throws IOException {
            this.target = target;
            this.delayMs = delayMs;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon().start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket mailServer = new Socket(InetAddress.getLoopbackAddress(), target);
                    Thread.ofPlatform().daemon().start(() -> pump(client, mailServer, true));
                    Thread.ofPlatform().daemon().start(() -> pump(mailServer, client, false));
                } catch (IOException e) {
                    // closed, or one connection failed: the next accept goes on
                }
            }
        }

        private void pump(Socket from, Socket to, boolean holdEnds) {
            byte[] buffer = new byte[64 * 1024];
            byte[] tail = new byte[END.length];
            try (from; to; var in = from.getInputStream(); var out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (holdEnds && endsMessage(tail, buffer, n)) {
                        Thread.sleep(delayMs);
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away (a killed node): the other is closed with it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Whether the bytes so far end with the end of a message; {@code tail} keeps the last few across reads. */
        private static boolean endsMessage(byte[] tail, byte[] buffer, int n) {
            int keep = Math.min(n, tail.length);
            System.arraycopy(tail, keep, tail, 0, tail.length - keep);
            System.arraycopy(buffer, n - keep, tail, tail.length - keep, keep);
            return Arrays.equals(tail, END);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
