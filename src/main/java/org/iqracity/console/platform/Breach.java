package org.iqracity.console.platform;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.iqracity.console.platform.mail.MailSettings;
import org.iqracity.console.platform.mail.SandboxMailbox;
import org.iqracity.console.platform.mail.SmtpMailTransport;
import org.iqracity.console.platform.service.AccessLog;
import org.iqracity.console.platform.service.Lease;
import org.iqracity.console.platform.service.NodeLease;
import org.iqracity.console.platform.service.breach.BreachPreview;
import org.iqracity.console.platform.service.breach.BreachRecords;
import org.iqracity.console.platform.service.breach.BreachService;
import org.iqracity.console.platform.service.breach.Jurisdictions;
import org.iqracity.console.platform.service.breach.MailTransport;
import org.iqracity.console.platform.service.breach.NoticeSender;
import org.iqracity.console.platform.store.BreachRepository;
import org.iqracity.console.platform.store.DeliveryRepository;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.RecipientRepository;

/** Breach notices wired: services, the background sender and, in a sandbox without SMTP, the local mailbox. */
record Breach(BreachService service, BreachPreview preview, BreachRecords records, NoticeSender sender,
              SandboxMailbox mailbox) implements AutoCloseable {

    /**
     * Wires breach notices and starts the sender. {@code shared}: the lease of this node on a shared database, whose
     * heartbeat then also settles the claims of nodes whose lease ran out; null for the one node of an embedded
     * database, which settles what its own last run left in flight.
     */
    static Breach start(PlatformConfig config, Jdbc jdbc, AccessLog accessLog, Clock clock, Lease lease,
                        NodeLease shared) {
        MailConfig mail = config.mail();
        SandboxMailbox mailbox = null;
        MailSettings smtp = mail.smtp();
        if (smtp == null && config.sandbox() && config.dataDir() != null) {
            mailbox = SandboxMailbox.start(config.dataDir().resolve("sandbox-mailbox"));
            smtp = new MailSettings("127.0.0.1", mailbox.port(), false, null, null, mail.sandboxFrom(),
                    "Breach notices (sandbox)");
        }
        MailSettings settings = smtp;
        Supplier<MailTransport> transports = settings == null ? NoMailServer::new
                : () -> new SmtpMailTransport(settings);
        String domain = settings == null ? "localhost" : settings.domain();
        BreachRepository incidents = new BreachRepository(jdbc);
        DeliveryRepository deliveries = new DeliveryRepository(jdbc);
        RecipientRepository recipients = new RecipientRepository(jdbc);
        Jurisdictions jurisdictions = Jurisdictions.bundled();
        NoticeSender sender = new NoticeSender(jdbc, incidents, deliveries, recipients, accessLog, transports,
                mail.backoff(), clock, lease);
        BreachService service = new BreachService(jdbc, incidents, deliveries, recipients, jurisdictions, accessLog,
                clock, domain, sender::wake);
        BreachPreview preview = new BreachPreview(service, jurisdictions, recipients, incidents, accessLog);
        BreachRecords records = new BreachRecords(service, jdbc, incidents, deliveries, recipients, accessLog,
                sender::wake);
        if (shared == null) {
            sender.settleEarlierRuns();
        } else {
            sender.settleLapsedClaims();
            shared.everyBeat(sender::settleLapsedClaims);
        }
        sender.start();
        return new Breach(service, preview, records, sender, mailbox);
    }

    Optional<Path> mailboxFolder() {
        return Optional.ofNullable(mailbox).map(SandboxMailbox::folder);
    }

    @Override
    public void close() {
        try {
            sender.close();
        } finally {
            if (mailbox != null) {
                mailbox.close();
            }
        }
    }

    /** A platform without a mail server: every message waits, with a reason an officer can act on. */
    private static final class NoMailServer implements MailTransport {
        @Override
        public Outcome send(Mail mail) {
            return new Transient("No mail server is configured: start the platform with --smtp.", true);
        }

        @Override
        public void close() {
        }
    }
}
