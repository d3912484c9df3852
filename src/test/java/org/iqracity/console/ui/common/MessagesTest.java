package org.iqracity.console.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
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
    void aCountOfOneReadsInTheSingularInEveryMessage() throws Exception {
        // every message formatted with 1 wherever a number goes: "1 learners" is the bug, "1 is" a verb
        Pattern pluralAfterOne = Pattern.compile("\\b1 (?!(?:is|was|has|goes|as|sees|reads|does|says)\\b)[a-z]+s\\b");
        Properties properties = properties();
        List<String> wrong = new ArrayList<>();
        for (String key : properties.stringPropertyNames()) {
            String pattern = properties.getProperty(key);
            if (!pattern.matches("(?s).*\\{\\d.*") || pattern.contains("{{")) {
                continue; // not a MessageFormat pattern: plain text, or a notice template with {{placeholders}}
            }
            MessageFormat format = new MessageFormat(pattern, Locale.ENGLISH);
            Format[] formats = format.getFormatsByArgumentIndex();
            Object[] ones = new Object[formats.length + 1];
            for (int i = 0; i < ones.length; i++) {
                ones[i] = i < formats.length && formats[i] instanceof DateFormat ? new Date(0) : 1;
            }
            Matcher m = pluralAfterOne.matcher(format.format(ones));
            if (m.find()) {
                wrong.add(key + ": " + m.group());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void noMessageNamesAnAccessRuleByItsNumber() throws Exception {
        // "R11" means nothing to a course administrator: the words say what the rule does instead
        assertThat(messagesMatching(Pattern.compile("\\bR1?[0-9]\\b"))).isEmpty();
    }

    @Test
    void noMessageHoldsCharactersEncodedTwice() throws Exception {
        // A quotation mark saved as UTF-8, read back as Latin-1 and saved again shows as "\u00e2\u0080\u009c"
        Properties utf8 = new Properties();
        try (Reader in = new InputStreamReader(Messages.class.getResourceAsStream(
                "/org/iqracity/console/ui/messages.properties"), StandardCharsets.UTF_8)) {
            utf8.load(in);
        }
        Pattern twice = Pattern.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf]");
        assertThat(utf8.stringPropertyNames().stream().filter(k -> twice.matcher(utf8.getProperty(k)).find())
                .sorted().toList()).isEmpty();
    }

    private static List<String> messagesMatching(Pattern pattern) throws IOException {
        Properties properties = properties();
        return properties.stringPropertyNames().stream()
                .filter(k -> pattern.matcher(properties.getProperty(k)).find())
                .map(k -> k + "=" + properties.getProperty(k)).sorted().toList();
    }

    private static Properties properties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/org/iqracity/console/ui/messages.properties")) {
            properties.load(in);
        }
        return properties;
    }
}
