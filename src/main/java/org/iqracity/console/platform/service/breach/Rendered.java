package org.iqracity.console.platform.service.breach;

import java.util.Map;
import org.iqracity.console.platform.store.BreachRepository.IncidentRow;
import org.iqracity.console.platform.store.RecipientRepository.Addressee;

/** A notice filled in for one learner: subject, plain text and HTML, and the filled body for a letter. */
public record Rendered(String subject, String body, String text, String html) {

    public static NoticeTemplate.Facts facts(IncidentRow row, String memberName) {
        return new NoticeTemplate.Facts(memberName, row.title(), row.discoveredAt(), row.occurredFrom(),
                row.occurredTo(), row.whatHappened(), BreachService.categories(row.dataCategories()), row.measures(),
                row.learnerActions(), row.contact());
    }

    public static Rendered of(IncidentRow row, String memberName, Addressee who) {
        return of(row.subject(), row.body(), facts(row, memberName), who);
    }

    public static Rendered of(String subjectTemplate, String bodyTemplate, NoticeTemplate.Facts facts, Addressee who) {
        Map<String, String> values = NoticeTemplate.values(facts, who.name(), who.username());
        String subject = NoticeTemplate.fill(subjectTemplate, values).replaceAll("[\\r\\n]+", " ").strip();
        String body = NoticeTemplate.fill(bodyTemplate, values);
        return new Rendered(subject, body, NoticeTemplate.text(body), NoticeTemplate.html(subject, body));
    }
}
