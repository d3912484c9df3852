package org.iqracity.console.platform.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.iqracity.console.platform.service.breach.MailTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Real SMTP through Jakarta Mail (Angus), one connection reused across messages and reopened when it drops. */
public final class SmtpMailTransport implements MailTransport {
    private static final Logger LOGGER = LoggerFactory.getLogger(SmtpMailTransport.class);

    private final MailSettings settings;
    private final Session session;
    private final InternetAddress from;
    private static final long IDLE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(20);

    private HandOverTransport transport;
    private long lastUsed;

    public SmtpMailTransport(MailSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", Integer.toString(settings.port()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "30000");
        p.put("mail.smtp.writetimeout", "30000");
        p.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        p.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        p.put("mail.smtp.auth", Boolean.toString(settings.username() != null));
        p.put("mail.smtp.quitwait", "false");
        this.session = Session.getInstance(p);
        try {
            this.from = new InternetAddress(settings.fromAddress(), settings.fromName(), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Outcome send(Mail mail) {
        try {
            connect();
        } catch (MessagingException e) {
            close();
            return new Transient("Could not reach the mail server " + settings.host() + ":" + settings.port() + " ("
                    + reason(e) + ")", true);
        }
        MimeMessage message;
        try {
            message = message(mail);
        } catch (MessagingException e) {
            return new Permanent("The message could not be built: " + reason(e));
        }
        try {
            transport.handedOver = false;
            transport.sendMessage(message, message.getAllRecipients());
            return new Accepted();
        } catch (SMTPSendFailedException e) {
            // No reply code (-1): the connection went before the server answered, which is no answer at all.
            return e.getReturnCode() < 200 ? connectionLost(e) : answer(e.getReturnCode(), e.getMessage());
        } catch (SendFailedException e) {
            for (Exception next = e.getNextException(); next != null;
                 next = next instanceof MessagingException m ? m.getNextException() : null) {
                if (next instanceof SMTPAddressFailedException a) {
                    return a.getReturnCode() < 200 ? connectionLost(e) : answer(a.getReturnCode(), a.getMessage());
                }
            }
            return new Permanent("The mail server refused the address: " + reason(e));
        } catch (MessagingException e) {
            return connectionLost(e);
        }
    }

    /**
     * The connection failed mid-message. After the whole message went (its final dot), it may have been delivered:
     * Unanswered. Before that, nothing can have been: Transient, to be tried again.
     */
    private Outcome connectionLost(MessagingException e) {
        boolean handedOver = transport != null && transport.handedOver;
        close();
        if (handedOver) {
            return new Unanswered("The connection to the mail server failed after the whole message was handed "
                    + "over, before the server answered: " + reason(e));
        }
        return new Transient("The connection to the mail server failed: " + reason(e), true);
    }

    /**
     * SMTP that notes when a message's end (the final dot) is about to go: a failure after that point may follow a
     * delivery, one before it cannot.
     */
    private static final class HandOverTransport extends SMTPTransport {
        volatile boolean handedOver;

        HandOverTransport(Session session, URLName url) {
            super(session, url);
        }

        @Override
        protected void finishData() throws IOException, MessagingException {
            handedOver = true;
            super.finishData();
        }
    }

    private static Outcome answer(int code, String text) {
        String answer = (text == null ? Integer.toString(code) : text.strip());
        return code >= 400 && code < 500 ? new Transient(answer, false) : new Permanent(answer);
    }

    private void connect() throws MessagingException {
        // Not transport.isConnected(): on SMTP that sends a NOOP and waits for it, a round trip per message. A
        // connection that broke shows as a failed send, which closes it, and the next send connects again.
        // Servers drop idle clients (commonly after a minute or so): a connection idle that long is replaced before
        // use rather than found dead halfway through a message.
        if (transport != null && System.nanoTime() - lastUsed > IDLE_LIMIT_NANOS) {
            close();
        }
        lastUsed = System.nanoTime();
        if (transport != null) {
            return;
        }
        transport = new HandOverTransport(session, new URLName("smtp", settings.host(), settings.port(), null, null,
                null));
        if (settings.username() != null) {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
        } else {
            transport.connect();
        }
    }

    private MimeMessage message(Mail mail) throws MessagingException {
        MimeMessage m = new FixedIdMessage(session, mail.messageId());
        m.setFrom(from);
        m.setRecipients(Message.RecipientType.TO, new Address[] {new InternetAddress(mail.to(), false)});
        m.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        m.setSentDate(new Date());
        m.setHeader("Auto-Submitted", "auto-generated");
        if (mail.html() == null) {
            m.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            m.setContent(new MimeMultipart("alternative", text, html));
        }
        m.saveChanges();
        return m;
    }

    /** Keeps the Message-ID the delivery record fixed, instead of a new one per send. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage();
        return text == null || text.isBlank() ? "no answer" : text.strip();
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOGGER.debug("Closing the SMTP connection failed", e);
            }
            transport = null;
        }
    }
}
