package org.iqracity.console.platform.service.breach;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.Placeholders;

/**
 * The notice text: a subject and a body with {@code {{placeholders}}}, filled per learner. Lines of the body that
 * start with "# " are headings; blank lines separate paragraphs. Values are inserted as text, never as markup.
 */
public final class NoticeTemplate {
    public static final Set<String> PLACEHOLDERS = Set.of("learner_name", "username", "member_name", "incident_title",
            "discovered_date", "occurred", "what_happened", "data_involved", "measures", "learner_actions", "contact");
    private static final Pattern PLACEHOLDER = Placeholders.PATTERN;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public static final String DEFAULT_SUBJECT = "Notice of Data Breach from {{member_name}}";
    public static final String DEFAULT_BODY = """
            Dear {{learner_name}},

            We are writing to let you know about a security incident at {{member_name}} that involved some of \
            the information we hold about you as a learner in our courses.

            # What happened
            {{what_happened}}

            It took place {{occurred}}; we found out on {{discovered_date}}.

            # What information was involved
            {{data_involved}}

            # What we are doing
            {{measures}}

            # What you can do
            {{learner_actions}}

            # For more information
            {{contact}}

            {{member_name}}
            """;

    private NoticeTemplate() {
    }

    /** Placeholders used in the text that are not known, in order of appearance. */
    public static List<String> unknownPlaceholders(String text) {
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1)) && !unknown.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    /** The facts of an incident that fill the placeholders common to every learner. */
    public record Facts(String memberName, String title, Instant discoveredAt, Instant occurredFrom,
                        Instant occurredTo, String whatHappened, List<DataCategory> categories, String measures,
                        String learnerActions, String contact) {
    }

    public static Map<String, String> values(Facts facts, String learnerName, String username) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("learner_name", learnerName == null || learnerName.isBlank() ? username : learnerName);
        v.put("username", username);
        v.put("member_name", facts.memberName());
        v.put("incident_title", facts.title());
        v.put("discovered_date", DATE.format(facts.discoveredAt()));
        v.put("occurred", occurred(facts.occurredFrom(), facts.occurredTo()));
        v.put("what_happened", facts.whatHappened());
        v.put("data_involved", involved(facts.categories()));
        v.put("measures", facts.measures());
        v.put("learner_actions", facts.learnerActions());
        v.put("contact", facts.contact());
        return v;
    }

    public static String fill(String template, Map<String, String> values) {
        return Placeholders.fill(template, values);
    }

    /** The filled body as plain text: headings lose their marker and are underlined. */
    public static String text(String filledBody) {
        StringBuilder out = new StringBuilder();
        for (String line : filledBody.split("\n", -1)) {
            if (line.startsWith("# ")) {
                String heading = line.substring(2).strip();
                out.append(heading).append('\n').append("-".repeat(heading.length())).append('\n');
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString().stripTrailing() + "\n";
    }

    /** The filled body as a small, self-contained HTML document. */
    public static String html(String subject, String filledBody) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(subject)).append("</title></head>\n<body style=\"font-family:sans-serif;")
                .append("max-width:40em;line-height:1.45\">\n");
        for (Block block : blocks(filledBody)) {
            if (block.heading()) {
                out.append("<h2 style=\"font-size:1.1em\">").append(escape(block.text())).append("</h2>\n");
            } else {
                out.append("<p>").append(escape(block.text()).replace("\n", "<br>\n")).append("</p>\n");
            }
        }
        return out.append("</body></html>\n").toString();
    }

    /** Headings and paragraphs, in order; used by the HTML mail and the printed letter alike. */
    public record Block(boolean heading, String text) {
    }

    public static List<Block> blocks(String filledBody) {
        List<Block> blocks = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        for (String line : filledBody.split("\n", -1)) {
            if (line.startsWith("# ")) {
                flush(blocks, para);
                blocks.add(new Block(true, line.substring(2).strip()));
            } else if (line.isBlank()) {
                flush(blocks, para);
            } else {
                if (!para.isEmpty()) {
                    para.append('\n');
                }
                para.append(line);
            }
        }
        flush(blocks, para);
        return blocks;
    }

    private static void flush(List<Block> blocks, StringBuilder para) {
        if (!para.isEmpty()) {
            blocks.add(new Block(false, para.toString()));
            para.setLength(0);
        }
    }

    static String occurred(Instant from, Instant to) {
        if (from == null && to == null) {
            return "at a time we are still establishing";
        }
        if (to == null || (from != null && DATE.format(from).equals(DATE.format(to)))) {
            return "on " + DATE.format(from != null ? from : to);
        }
        if (from == null) {
            return "before " + DATE.format(to);
        }
        return "between " + DATE.format(from) + " and " + DATE.format(to);
    }

    static String involved(List<DataCategory> categories) {
        if (categories.isEmpty()) {
            return "We are still establishing which information was involved.";
        }
        List<String> names = categories.stream().map(NoticeTemplate::describe).toList();
        return "The information involved: " + String.join("; ", names) + ".";
    }

    public static String describe(DataCategory category) {
        return switch (category) {
            case NAME -> "your name";
            case USERNAME -> "your username";
            case EMAIL -> "your email address";
            case LOCATION -> "your country and region";
            case DEMOGRAPHICS -> "your year of birth, gender and level of education, where you gave them";
            case GOALS_AND_BIO -> "the goals and short biography in your profile";
            case MAILING_ADDRESS -> "your mailing address";
            case PERFORMANCE -> "your grades and progress in our courses";
            case ACTIVITY -> "your course activity, such as when you last took part";
        };
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
