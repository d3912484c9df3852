package org.iqracity.console.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
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
        var properties = new java.util.Properties();
        try (var in = Messages.class.getResourceAsStream("/org/iqracity/console/ui/messages.properties")) {
            properties.load(in);
        }
        Pattern sloppy = Pattern.compile("\\w\\(s\\)");
        assertThat(properties.stringPropertyNames()).filteredOn(k -> sloppy.matcher(properties.getProperty(k)).find())
                .isEmpty();
    }
}
