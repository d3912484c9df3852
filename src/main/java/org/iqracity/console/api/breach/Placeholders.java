package org.iqracity.console.api.breach;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{name}}} placeholders of a breach notice's template, read the same way by the platform (which fills
 * them for each learner) and the console (which shows the officer the text as learners will read it).
 */
public final class Placeholders {
    /** {@code {{ name }}}: letters and underscores, spaces inside the braces allowed. */
    public static final Pattern PATTERN = Pattern.compile("\\{\\{\\s*([a-zA-Z_]+)\\s*}}");

    private Placeholders() {
    }

    /** {@code template} with each placeholder that {@code values} names replaced; the others are left as written. */
    public static String fill(String template, Map<String, String> values) {
        Matcher m = PATTERN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
