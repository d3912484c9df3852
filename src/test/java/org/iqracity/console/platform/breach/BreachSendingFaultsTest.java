package org.iqracity.console.platform.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.api.breach.DeliveryDto;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.platform.MailConfig;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.platform.Platform;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.platform.StartupListener;
import org.iqracity.console.platform.TestApi;
import org.iqracity.console.platform.mail.MailSettings;
import org.iqracity.console.platform.service.auth.Totp;
import org.iqracity.console.platform.service.breach.NoticeSender;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sending once, whatever fails (R8): the platform killed mid-send and restarted, the mail server down and back.
 * GreenMail is the real SMTP peer; what it received is counted by Message-ID, learner by learner.
 */
class BreachSendingFaultsTest {
    static final String CS101 = "course-v1:Northbridge+CS101+2026_T1";

    static BreachScope course(String id) {
        return new BreachScope(ScopeMode.FILTER, List.of(id), null, null, List.of(), List.of());
    }

    static GreenMail greenMail(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /**
     * Message-ID to the number of copies received, of the learners' notices: the message that asks the second
     * officer to approve goes through the same server and is left out here.
     */
    static Map<String, Integer> received(GreenMail mail) throws MessagingException {
        Map<String, Integer> byId = new HashMap<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (!m.getMessageID().startsWith("<approval.")) {
                byId.merge(m.getMessageID(), 1, Integer::sum);
            }
        }
        return byId;
    }

    /**
     * These tests follow the learners' notices through a failing server; the officers get no approval request, so
     * that the server's first failure or refusal is a notice's. (The request is tested on its own.)
     */
    static void officersWithoutMail(Jdbc jdbc) {
        jdbc.update("UPDATE staff SET email = NULL");
    }

    @Test
    void r8KilledMidSendRestartsWithoutASecondMessageToAnyone(@TempDir Path dir) throws Exception {
        GreenMail mail = greenMail(0);
        try {
            int port = mail.getSmtp().getPort();
            List<String> smtp = List.of("--smtp", "127.0.0.1:" + port, "--smtp-plain", "--smtp-from",
                    "security@northbridge.example");
            Path data = dir.resolve("data");
            Path log = dir.resolve("platform.log");
            String incident;
            long emails;
            try (ChildPlatform first = ChildPlatform.start(data, 23_000, smtp, log)) {
                TestApi api = new TestApi(first.base(), MutableClock.systemNow());
                BreachApi breach = new BreachApi(api);
                String author = signIn(api, "nb-security");
                String approver = signIn(api, "nb-security2");
                IncidentDto draft = breach.created(author, breach.request("Kill test", course(CS101),
                        Instant.now().minus(Duration.ofHours(2))));
                incident = draft.id();
                IncidentDto approved = breach.approved(approver, breach.submitted(author, incident));
                emails = approved.progress().pending();
                assertThat(emails).as("notices to send").isGreaterThanOrEqualTo(10_000);
                breach.sent(author, incident);
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (mail.getReceivedMessages().length < emails / 4 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                first.kill();
            }
            int beforeRestart = mail.getReceivedMessages().length;
            assertThat(beforeRestart).as("killed in the middle").isBetween((int) (emails / 4), (int) emails - 1);

            try (ChildPlatform second = ChildPlatform.start(data, 23_000, smtp, log)) {
                TestApi api = new TestApi(second.base(), MutableClock.systemNow());
                BreachApi breach = new BreachApi(api);
                String officer = signIn(api, "nb-security");
                IncidentDto done = breach.awaitSent(officer, incident, Duration.ofMinutes(4));
                // At most the one group claimed at the kill is undecided; settle each as an officer would, by looking
                // its Message-ID up at the mail server.
                assertThat(done.progress().inDoubt()).isLessThanOrEqualTo(8);
                Map<String, Integer> got = received(mail);
                if (done.progress().inDoubt() > 0) {
                    var items = api.get(ApiPaths.breachNotice(incident) + "/deliveries?status=IN_DOUBT", officer).json()
                            .path("items");
                    for (var item : items) {
                        DeliveryDto doubtful = Json.tolerantMapper().treeToValue(item,
                                DeliveryDto.class);
                        String resolution = got.containsKey(doubtful.messageId()) ? "DELIVERED" : "SEND_AGAIN";
                        assertThat(api.post(ApiPaths.breachNotice(incident) + "/deliveries/" + doubtful.id()
                                + "/resolve", officer, "{\"resolution\":\"" + resolution + "\"}").status())
                                        .isEqualTo(200);
                    }
                    done = breach.await(officer, incident, i -> i.state() == IncidentState.SENT
                            && i.progress().inDoubt() == 0 && i.progress().open() == 0, Duration.ofMinutes(1));
                }
                got = received(mail);
                assertThat(done.progress().sent()).isEqualTo(emails);
                assertThat(got).hasSize((int) emails);
                assertThat(got.values()).as("copies per Message-ID").allMatch(n -> n == 1);
                // and besides the notices, only the one message that asked the second officer to approve
                assertThat(mail.getReceivedMessages()).hasSize((int) emails + 1);
                assertThat(Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                    try {
                        return m.getMessageID().startsWith("<approval.");
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })).hasSize(1);
            }
        } finally {
            mail.stop();
        }
    }

    @Test
    void r8AMailServerOutageIsRetriedWithBackoffAndEveryoneGetsOneMessage(@TempDir Path dir) throws Exception {
        GreenMail probe = greenMail(0);
        int port = probe.getSmtp().getPort();
        probe.stop();
        MutableClock clock = MutableClock.systemNow();
        MailConfig mailConfig = mailAt(port).withBackoff(new NoticeSender.Backoff(Duration.ofSeconds(30),
                Duration.ofMinutes(5), 8));
        PlatformConfig config = PlatformConfig.embedded(dir, 0).withLearners(1_500).withMail(mailConfig);
        GreenMail mail = null;
        try (Platform platform = Platform.start(config, StartupListener.NONE, clock)) {
            TestApi api = new TestApi(platform.baseUri(), clock);
            BreachApi breach = new BreachApi(api);
            Jdbc jdbc = new Jdbc(platform.database().dataSource());
            String course = smallestCourse(jdbc);
            officersWithoutMail(jdbc);
            String author = api.signIn("nb-security");
            IncidentDto draft = breach.created(author, breach.request("Outage", course(course),
                    clock.instant().minus(Duration.ofHours(1))));
            IncidentDto approved = breach.approved(api.signIn("nb-security2"), breach.submitted(author, draft.id()));
            long emails = approved.progress().pending();
            breach.sent(author, draft.id());
            IncidentDto waiting = breach.await(author, draft.id(), i -> i.progress().retrying() > 0,
                    Duration.ofSeconds(30));
            assertThat(waiting.progress().sent()).isZero();
            DeliveryDto retrying = api.get(ApiPaths.breachNotice(draft.id()) + "/deliveries?status=RETRY", author)
                    .json().path("items").get(0).traverse(Json.mapper())
                    .readValueAs(DeliveryDto.class);
            assertThat(retrying.error()).contains("Could not reach the mail server");
            // nothing is tried again before the backoff has passed
            Thread.sleep(1_000);
            assertThat(breach.incident(author, draft.id()).progress().retrying())
                    .isEqualTo(waiting.progress().retrying());

            mail = greenMail(port);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            IncidentDto now = breach.incident(author, draft.id());
            while (now.state() != IncidentState.SENT && System.nanoTime() < deadline) {
                clock.advance(Duration.ofMinutes(1));
                Thread.sleep(200);
                now = breach.incident(author, draft.id());
            }
            assertThat(now.state()).isEqualTo(IncidentState.SENT);
            assertThat(now.progress().sent()).isEqualTo(emails);
            assertThat(now.progress().failed()).isZero();
            Map<String, Integer> got = received(mail);
            assertThat(got).hasSize((int) emails);
            assertThat(got.values()).allMatch(n -> n == 1);
            assertThat(jdbc.queryOne("SELECT MAX(attempts) FROM notice_delivery WHERE incident_id = ?",
                    rs -> rs.getInt(1), draft.id()).orElseThrow()).isGreaterThan(1);
        } finally {
            if (mail != null) {
                mail.stop();
            }
        }
    }

    /** The mail settings of a server on this machine at {@code port}. */
    private static MailConfig mailAt(int port) {
        return MailConfig.DEFAULT.withSmtp(new MailSettings("127.0.0.1", port, false, null, null,
                "security@northbridge.example", "Northbridge security"));
    }

    /** Northbridge's smallest course: a notice to it sends few messages. */
    private static String smallestCourse(Jdbc jdbc) {
        return jdbc.queryOne("SELECT id FROM course WHERE member_id = 'northbridge' ORDER BY enrollment_count, id",
                rs -> rs.getString(1)).orElseThrow();
    }

    /** A notice to the smallest Northbridge course, approved and sent through {@code server}; then {@code check}. */
    private static void sendThrough(Path dir, RefusingServer server, String title, SentCheck check) throws Exception {
        MutableClock clock = MutableClock.systemNow();
        PlatformConfig config = PlatformConfig.embedded(dir, 0).withLearners(1_500).withMail(mailAt(server.port()));
        try (Platform platform = Platform.start(config, StartupListener.NONE, clock)) {
            TestApi api = new TestApi(platform.baseUri(), clock);
            BreachApi breach = new BreachApi(api);
            Jdbc jdbc = new Jdbc(platform.database().dataSource());
            String course = smallestCourse(jdbc);
            officersWithoutMail(jdbc);
            String author = api.signIn("nb-security");
            IncidentDto draft = breach.created(author, breach.request(title, course(course),
                    clock.instant().minus(Duration.ofHours(1))));
            IncidentDto approved = breach.approved(api.signIn("nb-security2"), breach.submitted(author, draft.id()));
            long emails = approved.progress().pending();
            breach.sent(author, draft.id());
            IncidentDto done = breach.awaitSent(author, draft.id(), Duration.ofSeconds(60));
            check.check(new Sent(api, breach, author, draft.id(), emails, done));
        }
    }

    /** A notice sent to its end: who sent it, how many emails it had, and the incident as it finished. */
    private record Sent(TestApi api, BreachApi breach, String author, String id, long emails, IncidentDto done) {
    }

    private interface SentCheck {
        void check(Sent sent) throws Exception;
    }

    @Test
    void r8APermanentRefusalKeepsTheServersAnswerAndARetrySendsItOnce(@TempDir Path dir) throws Exception {
        try (RefusingServer server = new RefusingServer()) {
            sendThrough(dir, server, "Refused", sent -> {
                TestApi api = sent.api();
                BreachApi breach = sent.breach();
                String author = sent.author();
                long emails = sent.emails();
                IncidentDto done = sent.done();
                assertThat(done.progress().failed()).isEqualTo(1);
                assertThat(done.progress().sent()).isEqualTo(emails - 1);
                DeliveryDto failed = Json.tolerantMapper().treeToValue(api.get(
                        ApiPaths.breachNotice(sent.id()) + "/deliveries?status=FAILED", author).json().path("items")
                        .get(0), DeliveryDto.class);
                assertThat(failed.error()).contains("550").contains("mailbox unavailable");
                assertThat(failed.attempts()).isEqualTo(1);

                assertThat(breach.step(author, sent.id(), "deliveries/retry", null).status()).isEqualTo(200);
                IncidentDto again = breach.await(author, sent.id(), i -> i.state() == IncidentState.SENT
                        && i.progress().failed() == 0, Duration.ofSeconds(60));
                assertThat(again.progress().sent()).isEqualTo(emails);
                assertThat(server.accepted.get()).as("one message per learner in all").isEqualTo((int) emails);
            });
        }
    }

    /**
     * R8: the mail server reads a whole message (it may deliver it) and the connection goes before its answer. That
     * message is in doubt for an officer to settle, never sent again by the platform; everyone else gets one message.
     */
    @Test
    void r8AMessageWhoseAnswerNeverCameIsInDoubtAndNotSentAgain(@TempDir Path dir) throws Exception {
        try (RefusingServer server = new RefusingServer(true)) {
            sendThrough(dir, server, "Unanswered", sent -> {
                TestApi api = sent.api();
                BreachApi breach = sent.breach();
                String author = sent.author();
                long emails = sent.emails();
                IncidentDto done = sent.done();

                assertThat(done.progress().inDoubt()).isEqualTo(1);
                assertThat(done.progress().sent()).isEqualTo(emails - 1);
                assertThat(done.progress().failed()).isZero();
                assertThat(server.received.get()).as("every message handed over once, the unanswered one too")
                        .isEqualTo((int) emails);
                assertThat(server.messageIds).doesNotHaveDuplicates();
                DeliveryDto doubtful = Json.tolerantMapper().treeToValue(api.get(
                        ApiPaths.breachNotice(sent.id()) + "/deliveries?status=IN_DOUBT", author).json()
                        .path("items").get(0), DeliveryDto.class);
                assertThat(doubtful.error()).contains("before the server answered");
                // "Retry failed" concerns failures only: the message in doubt stays for the officer to settle.
                breach.step(author, sent.id(), "deliveries/retry", null);
                Thread.sleep(1_500);
                assertThat(server.received.get()).isEqualTo((int) emails);
            });
        }
    }

    /** Refuses the first recipient it is given with a 550 and takes every message after that. */
    static final class RefusingServer implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicBoolean refused = new AtomicBoolean();
        /** Every message read to its end, answered or not. */
        final AtomicInteger received = new AtomicInteger();
        final List<String> messageIds = Collections.synchronizedList(new ArrayList<>());
        /** Instead of refusing a recipient: the first message is read in full and its answer never sent. */
        private final boolean dropAfterFirstMessage;
        private final AtomicBoolean dropped = new AtomicBoolean();

        RefusingServer() throws IOException {
            this(false);
        }

        RefusingServer(boolean dropAfterFirstMessage) throws IOException {
            this.dropAfterFirstMessage = dropAfterFirstMessage;
            Thread.ofPlatform().daemon().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        Thread.ofPlatform().daemon().start(() -> session(s));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        private void session(Socket s) {
            try (s; var in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                    StandardCharsets.ISO_8859_1)); var out = s.getOutputStream()) {
                say(out, "220 refusing");
                boolean rejectedThisMessage = false;
                for (String line; (line = in.readLine()) != null; ) {
                    String upper = line.toUpperCase(Locale.ROOT);
                    if (upper.startsWith("EHLO")) {
                        say(out, "250-refusing\r\n250 8BITMIME");
                    } else if (upper.startsWith("MAIL")) {
                        rejectedThisMessage = false;
                        say(out, "250 OK");
                    } else if (upper.startsWith("RCPT") && !dropAfterFirstMessage
                            && refused.compareAndSet(false, true)) {
                        rejectedThisMessage = true;
                        say(out, "550 5.1.1 mailbox unavailable");
                    } else if (upper.startsWith("DATA")) {
                        say(out, "354 go");
                        for (String m; !".".equals(m = in.readLine()); ) {
                            if (m.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                messageIds.add(m.substring(11).strip());
                            }
                        }
                        received.incrementAndGet();
                        if (dropAfterFirstMessage && dropped.compareAndSet(false, true)) {
                            // read in full, perhaps delivered; the answer never leaves
                            return;
                        }
                        if (!rejectedThisMessage) {
                            accepted.incrementAndGet();
                        }
                        say(out, "250 OK");
                    } else if (upper.startsWith("QUIT")) {
                        say(out, "221 bye");
                        return;
                    } else {
                        say(out, "250 OK");
                    }
                }
            } catch (IOException e) {
                // client gone
            }
        }

        private static void say(OutputStream out, String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static String signIn(TestApi api, String officer) throws InterruptedException {
        String code = Totp.code(TestApi.TOTP_SECRETS.get(officer), Totp.step(Instant.now()));
        TestApi.Response r = api.signInResponse(officer, TestApi.PASSWORD, code);
        if (r.status() == 401 && "mfa_reused".equals(r.code())) {
            // this code was used before the restart: each code works once, so wait for the next one
            Thread.sleep(30_000 - Instant.now().toEpochMilli() % 30_000 + 200);
            code = Totp.code(TestApi.TOTP_SECRETS.get(officer), Totp.step(Instant.now()));
            r = api.signInResponse(officer, TestApi.PASSWORD, code);
        }
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("accessToken").asText();
    }

}
