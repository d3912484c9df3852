package org.iqracity.console.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The console's words: counts read as English does, and no "(s)" left for the reader to sort out. */
class MessagesTest {
    private final Messages messages = Messages.english();

    @Test
    void oneCourseAndSeveralCoursesReadAsWords() {
        Date until = new Date(0);
        assertThat(messages.format("exports.done", 120, 1, "roster.iqroster", until))
                .startsWith("120 rows of 1 course written");
        assertThat(messages.format("exports.done", 1_200, 3, "roster.iqroster", until))
                .startsWith("1,200 rows of 3 courses written");
        assertThat(messages.format("offline.banner.exported", "Nora", "nb-admin", "Northbridge", "today", "tomorrow",
                40, 1)).contains("40 rows from 1 course.");
    }

    @Test
    void noMessageLeavesItsPluralToTheReader() throws Exception {
        Pattern sloppy = Pattern.compile("\\w\\(s\\)");
        assertThat(messagesMatching(sloppy)).isEmpty();
    }

    @Test
    void noMessageNamesAnAccessRuleByItsNumber() throws Exception {
        // "R11" means nothing to a course administrator: the words say what the rule does instead
        assertThat(messagesMatching(Pattern.compile("\\bR1?[0-9]\\b"))).isEmpty();
    }

    private static List<String> messagesMatching(Pattern pattern) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/org/iqracity/console/ui/messages.properties")) {
            properties.load(in);
        }
        return properties.stringPropertyNames().stream()
                .filter(k -> pattern.matcher(properties.getProperty(k)).find())
                .map(k -> k + "=" + properties.getProperty(k)).sorted().toList();
    }
}
