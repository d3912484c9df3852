package org.iqracity.console.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.iqracity.console.platform.service.breach.MailTransport;
import org.junit.jupiter.api.Test;

/** What the SMTP transport makes of a server's answers: accepted, try later (4xx, unreachable), or never (5xx). */
class SmtpMailTransportTest {

    static MailTransport.Mail mail(String to) {
        return new MailTransport.Mail("<fixed-id-1@member.example>", to, "Notice of Data Breach — Zoë",
                "Dear Zoë,\n\nText.\n", "<p>Dear Zoë,</p>");
    }

    static MailSettings settings(int port) {
        return new MailSettings("127.0.0.1", port, false, null, null, "security@member.example", "Security");
    }

    @Test
    void aMessageArrivesWithItsFixedMessageIdAndBothParts() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        try (SmtpMailTransport transport = new SmtpMailTransport(settings(server.getSmtp().getPort()))) {
            assertThat(transport.send(mail("ada@learn.example"))).isInstanceOf(MailTransport.Accepted.class);
            assertThat(transport.send(mail("bo@learn.example"))).isInstanceOf(MailTransport.Accepted.class);
            var received = server.getReceivedMessages();
            assertThat(received).hasSize(2);
            assertThat(received[0].getMessageID()).isEqualTo("<fixed-id-1@member.example>");
            assertThat(received[0].getSubject()).isEqualTo("Notice of Data Breach — Zoë");
            String raw = new String(received[0].getRawInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(received[0].getContentType()).startsWith("multipart/alternative");
            assertThat(raw).isNotNull();
        } finally {
            server.stop();
        }
    }

    @Test
    void aRefusedAddressIsPermanentWithTheServersAnswerAndATemporaryRefusalIsRetried() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            try (SmtpMailTransport transport = new SmtpMailTransport(settings(server.port()))) {
                MailTransport.Outcome gone = transport.send(mail("gone@learn.example"));
                assertThat(gone).isInstanceOf(MailTransport.Permanent.class);
                assertThat(((MailTransport.Permanent) gone).answer()).contains("550").contains("no such mailbox");
                MailTransport.Outcome busy = transport.send(mail("busy@learn.example"));
                assertThat(busy).isInstanceOf(MailTransport.Transient.class);
                assertThat(((MailTransport.Transient) busy).answer()).contains("451");
                assertThat(((MailTransport.Transient) busy).serverUnavailable()).isFalse();
                assertThat(transport.send(mail("fine@learn.example"))).isInstanceOf(MailTransport.Accepted.class);
            }
            assertThat(server.accepted.get()).isEqualTo(1);
        }
    }

    @Test
    void anUnreachableServerIsTransientAndSaysWhere() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (SmtpMailTransport transport = new SmtpMailTransport(settings(port))) {
            MailTransport.Outcome o = transport.send(mail("ada@learn.example"));
            assertThat(o).isInstanceOf(MailTransport.Transient.class);
            assertThat(((MailTransport.Transient) o).serverUnavailable()).isTrue();
            assertThat(((MailTransport.Transient) o).answer()).contains("127.0.0.1:" + port)
                    .doesNotContain("Exception");
        }
    }

    /**
     * A message handed over in full (the final dot sent) whose answer never comes may have been delivered: it is
     * Unanswered, never Transient (which the sender retries, and a learner would read a breach notice twice) nor
     * Permanent (which an officer's "retry failed" sends again). A connection lost before the message started is
     * Transient: nothing can have been delivered.
     */
    @Test
    void aConnectionLostAfterTheWholeMessageIsUnansweredAndBeforeItsEndIsTransient() throws Exception {
        try (DroppingServer afterDot = new DroppingServer(true)) {
            try (SmtpMailTransport transport = new SmtpMailTransport(settings(afterDot.port()))) {
                MailTransport.Outcome o = transport.send(mail("ada@learn.example"));
                assertThat(o).isInstanceOf(MailTransport.Unanswered.class);
                assertThat(((MailTransport.Unanswered) o).answer()).contains("before the server answered")
                        .doesNotContain("ada@");
            }
            assertThat(afterDot.dotsReceived.get()).isEqualTo(1);
        }
        try (DroppingServer beforeDot = new DroppingServer(false)) {
            try (SmtpMailTransport transport = new SmtpMailTransport(settings(beforeDot.port()))) {
                assertThat(transport.send(mail("ada@learn.example"))).isInstanceOf(MailTransport.Transient.class);
            }
            assertThat(beforeDot.dotsReceived.get()).isZero();
        }
    }

    /** Drops the connection after reading a message to its final dot, or when the message is about to start. */
    static final class DroppingServer implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        final AtomicInteger dotsReceived = new AtomicInteger();

        DroppingServer(boolean afterDot) throws IOException {
            Thread.ofPlatform().daemon().start(() -> {
                try (Socket s = socket.accept();
                     var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                     OutputStream out = s.getOutputStream()) {
                    ScriptedServer.say(out, "220 dropping");
                    for (String line; (line = in.readLine()) != null; ) {
                        String upper = line.toUpperCase();
                        if (upper.startsWith("EHLO")) {
                            ScriptedServer.say(out, "250-dropping\r\n250 8BITMIME");
                        } else if (upper.startsWith("DATA")) {
                            if (!afterDot) {
                                // Gone before the message could start: nothing of it was handed over.
                                return;
                            }
                            ScriptedServer.say(out, "354 go");
                            while (!".".equals(in.readLine())) {
                                // the message
                            }
                            dotsReceived.incrementAndGet();
                            // no answer: the connection goes
                            return;
                        } else {
                            ScriptedServer.say(out, "250 OK");
                        }
                    }
                } catch (IOException e) {
                    // test over
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** An SMTP server that refuses gone@ for good (550) and busy@ for now (451), and takes anything else. */
    static final class ScriptedServer implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        final AtomicInteger accepted = new AtomicInteger();

        ScriptedServer() throws IOException {
            Thread.ofPlatform().daemon().start(() -> {
                try (Socket s = socket.accept();
                     var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                     OutputStream out = s.getOutputStream()) {
                    say(out, "220 scripted");
                    for (String line; (line = in.readLine()) != null; ) {
                        String upper = line.toUpperCase();
                        if (upper.startsWith("EHLO")) {
                            say(out, "250-scripted\r\n250 8BITMIME");
                        } else if (upper.startsWith("RCPT") && upper.contains("GONE@")) {
                            say(out, "550 5.1.1 no such mailbox here");
                        } else if (upper.startsWith("RCPT") && upper.contains("BUSY@")) {
                            say(out, "451 4.3.0 mailbox busy, try later");
                        } else if (upper.startsWith("DATA")) {
                            say(out, "354 go");
                            while (!".".equals(in.readLine())) {
                                // the message
                            }
                            accepted.incrementAndGet();
                            say(out, "250 OK");
                        } else if (upper.startsWith("QUIT")) {
                            say(out, "221 bye");
                            return;
                        } else {
                            say(out, "250 OK");
                        }
                    }
                } catch (IOException e) {
                    // test over
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        private static void say(OutputStream out, String s) throws IOException {
            out.write((s + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
