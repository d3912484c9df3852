package org.iqracity.console.bench;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.breach.ApprovalRequest;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.platform.MailConfig;
import org.iqracity.console.platform.Platform;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.platform.StartupListener;
import org.iqracity.console.platform.mail.MailSettings;
import org.iqracity.console.platform.service.auth.Totp;
import org.iqracity.console.platform.service.breach.NoticeTemplate;
import org.iqracity.console.platform.service.breach.Rendered;
import org.iqracity.console.platform.store.BreachRepository;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.RecipientRepository;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Breach notices at volume: the platform's outbox sender (claim, send, record, one message at a time over one reused
 * connection) against a bare Jakarta Mail loop sending the same, pre-rendered messages over one connection, both to
 * the same local SMTP server in the same run. Target: the outbox reaches at least half the bare loop's throughput.
 * {@code mvn -Pbenchmark test -Dtest=BreachSendBenchmark [-Dbreach.learners=230000] [-Dbench.dir=...]}
 */
@Tag("benchmark")
class BreachSendBenchmark {
    private static final int LEARNERS = Integer.getInteger("breach.learners", 230_000);

    @Test
    void outboxThroughputAgainstABareLoop() throws Exception {
        Path root = Path.of(System.getProperty("bench.dir", "target/bench-data"));
        Path data = root.resolve("breach-h2-" + LEARNERS);
        Files.createDirectories(data);
        StringBuilder report = new StringBuilder("# Breach-notice sending benchmark\n\n");
        report.append(String.format(Locale.ROOT, "Run %s; %d cores; load average %.2f at start.%n%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        try (DiscardingSmtpServer smtp = new DiscardingSmtpServer()) {
            MailSettings settings = new MailSettings("127.0.0.1", smtp.port(), false, null, null,
                    "security@northbridge.example", "Northbridge security");
            PlatformConfig config = PlatformConfig.embedded(data, 0).withLearners(LEARNERS)
                    .withMail(MailConfig.DEFAULT.withSmtp(settings));
            long t0 = System.nanoTime();
            try (Platform platform = Platform.start(config, StartupListener.NONE, Clock.systemUTC())) {
                report.append(String.format(Locale.ROOT, "Platform ready (sandbox of %,d learners) in %.1f s.%n%n",
                        LEARNERS, (System.nanoTime() - t0) / 1e9));
                Http http = new Http(platform.baseUri());
                String author = signIn(http, "nb-security", "JBSWY3DPEHPK3PXP");
                String approver = signIn(http, "nb-security2", "KRSXG5CTMVRXEZLU");
                IncidentRequest request = new IncidentRequest("Benchmark " + Instant.now(),
                        Instant.now().minus(Duration.ofHours(1)), null, null, "Benchmark incident.",
                        List.of(DataCategory.EMAIL), "", "Measures.", "Actions.", "privacy@northbridge.example",
                        BreachScope.allLearners(), null, null);
                IncidentDto draft = read(http.post(ApiPaths.BREACH_NOTICES, author, Json.mapper()
                        .writeValueAsString(request)));
                IncidentDto submitted = read(http.post(ApiPaths.breachNotice(draft.id()) + "/submit", author, ""));
                IncidentDto approved = read(http.post(ApiPaths.breachNotice(draft.id()) + "/approve", approver,
                        Json.mapper().writeValueAsString(new ApprovalRequest(submitted.textFingerprint(),
                                submitted.recipientsFingerprint()))));
                long emails = approved.progress().pending();

                // the same messages, rendered before the clock starts, for the bare loop
                Jdbc jdbc = new Jdbc(platform.database().dataSource());
                List<String[]> rows = jdbc.query("SELECT learner_id, address, message_id FROM notice_delivery WHERE "
                        + "incident_id = ? AND channel = 'EMAIL' AND status = 'PENDING' ORDER BY id",
                        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, draft.id());
                BreachRepository.IncidentRow row = new BreachRepository(jdbc).find("northbridge", draft.id())
                        .orElseThrow();
                NoticeTemplate.Facts facts = Rendered.facts(row, "Northbridge University");
                Map<String, RecipientRepository.Addressee> who = new HashMap<>();
                new RecipientRepository(jdbc).addressees(rows.stream().map(r -> r[0]).toList())
                        .forEach(a -> who.put(a.learnerId(), a));
                List<Rendered> rendered = new ArrayList<>(rows.size());
                for (String[] r : rows) {
                    rendered.add(Rendered.of(row.subject(), row.body(), facts, who.get(r[0])));
                }

                long bareStart = System.nanoTime();
                bareLoop(smtp.port(), rows, rendered);
                double bareSeconds = (System.nanoTime() - bareStart) / 1e9;
                long afterBare = smtp.messages();

                long sendStart = System.nanoTime();
                http.post(ApiPaths.breachNotice(draft.id()) + "/send", author, "");
                // polled in the database: an access token would expire during a long run
                String state;
                do {
                    Thread.sleep(200);
                    state = jdbc.queryOne("SELECT state FROM incident WHERE id = ?", rs -> rs.getString(1), draft.id())
                            .orElseThrow();
                } while (!IncidentState.SENT.name().equals(state));
                double outboxSeconds = (System.nanoTime() - sendStart) / 1e9;
                long sentRows = jdbc.queryOne("SELECT COUNT(*) FROM notice_delivery WHERE incident_id = ? AND status = "
                        + "'SENT'", rs -> rs.getLong(1), draft.id()).orElseThrow();
                long outboxMessages = smtp.messages() - afterBare;

                double bareRate = rows.size() / bareSeconds;
                double outboxRate = outboxMessages / outboxSeconds;
                report.append("| sender | messages | seconds | messages/s |\n|---|---|---|---|\n");
                report.append(String.format(Locale.ROOT,
                        "| bare Jakarta Mail loop, one connection | %,d | %.1f | %,.0f |%n",
                        rows.size(), bareSeconds, bareRate));
                report.append(String.format(Locale.ROOT,
                        "| platform outbox (claim, send, record) | %,d | %.1f | %,.0f |%n",
                        outboxMessages, outboxSeconds, outboxRate));
                report.append(String.format(Locale.ROOT, "%nOutbox / bare = %.0f%% (target ≥ 50%%): %s.%n",
                        100 * outboxRate / bareRate, outboxRate >= bareRate / 2 ? "PASS" : "FAIL"));
                System.out.println("\n" + report);
                Files.writeString(Path.of("target", "breach-benchmark-results.md"), report.toString());
                assertThat(sentRows).isEqualTo(emails);
                assertThat(outboxMessages).isEqualTo(emails);
            }
        }
    }

    private static void bareLoop(int port, List<String[]> rows, List<Rendered> rendered) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(p);
        InternetAddress from = new InternetAddress("security@northbridge.example", "Northbridge security",
                StandardCharsets.UTF_8.name());
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < rows.size(); i++) {
                Rendered r = rendered.get(i);
                String id = rows.get(i)[2];
                MimeMessage m = new MimeMessage(session) {
                    @Override
                    protected void updateMessageID() throws MessagingException {
                        setHeader("Message-ID", id);
                    }
                };
                m.setFrom(from);
                m.setRecipient(Message.RecipientType.TO, new InternetAddress(rows.get(i)[1], false));
                m.setSubject(r.subject(), "UTF-8");
                MimeBodyPart text = new MimeBodyPart();
                text.setText(r.text(), "UTF-8", "plain");
                MimeBodyPart html = new MimeBodyPart();
                html.setText(r.html(), "UTF-8", "html");
                m.setContent(new MimeMultipart("alternative", text, html));
                m.saveChanges();
                transport.sendMessage(m, m.getAllRecipients());
            }
        }
    }

    private static String signIn(Http http, String user, String secret) throws Exception {
        String body = "{\"username\":\"" + user + "\",\"password\":\"sandbox-password\",\"totp\":\""
                + Totp.code(secret, Totp.step(Instant.now())) + "\"}";
        return Json.mapper().readTree(http.post(ApiPaths.SESSION, null, body)).path("accessToken").asText();
    }

    /** POST and GET that fail loudly on anything but 2xx. */
    private record Http(URI base) {
        private static final HttpClient CLIENT = HttpClient.newHttpClient();

        String post(String path, String token, String json) throws Exception {
            var b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            return send(token == null ? b : b.header("Authorization", "Bearer " + token));
        }

        String get(String path, String token) throws Exception {
            return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization",
                    "Bearer " + token).GET());
        }

        private String send(HttpRequest.Builder b) throws Exception {
            var r = CLIENT.send(b.timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(r.uri().getPath() + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }
    }

    private static IncidentDto read(String body) throws Exception {
        return Json.tolerantMapper().readValue(body, IncidentDto.class);
    }
}
