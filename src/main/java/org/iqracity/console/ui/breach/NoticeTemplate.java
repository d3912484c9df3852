package org.iqracity.console.ui.breach;

import java.util.List;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.ui.common.Messages;

/**
 * The notice a draft starts from: the usual five headings (what happened, what information was involved, what we are
 * doing, what you can do, for more information) with the incident facts the officer wrote placed under them, and
 * placeholders the platform fills per learner. Lines starting with "# " are headings.
 */
public final class NoticeTemplate {

    /** The placeholders the platform fills, as offered in the editor's menu. */
    public static final List<String> PLACEHOLDERS = List.of("{{learner_name}}", "{{member_name}}",
            "{{incident_title}}", "{{contact}}");

    private final Messages messages;
    private final BreachWords words;

    public NoticeTemplate(Messages messages) {
        this.messages = messages;
        this.words = new BreachWords(messages);
    }

    public String subject() {
        return messages.get("breach.template.subject");
    }

    /** The body with the facts as they are now; an empty fact leaves a prompt in brackets to replace. */
    public String body(String whatHappened, List<DataCategory> categories, String measures, String learnerActions) {
        StringBuilder b = new StringBuilder();
        b.append(messages.get("breach.template.greeting")).append("\n\n");
        b.append(messages.get("breach.template.intro")).append("\n\n");
        section(b, "breach.template.heading.what", or(whatHappened, "breach.template.prompt.what"));
        section(b, "breach.template.heading.information", categories.isEmpty()
                ? messages.get("breach.template.prompt.information")
                : messages.format("breach.template.information", words.categories(categories)));
        section(b, "breach.template.heading.doing", or(measures, "breach.template.prompt.doing"));
        section(b, "breach.template.heading.you", or(learnerActions, "breach.template.prompt.you"));
        section(b, "breach.template.heading.more", messages.get("breach.template.more"));
        b.append(messages.get("breach.template.signature"));
        return b.toString();
    }

    private void section(StringBuilder b, String headingKey, String text) {
        b.append("# ").append(messages.get(headingKey)).append('\n').append(text.strip()).append("\n\n");
    }

    private String or(String fact, String promptKey) {
        return fact == null || fact.isBlank() ? messages.get(promptKey) : fact;
    }
}
