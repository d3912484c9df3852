package org.iqracity.console.platform;

import org.iqracity.console.platform.mail.MailSettings;
import org.iqracity.console.platform.service.breach.NoticeSender;

/**
 * Breach-notice mail. {@code smtp} null: a sandbox platform files mail in its local mailbox, a production one has no
 * mail server and says so instead of sending.
 */
public record MailConfig(MailSettings smtp, NoticeSender.Backoff backoff, String sandboxFrom) {
    public static final MailConfig DEFAULT = new MailConfig(null, NoticeSender.Backoff.STANDARD,
            "breach-notices@sandbox.iqracity.example");

    public MailConfig withSmtp(MailSettings settings) {
        return new MailConfig(settings, backoff, sandboxFrom);
    }

    public MailConfig withBackoff(NoticeSender.Backoff b) {
        return new MailConfig(smtp, b, sandboxFrom);
    }
}
