package org.iqracity.console.api.breach;

import java.util.List;

/** The notice as one learner would receive it. {@code emailTo} or {@code letterAddress} is null where unknown. */
public record NoticeMessageDto(String learnerId, List<NoticeChannel> channels, String emailTo, String subject,
                               String text, String html, String letterAddress, List<String> flags) {
}
