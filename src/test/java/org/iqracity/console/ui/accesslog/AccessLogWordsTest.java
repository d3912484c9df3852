package org.iqracity.console.ui.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.iqracity.console.ui.common.Messages;
import org.junit.jupiter.api.Test;

/** Security officers read the access log in words: every action the platform writes has some. */
class AccessLogWordsTest {
    private final Messages messages = Messages.english();

    @Test
    void everyActionOnOfferHasWordsOfItsOwn() {
        for (String action : AccessLogWords.ACTIONS) {
            assertThat(messages.get("accessLog.action." + action)).as(action).doesNotStartWith("!");
        }
    }

    /**
     * The platform's action codes, read from its sources: an action added there without words here would show as
     * its code and be missing from the filter.
     */
    @Test
    void everyActionThePlatformRecordsIsOnOffer() throws IOException {
        Pattern code = Pattern.compile("\"([A-Z]+(?:_[A-Z]+)+)\"");
        Set<String> recorded = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/iqracity/console/platform/service"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f);
                if (!source.contains("AccessLog")) {
                    continue;
                }
                Matcher m = code.matcher(source);
                while (m.find()) {
                    recorded.add(m.group(1));
                }
            }
        }
        // kinds of object, and incident timeline events, that sit beside the actions in those files
        recorded.removeAll(Set.of("ACCESS_LOG", "COURSE_TRACKING", "SPONSOR_RELEASE", "NOTICE_DELIVERY",
                "ROSTER_CONVERSION", "SITE_NOTICE_PROPOSED", "SITE_NOTICE_POSTED",
                "SITE_NOTICE_WITHDRAWN", "REGULATOR_NOTIFIED", "APPROVERS_TOLD"));
        assertThat(recorded).isNotEmpty().contains("LEARNER_VIEW", "ROSTER_CONVERT", "ACCESS_NOT_FOUND");
        assertThat(AccessLogWords.ACTIONS).containsAll(recorded);
    }

    @Test
    void aRefusalReadsAsARefusal() {
        AccessLogWords words = new AccessLogWords(messages);
        assertThat(words.outcome("DENIED")).isEqualTo("Refused");
        assertThat(words.action("ACCESS_NOT_FOUND")).isEqualTo("Asked for something not theirs or missing");
    }
}
