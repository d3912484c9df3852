package org.iqracity.console.platform.service.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iqracity.console.api.breach.ApprovalRequest;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.platform.mail.MailSettings;
import org.iqracity.console.platform.mail.SmtpMailTransport;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.Lease;
import org.iqracity.console.platform.service.ServiceSandbox;
import org.iqracity.console.platform.store.BreachRepository;
import org.iqracity.console.platform.store.DeliveryRepository;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.RecipientRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that may have lost its lease (it could not renew it for half its length) claims and sends nothing: another
 * node may already be putting its claims in doubt. Once the lease is renewed it sends, each message once. The sandbox
 * without HTTP, a real SMTP server, and a lease the test holds or lets go.
 */
class NoticeSenderLeaseTest {
    static final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));

    @Test
    void r8ASenderWhoseLeaseMayHaveRunOutSendsNothingUntilItIsRenewed(@TempDir Path dir) throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        AtomicBoolean held = new AtomicBoolean(false);
        Lease lease = new Lease() {
            @Override
            public String holder() {
                return "node-a#1";
            }

            @Override
            public boolean held() {
                return held.get();
            }
        };
        try (ServiceSandbox sandbox = ServiceSandbox.load(dir, 100, clock)) {
            Jdbc jdbc = sandbox.jdbc();
            jdbc.update("UPDATE staff SET email = NULL");
            BreachRepository incidents = new BreachRepository(jdbc);
            DeliveryRepository deliveries = new DeliveryRepository(jdbc);
            BreachService breaches = new BreachService(jdbc, incidents, deliveries, new RecipientRepository(jdbc),
                    Jurisdictions.bundled(), sandbox.accessLog(), clock, "localhost", () -> { });
            Caller author = sandbox.caller("nb-security");
            String course = jdbc.queryOne("SELECT id FROM course WHERE member_id = 'northbridge' AND "
                    + "enrollment_count > 0 ORDER BY enrollment_count DESC, id", rs -> rs.getString(1)).orElseThrow();
            IncidentDto submitted = breaches.submit(author, breaches.create(author,
                    BreachServiceTest.request("Lease", BreachServiceTest.courseScope(course))).id());
            IncidentDto approved = breaches.approve(sandbox.caller("nb-security2"), submitted.id(),
                    new ApprovalRequest(submitted.textFingerprint(), submitted.recipientsFingerprint()));
            long emails = approved.progress().pending();
            assertThat(emails).isPositive();
            breaches.send(author, submitted.id());
            MailSettings smtp = new MailSettings("127.0.0.1", mail.getSmtp().getPort(), false, null, null,
                    "security@northbridge.example", "Northbridge security");
            try (NoticeSender sender = new NoticeSender(jdbc, incidents, deliveries, new RecipientRepository(jdbc),
                    sandbox.accessLog(), () -> new SmtpMailTransport(smtp), NoticeSender.Backoff.STANDARD, clock,
                    lease).start()) {
                Thread.sleep(1_500);
                assertThat(mail.getReceivedMessages()).as("sent without a lease").isEmpty();
                assertThat(jdbc.queryOne("SELECT COUNT(*) FROM notice_delivery WHERE status = 'IN_FLIGHT'",
                        rs -> rs.getLong(1))).as("claimed without a lease").hasValue(0L);

                held.set(true);
                clock.advance(Duration.ofSeconds(2)); // past the pause the sender took, on the platform's clock
                sender.wake();
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (mail.getReceivedMessages().length < emails && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
                assertThat(mail.getReceivedMessages()).hasSize((int) emails);
                assertThat(jdbc.queryOne("SELECT COUNT(DISTINCT claimed_by) FROM notice_delivery WHERE status = "
                        + "'SENT'", rs -> rs.getString(1))).hasValue("1");
            }
        } finally {
            mail.stop();
        }
    }
}
