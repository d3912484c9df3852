package org.iqracity.console.api.breach;

import java.time.Instant;

/** One learner on one channel. {@code error} is the mail server's answer for a failure, never a stack trace. */
public record DeliveryDto(long id, String learnerId, String username, NoticeChannel channel, DeliveryStatus status,
                          int attempts, Instant lastAttemptAt, Instant sentAt, String error, String messageId,
                          String jurisdiction) {
}
