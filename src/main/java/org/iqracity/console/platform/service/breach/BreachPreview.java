package org.iqracity.console.platform.service.breach;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iqracity.console.api.breach.BreachPreviewDto;
import org.iqracity.console.api.breach.BreachPreviewDto.JurisdictionCount;
import org.iqracity.console.api.breach.BreachPreviewDto.SampleLearner;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.api.breach.JurisdictionDto;
import org.iqracity.console.api.breach.NoticeChannel;
import org.iqracity.console.api.breach.NoticeMessageDto;
import org.iqracity.console.platform.service.AccessLog;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.store.BreachRepository;
import org.iqracity.console.platform.store.BreachRepository.IncidentRow;
import org.iqracity.console.platform.store.RecipientRepository;
import org.iqracity.console.platform.store.RecipientRepository.Addressee;

/**
 * What a notice would do before it does it: counts per channel and jurisdiction, and the text for one learner. Each
 * is logged (R12).
 */
public final class BreachPreview {
    /**
     * Usernames shown with the counts, so the officer recognises the scope: a handful, since stepping a narrow
     * scope (an enrollment-date range moved a day at a time) would otherwise list the Member's learners page by page.
     */
    static final int SAMPLE = 5;
    private static final int UNMATCHED_SHOWN = 1000;

    private final BreachService breaches;
    private final Jurisdictions jurisdictions;
    private final RecipientRepository recipients;
    private final BreachRepository incidents;
    private final AccessLog accessLog;

    public BreachPreview(BreachService breaches, Jurisdictions jurisdictions, RecipientRepository recipients,
                         BreachRepository incidents, AccessLog accessLog) {
        this.breaches = breaches;
        this.jurisdictions = jurisdictions;
        this.recipients = recipients;
        this.incidents = incidents;
        this.accessLog = accessLog;
    }

    public List<JurisdictionDto> jurisdictions(Caller caller) {
        BreachService.requireOfficer(caller);
        return jurisdictions.all();
    }

    public BreachPreviewDto preview(Caller caller, String id) {
        BreachService.requireOfficer(caller);
        IncidentRow row = breaches.visible(caller, id);
        ScopeResolutions.Resolved resolved = breaches.resolved(caller.memberId(), row);
        RecipientResolver.Resolution resolution = resolved.resolution();
        RecipientPlan plan = resolved.plan();
        long emailOnly = 0;
        long letterOnly = 0;
        long both = 0;
        long retired = 0;
        long noEmail = 0;
        long noAddress = 0;
        long unknown = 0;
        Map<String, long[]> perPlace = new LinkedHashMap<>();
        Map<String, RecipientPlan.Entry> firstOfPlace = new LinkedHashMap<>();
        List<String> sampleIds = new ArrayList<>();
        for (RecipientPlan.Entry e : plan.entries()) {
            if (e.learner().retired()) {
                retired++;
                continue;
            }
            boolean email = e.wantsEmail();
            boolean letter = e.wantsLetter();
            if (email && letter) {
                both++;
            } else if (email) {
                emailOnly++;
            } else if (letter) {
                letterOnly++;
            }
            if (email && !e.usableEmail()) {
                noEmail++;
            }
            if (letter && !e.hasMailingAddress()) {
                noAddress++;
            }
            if (!e.place().known()) {
                unknown++;
            }
            String key = e.place().label();
            perPlace.computeIfAbsent(key, k -> new long[1])[0]++;
            firstOfPlace.putIfAbsent(key, e);
            if (sampleIds.size() < SAMPLE) {
                sampleIds.add(e.learner().learnerId());
            }
        }
        List<JurisdictionCount> places = new ArrayList<>();
        perPlace.forEach((label, count) -> {
            Jurisdictions.Placement p = firstOfPlace.get(label).place();
            places.add(new JurisdictionCount(p.rule().country(), p.rule().region(), label, p.rule().email(),
                    p.rule().letter(), p.known(), count[0]));
        });
        places.sort((a, b) -> Long.compare(b.learners(), a.learners()));
        List<SampleLearner> sample = recipients.addressees(sampleIds).stream()
                .sorted((a, b) -> a.learnerId().compareTo(b.learnerId()))
                .map(a -> new SampleLearner(a.learnerId(), a.username())).toList();
        List<String> unmatched = resolution.unmatched();
        // Exact counts, small groups too: the officer sends the notice and must know how many are told, by which
        // channel and where. What bounds them is that each reading is on the record (R12), under the incident it
        // scopes, where every other officer reads it (docs/decisions/0005). Written before the counts leave.
        accessLog.record(AccessLog.by(caller, "BREACH_SCOPE_PREVIEW", "INCIDENT", row.id(), null));
        return new BreachPreviewDto(plan.size(), emailOnly, letterOnly, both, retired, noEmail, noAddress, unknown,
                places, unmatched.size(), unmatched.subList(0, Math.min(UNMATCHED_SHOWN, unmatched.size())), sample,
                plan.fingerprint());
    }

    /** The notice exactly as this learner would get it; logged, since it shows their name and address (R12). */
    public NoticeMessageDto message(Caller caller, String id, String learnerId) {
        BreachService.requireOfficer(caller);
        IncidentRow row = breaches.visible(caller, id);
        if (learnerId == null || learnerId.length() > 64) {
            throw PlatformException.notFound();
        }
        BreachScope scope = BreachService.scope(row);
        if (scope == null) {
            throw PlatformException.notFound();
        }
        RecipientPlan.Entry entry = RecipientPlan.of(List.of(breaches.resolver().one(caller.memberId(), scope,
                learnerId).orElseThrow(PlatformException::notFound)), jurisdictions).entries().getFirst();
        Addressee who = recipients.addressees(List.of(learnerId)).getFirst();
        String memberName = incidents.memberName(caller.memberId()).orElse(caller.memberName());
        Rendered r = Rendered.of(row, memberName, who);
        List<NoticeChannel> channels = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        if (entry.learner().retired()) {
            flags.add(RecipientPlan.RETIRED);
        }
        if (entry.wantsEmail()) {
            channels.add(NoticeChannel.EMAIL);
            if (!entry.usableEmail()) {
                flags.add(RecipientPlan.NO_EMAIL);
            }
        }
        if (entry.wantsLetter()) {
            channels.add(NoticeChannel.LETTER);
            if (who.mailingAddress() == null) {
                flags.add(RecipientPlan.NO_ADDRESS);
            }
        }
        if (!entry.place().known()) {
            flags.add("Jurisdiction not in the table: email is used by default.");
        }
        accessLog.record(AccessLog.by(caller, "BREACH_NOTICE_PREVIEW", "LEARNER", learnerId, null));
        // Only what the notice needs: the address of a channel this learner gets.
        return new NoticeMessageDto(learnerId, channels, entry.wantsEmail() && entry.usableEmail()
                && !entry.learner().retired() ? entry.learner().email() : null, r.subject(), r.text(), r.html(),
                entry.wantsLetter() ? who.mailingAddress() : null, flags);
    }
}
