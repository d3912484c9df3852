package org.iqracity.console.platform.service.breach;

/**
 * Hands messages to a mail server, keeping one connection open between them. Implementations say what the server
 * answered; they never throw for a server's refusal.
 */
public interface MailTransport extends AutoCloseable {

    /**
     * One message: the Message-ID is fixed per delivery record, so any resend carries the same one. {@code html} is
     * null for a plain-text message.
     */
    record Mail(String messageId, String to, String subject, String text, String html) {
    }

    /** What became of one message. */
    sealed interface Outcome {
    }

    /** The server took the message (250 after the data). */
    record Accepted() implements Outcome {
    }

    /** A 4xx answer, or the connection failed before the whole message was handed over: try again later. */
    record Transient(String answer, boolean serverUnavailable) implements Outcome {
    }

    /**
     * The whole message went to the server, ending with its final dot, and the connection failed before the server
     * answered: it may have been delivered. Sending it again could tell a learner twice, so it is never sent again
     * without an officer's word.
     */
    record Unanswered(String answer) implements Outcome {
    }

    /** A 5xx answer: the server will not take it, trying again will not help. */
    record Permanent(String answer) implements Outcome {
    }

    Outcome send(Mail mail);

    @Override
    void close();
}
