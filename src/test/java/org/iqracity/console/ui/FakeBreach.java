package org.iqracity.console.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.iqracity.console.api.Page;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.breach.BreachPreviewDto;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.DeliveryDto;
import org.iqracity.console.api.breach.DeliveryProgressDto;
import org.iqracity.console.api.breach.DeliveryResolution;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.IncidentSummaryDto;
import org.iqracity.console.api.breach.JurisdictionDto;
import org.iqracity.console.api.breach.NoticeChannel;
import org.iqracity.console.api.breach.NoticeMessageDto;
import org.iqracity.console.api.breach.RegulatorNotification;
import org.iqracity.console.api.breach.RegulatorNotificationRequest;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.api.breach.SiteNoticeDto;
import org.iqracity.console.api.breach.SiteNoticeRequest;
import org.iqracity.console.api.breach.TimelineEntryDto;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.client.BreachClient;
import org.iqracity.console.client.Versioned;

/**
 * Breach notices in memory with the platform's rules as the contract states them: If-Match on drafts, a second
 * officer approves, fingerprints must match, sending advances each time the incident is read.
 */
public final class FakeBreach {

    public static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    /** Who calls now (display name, as the platform records it). */
    public String actor = "Nadia Ta";
    /** What /preview answers for a scope; by default counts that follow the scope's filters. */
    public Function<BreachScope, BreachPreviewDto> previews = FakeBreach::previewOf;
    /** Deliveries moved on from PENDING each time a sending incident is read. */
    public int sendStep = 40;
    /** Every call that changes something, as "verb id", in order. */
    public final List<String> calls = new ArrayList<>();
    public final List<String> ifMatchSent = new ArrayList<>();
    public final List<String> deliveryQueries = new ArrayList<>();
    public int previewReads;
    public int listReads;
    public int incidentReads;
    public Instant clock = NOW;

    private final Map<String, IncidentDto> incidents = new LinkedHashMap<>();
    private final Map<String, List<DeliveryDto>> deliveries = new LinkedHashMap<>();
    private int nextId = 1;

    public static IncidentRequest request(String title) {
        return new IncidentRequest(title, NOW.minus(Duration.ofHours(20)), NOW.minus(Duration.ofDays(3)),
                NOW.minus(Duration.ofDays(2)), "A reporting server was reachable without a password.",
                List.of(DataCategory.NAME, DataCategory.EMAIL), "Reporting server", "The server was closed.",
                "Watch for messages that ask for your password.", "privacy@northbridge.example",
                BreachScope.allLearners(), "Important: {{incident_title}}",
                "Dear {{learner_name}},\n\n# What happened\nA reporting server was reachable without a password.");
    }

    // What the platform answers.

    public synchronized List<IncidentSummaryDto> list() {
        listReads++;
        List<IncidentSummaryDto> out = new ArrayList<>();
        incidents.values().forEach(i -> out.addFirst(new IncidentSummaryDto(i.id(), i.title(), i.state(),
                i.discoveredAt(), i.regulatorDeadline(), i.createdBy(), i.createdAt(), i.recipientCount(),
                i.progress(), i.regulatorNotification() == null ? null : i.regulatorNotification().notifiedAt(),
                viewed(i).youMayApprove())));
        return out;
    }

    public synchronized List<JurisdictionDto> jurisdictions() {
        return List.of(new JurisdictionDto("KE", null, "Kenya", true, false, "Notify without delay."),
                new JurisdictionDto("DE", null, "Germany", true, false, null),
                new JurisdictionDto("US", "CA", "United States, California", true, true,
                        "A written notice by post is owed on request."),
                new JurisdictionDto("US", "MA", "United States, Massachusetts", false, true,
                        "Written notice by first-class mail."));
    }

    public synchronized Versioned<IncidentDto> create(IncidentRequest r) {
        String id = "inc-" + nextId++;
        calls.add("create " + id);
        IncidentDto created = apply(blank(id), r);
        created = with(created, IncidentState.DRAFT, 1);
        store(created, "CREATED", null);
        return versioned(created);
    }

    public synchronized Versioned<IncidentDto> get(String id) {
        incidentReads++;
        IncidentDto now = find(id);
        if (now.state() == IncidentState.SENDING) {
            advance(id);
            now = find(id);
        }
        return versioned(now);
    }

    public synchronized IncidentDto current(String id) {
        return viewed(find(id));
    }

    public synchronized Versioned<IncidentDto> save(String id, String ifMatch, IncidentRequest r) {
        ifMatchSent.add(ifMatch);
        IncidentDto now = find(id);
        if (!now.etag().equals(ifMatch)) {
            throw problem(412, ProblemCode.VERSION_CONFLICT);
        }
        if (now.state() != IncidentState.DRAFT) {
            throw problem(409, ProblemCode.VERSION_CONFLICT);
        }
        calls.add("save " + id);
        IncidentDto saved = with(apply(now, r), IncidentState.DRAFT, now.version() + 1);
        incidents.put(id, saved);
        return versioned(saved);
    }

    /** Another officer saves the draft: a save with the older tag now meets 412. */
    public synchronized void saveAsSomeoneElse(String id, String title) {
        IncidentDto now = find(id);
        IncidentRequest r = now.toRequest();
        incidents.put(id, with(apply(now, new IncidentRequest(title, r.discoveredAt(), r.occurredFrom(),
                r.occurredTo(), r.whatHappened(), r.dataCategories(), r.systems(), r.measures(), r.learnerActions(),
                r.contact(), r.scope(), r.subject(), r.body())), now.state(), now.version() + 1));
    }

    public synchronized BreachPreviewDto preview(String id) {
        previewReads++;
        return previews.apply(find(id).scope());
    }

    public synchronized NoticeMessageDto message(String id, String learnerId) {
        IncidentDto i = find(id);
        BreachPreviewDto p = previews.apply(i.scope());
        var learner = p.sample().stream().filter(s -> s.learnerId().equals(learnerId)).findFirst()
                .orElseThrow(() -> problem(404, ProblemCode.NOT_FOUND));
        String subject = fill(i.subject(), learner.username(), i);
        String text = fill(i.body(), learner.username(), i).replace("# ", "");
        String html = "<html><body>" + fill(i.body(), learner.username(), i).replaceAll("(?m)^# (.*)$", "<h2>$1</h2>")
                .replace("\n", "<br>") + "</body></html>";
        return new NoticeMessageDto(learnerId, List.of(NoticeChannel.EMAIL), learner.username() + "@example.org",
                subject, text, html, null, List.of());
    }

    public synchronized IncidentDto submit(String id) {
        IncidentDto i = find(id);
        requireState(i, IncidentState.DRAFT);
        BreachPreviewDto p = previews.apply(i.scope());
        if (isBlank(i.subject()) || isBlank(i.body()) || p.learners() == 0) {
            throw new ApiHttpException(422, new Problem("about:blank", "Invalid", 422, null,
                    ProblemCode.VALIDATION_FAILED, p.learners() == 0
                    ? List.of(new Problem.FieldError("scope", "The scope reaches no learner."))
                    : List.of(new Problem.FieldError("body", "The notice needs a subject and a text.")), null), null);
        }
        calls.add("submit " + id);
        IncidentDto s = copy(i, IncidentState.SUBMITTED, i.version() + 1, actor, clock, null, null,
                "t-" + Integer.toHexString((i.subject() + i.body()).hashCode()), p.recipientsFingerprint(),
                p.learners());
        store(s, "SUBMITTED", null);
        return s;
    }

    public synchronized IncidentDto returnToDraft(String id, String reason) {
        IncidentDto i = find(id);
        requireState(i, IncidentState.SUBMITTED);
        if (isAuthor(i)) {
            throw problem(403, ProblemCode.FORBIDDEN);
        }
        calls.add("return " + id + " " + reason);
        IncidentDto d = copy(i, IncidentState.DRAFT, i.version() + 1, null, null, null, null, null, null,
                i.recipientCount());
        store(d, "RETURNED", reason);
        return d;
    }

    public synchronized IncidentDto approve(String id, String textFingerprint, String recipientsFingerprint) {
        IncidentDto i = find(id);
        requireState(i, IncidentState.SUBMITTED);
        if (isAuthor(i)) {
            throw problem(403, ProblemCode.FORBIDDEN);
        }
        if (!i.textFingerprint().equals(textFingerprint) || !i.recipientsFingerprint().equals(recipientsFingerprint)) {
            throw problem(409, ProblemCode.VERSION_CONFLICT);
        }
        calls.add("approve " + id);
        deliveries.put(id, outbox(previews.apply(i.scope())));
        IncidentDto a = copy(i, IncidentState.APPROVED, i.version() + 1, i.submittedBy(), i.submittedAt(), actor,
                clock, i.textFingerprint(), i.recipientsFingerprint(), i.recipientCount());
        store(a, "APPROVED", null);
        return find(id);
    }

    public synchronized IncidentDto send(String id) {
        IncidentDto i = find(id);
        requireState(i, IncidentState.APPROVED);
        calls.add("send " + id);
        store(copyState(i, IncidentState.SENDING), "SENDING", null);
        return find(id);
    }

    public synchronized IncidentDto cancel(String id, String reason) {
        IncidentDto i = find(id);
        if (i.state().finished()) {
            throw problem(409, ProblemCode.VERSION_CONFLICT);
        }
        calls.add("cancel " + id + " " + reason);
        List<DeliveryDto> list = deliveries.getOrDefault(id, new ArrayList<>());
        list.replaceAll(d -> d.status() == DeliveryStatus.PENDING || d.status() == DeliveryStatus.RETRY
                ? status(d, DeliveryStatus.CANCELLED, null) : d);
        store(copyState(i, IncidentState.CANCELLED), "CANCELLED", reason);
        return find(id);
    }

    public synchronized IncidentDto recordRegulator(String id,
                                                    RegulatorNotificationRequest r) {
        IncidentDto i = find(id);
        if (i.regulatorNotification() != null) {
            throw problem(409, ProblemCode.STATE_CONFLICT);
        }
        calls.add("regulator " + id + " " + r.authority() + " " + r.reference());
        var told = new RegulatorNotification(r.notifiedAt(), r.authority(),
                r.reference(), actor, clock);
        IncidentDto with = new IncidentDto(i.id(), i.title(), i.state(), i.version(), i.discoveredAt(),
                i.regulatorDeadline(), i.occurredFrom(), i.occurredTo(), i.whatHappened(), i.dataCategories(),
                i.systems(), i.measures(), i.learnerActions(), i.contact(), i.scope(), i.subject(), i.body(),
                i.createdBy(), i.createdAt(), i.submittedBy(), i.submittedAt(), i.approvedBy(), i.approvedAt(),
                i.textFingerprint(), i.recipientsFingerprint(), i.recipientCount(), i.progress(), i.siteNotice(),
                i.timeline(), i.proposedSiteNotice(), false, told);
        store(with, "REGULATOR_NOTIFIED", r.authority());
        return viewed(find(id));
    }

    public synchronized Page<DeliveryDto> deliveries(String id, DeliveryStatus status, NoticeChannel channel,
                                                     String cursor, int limit) {
        deliveryQueries.add(id + " " + status + " " + channel + " " + cursor + " " + limit);
        List<DeliveryDto> matching = deliveries.getOrDefault(id, List.of()).stream()
                .filter(d -> status == null || d.status() == status)
                .filter(d -> channel == null || d.channel() == channel).toList();
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(matching.size(), from + limit);
        return new Page<>(matching.subList(from, to), to < matching.size() ? String.valueOf(to) : null,
                matching.size());
    }

    public synchronized IncidentDto retry(String id) {
        IncidentDto i = find(id);
        calls.add("retry " + id);
        deliveries.get(id).replaceAll(d -> d.status() == DeliveryStatus.FAILED && d.channel() == NoticeChannel.EMAIL
                ? status(d, DeliveryStatus.PENDING, null) : d);
        store(copyState(i, IncidentState.SENDING), "RETRY", null);
        return find(id);
    }

    public synchronized DeliveryDto resolve(String id, long deliveryId, DeliveryResolution resolution) {
        List<DeliveryDto> list = deliveries.get(id);
        for (int k = 0; k < list.size(); k++) {
            DeliveryDto d = list.get(k);
            if (d.id() == deliveryId) {
                if (d.status() != DeliveryStatus.IN_DOUBT) {
                    throw problem(409, ProblemCode.VERSION_CONFLICT);
                }
                calls.add("resolve " + deliveryId + " " + resolution);
                DeliveryDto now = status(d, resolution == DeliveryResolution.DELIVERED ? DeliveryStatus.SENT
                        : DeliveryStatus.PENDING, null);
                list.set(k, now);
                refreshProgress(id);
                return now;
            }
        }
        throw problem(404, ProblemCode.NOT_FOUND);
    }

    public synchronized long letters(String id, OutputStream out) {
        calls.add("letters " + id);
        return write(out, "%PDF-1.7 letters of " + id);
    }

    public synchronized long record(String id, BreachClient.RecordFormat format, OutputStream out) {
        calls.add("record " + id + " " + format);
        return write(out, format == BreachClient.RecordFormat.CSV ? "step,at\nCREATED,2026-11-30\n"
                : "%PDF-1.7 record of " + id);
    }

    public synchronized SiteNoticeDto proposeSiteNotice(String id, SiteNoticeRequest r) {
        IncidentDto i = find(id);
        calls.add("site-notice " + id);
        SiteNoticeDto notice = new SiteNoticeDto("sn-" + id + "-" + nextId++, "northbridge", "Northbridge University",
                id, r.title(), r.body(), null, null, actor, clock, null, "fp-" + (r.title() + r.body()).hashCode(),
                false);
        incidents.put(id, withSiteNotices(i, i.siteNotice(), notice));
        return notice;
    }

    public synchronized SiteNoticeDto approveSiteNotice(String id, String textFingerprint) {
        IncidentDto i = find(id);
        calls.add("approve-site-notice " + id);
        SiteNoticeDto proposed = i.proposedSiteNotice();
        if (proposed == null) {
            throw problem(409, ProblemCode.STATE_CONFLICT);
        }
        if (actor.equals(proposed.proposedBy())) {
            throw problem(403, ProblemCode.FORBIDDEN);
        }
        if (!proposed.textFingerprint().equals(textFingerprint)) {
            throw problem(409, ProblemCode.VERSION_CONFLICT);
        }
        SiteNoticeDto up = siteNotice(proposed, clock, null, actor, false);
        incidents.put(id, withSiteNotices(i, up, null));
        return up;
    }

    public synchronized void withdrawSiteNotice(String id) {
        IncidentDto i = find(id);
        calls.add("withdraw " + id);
        SiteNoticeDto up = i.siteNotice();
        incidents.put(id, withSiteNotices(i, up == null ? null : siteNotice(up, up.postedAt(), clock, up.approvedBy(),
                false), null));
    }

    /** A site notice proposed by Grace Liu, waiting for {@link #actor} to approve it. */
    public synchronized void siteNoticeProposedByAnother(String id, String title, String body) {
        String me = actor;
        actor = "Grace Liu";
        try {
            proposeSiteNotice(id, new SiteNoticeRequest(title, body));
        } finally {
            actor = me;
        }
    }

    // Setting the scene for a test or a tour.

    /** An incident taken to {@code state} by officers other than {@link #actor} where a second one is needed. */
    public synchronized IncidentDto seed(String title, IncidentState state, Instant discoveredAt) {
        IncidentRequest r = request(title);
        return seed(new IncidentRequest(title, discoveredAt, r.occurredFrom(), r.occurredTo(), r.whatHappened(),
                r.dataCategories(), r.systems(), r.measures(), r.learnerActions(), r.contact(), r.scope(),
                r.subject(), r.body()), state);
    }

    /** {@code r} created by Omar Haddad, taken to {@code state} with Grace Liu approving. */
    public synchronized IncidentDto seed(IncidentRequest r, IncidentState state) {
        String me = actor;
        actor = "Omar Haddad";
        String id = create(r).value().id();
        if (state != IncidentState.DRAFT) {
            submit(id);
        }
        actor = "Grace Liu";
        if (state == IncidentState.APPROVED || state == IncidentState.SENDING || state == IncidentState.SENT) {
            approve(id, find(id).textFingerprint(), find(id).recipientsFingerprint());
        }
        if (state == IncidentState.SENDING || state == IncidentState.SENT) {
            send(id);
        }
        if (state == IncidentState.SENT) {
            while (find(id).state() == IncidentState.SENDING) {
                advance(id);
            }
        }
        if (state == IncidentState.CANCELLED) {
            cancel(id, "Raised in error.");
        }
        actor = me;
        calls.clear();
        return find(id);
    }

    /** Marks one sent email as in doubt, as after a platform stop in the middle of handing it over. */
    public synchronized DeliveryDto putInDoubt(String id) {
        List<DeliveryDto> list = deliveries.get(id);
        for (int k = 0; k < list.size(); k++) {
            if (list.get(k).channel() == NoticeChannel.EMAIL && list.get(k).status() == DeliveryStatus.SENT) {
                list.set(k, status(list.get(k), DeliveryStatus.IN_DOUBT, null));
                refreshProgress(id);
                return list.get(k);
            }
        }
        throw new IllegalStateException("nothing sent yet");
    }

    public static BreachPreviewDto previewOf(BreachScope scope) {
        List<String> outsiders = scope.mode() == ScopeMode.LIST
                ? scope.learners().stream().filter(l -> l.contains("other")).toList() : List.of();
        long learners;
        if (scope.mode() == ScopeMode.LIST) {
            learners = scope.learners().size() - outsiders.size();
        } else {
            learners = scope.courseIds().isEmpty() ? 120 : 40L * scope.courseIds().size();
            if (!scope.holding().isEmpty()) {
                learners = learners * 3 / 4;
            }
            if (scope.enrolledFrom() != null || scope.enrolledTo() != null) {
                learners = learners / 2;
            }
        }
        long both = learners / 10;
        long letterOnly = learners / 20;
        long emailOnly = learners - both - letterOnly;
        long unknown = learners / 40;
        long ke = learners - both - letterOnly - unknown - learners / 4;
        List<BreachPreviewDto.JurisdictionCount> rows = List.of(
                new BreachPreviewDto.JurisdictionCount("KE", null, "Kenya", true, false, true, Math.max(0, ke)),
                new BreachPreviewDto.JurisdictionCount("DE", null, "Germany", true, false, true, learners / 4),
                new BreachPreviewDto.JurisdictionCount("US", "CA", "United States, California", true, true, true, both),
                new BreachPreviewDto.JurisdictionCount("US", "MA", "United States, Massachusetts", false, true, true,
                        letterOnly),
                new BreachPreviewDto.JurisdictionCount("ZZ", null, "Unknown", true, false, false, unknown));
        List<BreachPreviewDto.SampleLearner> sample = IntStream.rangeClosed(1, (int) Math.min(5, learners))
                .mapToObj(k -> new BreachPreviewDto.SampleLearner("id-" + k, "learner" + k)).toList();
        return new BreachPreviewDto(learners, emailOnly, letterOnly, both, learners / 50, learners / 50,
                letterOnly > 0 ? 1 : 0, unknown, rows.stream().filter(r -> r.learners() > 0).toList(),
                outsiders.size(), outsiders, sample, "r-" + Integer.toHexString(scope.hashCode()));
    }

    // Inside.

    private static List<DeliveryDto> outbox(BreachPreviewDto p) {
        List<DeliveryDto> out = new ArrayList<>();
        long id = 1;
        for (int k = 1; k <= p.learners(); k++) {
            boolean letterOnly = k <= p.letterOnly();
            boolean both = !letterOnly && k <= p.letterOnly() + p.emailAndLetter();
            String jurisdiction = letterOnly ? "US-MA" : both ? "US-CA" : "KE";
            if (!letterOnly) {
                boolean retired = k % 50 == 0;
                out.add(new DeliveryDto(id++, "id-" + k, "learner" + k, NoticeChannel.EMAIL,
                        retired ? DeliveryStatus.UNREACHABLE : DeliveryStatus.PENDING, 0, null, null,
                        retired ? "No usable email address." : null, "<n-" + k + "@notice.example>", jurisdiction));
            }
            if (letterOnly || both) {
                boolean noAddress = k == 1;
                out.add(new DeliveryDto(id++, "id-" + k, "learner" + k, NoticeChannel.LETTER,
                        noAddress ? DeliveryStatus.UNREACHABLE : DeliveryStatus.READY, 0, null, null,
                        noAddress ? "No mailing address." : null, "<l-" + k + "@notice.example>", jurisdiction));
            }
        }
        return out;
    }

    private void advance(String id) {
        List<DeliveryDto> list = deliveries.getOrDefault(id, new ArrayList<>());
        int moved = 0;
        for (int k = 0; k < list.size() && moved < sendStep; k++) {
            DeliveryDto d = list.get(k);
            if (d.status() == DeliveryStatus.PENDING) {
                boolean fails = d.learnerId().endsWith("7") && d.attempts() == 0;
                list.set(k, new DeliveryDto(d.id(), d.learnerId(), d.username(), d.channel(),
                        fails ? DeliveryStatus.FAILED : DeliveryStatus.SENT, d.attempts() + 1, clock,
                        fails ? null : clock, fails ? "550 5.1.1 Mailbox unavailable" : null, d.messageId(),
                        d.jurisdiction()));
                moved++;
            }
        }
        refreshProgress(id);
    }

    private void refreshProgress(String id) {
        IncidentDto i = find(id);
        DeliveryProgressDto p = progress(deliveries.getOrDefault(id, List.of()));
        IncidentState state = i.state() == IncidentState.SENDING && p.open() == 0 ? IncidentState.SENT : i.state();
        if (state != IncidentState.SENDING && i.state() == IncidentState.SENT && p.open() > 0) {
            state = IncidentState.SENDING;
        }
        incidents.put(id, withProgress(i, state, p));
        if (state == IncidentState.SENT && i.state() != IncidentState.SENT) {
            store(find(id), "SENT", null);
        }
    }

    private static DeliveryProgressDto progress(List<DeliveryDto> list) {
        long[] n = new long[DeliveryStatus.values().length];
        list.forEach(d -> n[d.status().ordinal()]++);
        return new DeliveryProgressDto(list.size(), n[DeliveryStatus.PENDING.ordinal()]
                + n[DeliveryStatus.IN_FLIGHT.ordinal()], n[DeliveryStatus.SENT.ordinal()],
                n[DeliveryStatus.RETRY.ordinal()], n[DeliveryStatus.FAILED.ordinal()],
                n[DeliveryStatus.IN_DOUBT.ordinal()], n[DeliveryStatus.CANCELLED.ordinal()],
                n[DeliveryStatus.UNREACHABLE.ordinal()], n[DeliveryStatus.READY.ordinal()]);
    }

    private boolean isAuthor(IncidentDto i) {
        return actor.equals(i.createdBy()) || actor.equals(i.submittedBy());
    }

    private static void requireState(IncidentDto i, IncidentState state) {
        if (i.state() != state) {
            throw problem(409, ProblemCode.VERSION_CONFLICT);
        }
    }

    private IncidentDto find(String id) {
        IncidentDto i = incidents.get(id);
        if (i == null) {
            throw problem(404, ProblemCode.NOT_FOUND);
        }
        return i;
    }

    private void store(IncidentDto i, String step, String detail) {
        List<TimelineEntryDto> timeline = new ArrayList<>(i.timeline());
        timeline.add(new TimelineEntryDto(clock, actor, step, detail));
        incidents.put(i.id(), new IncidentDto(i.id(), i.title(), i.state(), i.version(), i.discoveredAt(),
                i.regulatorDeadline(), i.occurredFrom(), i.occurredTo(), i.whatHappened(), i.dataCategories(),
                i.systems(), i.measures(), i.learnerActions(), i.contact(), i.scope(), i.subject(), i.body(),
                i.createdBy(), i.createdAt(), i.submittedBy(), i.submittedAt(), i.approvedBy(), i.approvedAt(),
                i.textFingerprint(), i.recipientsFingerprint(), i.recipientCount(),
                progress(deliveries.getOrDefault(i.id(), List.of())), i.siteNotice(), timeline,
                i.proposedSiteNotice(), false, i.regulatorNotification()));
    }

    private Versioned<IncidentDto> versioned(IncidentDto i) {
        return new Versioned<>(viewed(i), i.etag());
    }

    private IncidentDto blank(String id) {
        return new IncidentDto(id, "", IncidentState.DRAFT, 0, clock, clock, null, null, "", List.of(), "", "", "",
                "", null, "", "", actor, clock, null, null, null, null, null, null, 0,
                DeliveryProgressDto.NONE, null, List.of(), null, false, null);
    }

    private static IncidentDto apply(IncidentDto i, IncidentRequest r) {
        return new IncidentDto(i.id(), r.title(), i.state(), i.version(), r.discoveredAt(),
                r.discoveredAt() == null ? null : r.discoveredAt().plus(Duration.ofHours(72)), r.occurredFrom(),
                r.occurredTo(), r.whatHappened(), r.dataCategories(), r.systems(), r.measures(), r.learnerActions(),
                r.contact(), r.scope(), r.subject(), r.body(),
                i.createdBy(), i.createdAt(), i.submittedBy(), i.submittedAt(), i.approvedBy(), i.approvedAt(),
                i.textFingerprint(), i.recipientsFingerprint(), i.recipientCount(), i.progress(), i.siteNotice(),
                i.timeline(), i.proposedSiteNotice(), false, i.regulatorNotification());
    }

    private static IncidentDto with(IncidentDto i, IncidentState state, long version) {
        return copy(i, state, version, i.submittedBy(), i.submittedAt(), i.approvedBy(), i.approvedAt(),
                i.textFingerprint(), i.recipientsFingerprint(), i.recipientCount());
    }

    private static IncidentDto copyState(IncidentDto i, IncidentState state) {
        return with(i, state, i.version() + 1);
    }

    private static IncidentDto copy(IncidentDto i, IncidentState state, long version, String submittedBy,
                                    Instant submittedAt, String approvedBy, Instant approvedAt, String textFp,
                                    String recipientsFp, long recipients) {
        return new IncidentDto(i.id(), i.title(), state, version, i.discoveredAt(), i.regulatorDeadline(),
                i.occurredFrom(), i.occurredTo(), i.whatHappened(), i.dataCategories(), i.systems(), i.measures(),
                i.learnerActions(), i.contact(), i.scope(), i.subject(), i.body(), i.createdBy(), i.createdAt(),
                submittedBy, submittedAt, approvedBy, approvedAt, textFp, recipientsFp, recipients, i.progress(),
                i.siteNotice(), i.timeline(), i.proposedSiteNotice(), false, i.regulatorNotification());
    }

    private static IncidentDto withProgress(IncidentDto i, IncidentState state, DeliveryProgressDto p) {
        return new IncidentDto(i.id(), i.title(), state, i.version(), i.discoveredAt(), i.regulatorDeadline(),
                i.occurredFrom(), i.occurredTo(), i.whatHappened(), i.dataCategories(), i.systems(), i.measures(),
                i.learnerActions(), i.contact(), i.scope(), i.subject(), i.body(), i.createdBy(), i.createdAt(),
                i.submittedBy(), i.submittedAt(), i.approvedBy(), i.approvedAt(), i.textFingerprint(),
                i.recipientsFingerprint(), i.recipientCount(), p, i.siteNotice(), i.timeline(), i.proposedSiteNotice(),
                false, i.regulatorNotification());
    }

    private static IncidentDto withSiteNotices(IncidentDto i, SiteNoticeDto up, SiteNoticeDto proposed) {
        return new IncidentDto(i.id(), i.title(), i.state(), i.version(), i.discoveredAt(), i.regulatorDeadline(),
                i.occurredFrom(), i.occurredTo(), i.whatHappened(), i.dataCategories(), i.systems(), i.measures(),
                i.learnerActions(), i.contact(), i.scope(), i.subject(), i.body(), i.createdBy(), i.createdAt(),
                i.submittedBy(), i.submittedAt(), i.approvedBy(), i.approvedAt(), i.textFingerprint(),
                i.recipientsFingerprint(), i.recipientCount(), i.progress(), up, i.timeline(), proposed, false,
                i.regulatorNotification());
    }

    /** The incident as {@link #actor} is told it: whether they may approve it or its proposed site notice. */
    private IncidentDto viewed(IncidentDto i) {
        boolean mayApprove = i.state() == IncidentState.SUBMITTED && !actor.equals(i.createdBy())
                && !actor.equals(i.submittedBy());
        SiteNoticeDto p = i.proposedSiteNotice();
        SiteNoticeDto proposed = p == null ? null : siteNotice(p, p.postedAt(), p.withdrawnAt(), p.approvedBy(),
                !actor.equals(p.proposedBy()));
        return new IncidentDto(i.id(), i.title(), i.state(), i.version(), i.discoveredAt(), i.regulatorDeadline(),
                i.occurredFrom(), i.occurredTo(), i.whatHappened(), i.dataCategories(), i.systems(), i.measures(),
                i.learnerActions(), i.contact(), i.scope(), i.subject(), i.body(), i.createdBy(), i.createdAt(),
                i.submittedBy(), i.submittedAt(), i.approvedBy(), i.approvedAt(), i.textFingerprint(),
                i.recipientsFingerprint(), i.recipientCount(), i.progress(), i.siteNotice(), i.timeline(), proposed,
                mayApprove, i.regulatorNotification());
    }

    private static SiteNoticeDto siteNotice(SiteNoticeDto n, Instant postedAt, Instant withdrawnAt, String approvedBy,
                                            boolean youMayApprove) {
        return new SiteNoticeDto(n.id(), n.memberId(), n.memberName(), n.incidentId(), n.title(), n.body(), postedAt,
                withdrawnAt, n.proposedBy(), n.proposedAt(), approvedBy, n.textFingerprint(), youMayApprove);
    }

    private DeliveryDto status(DeliveryDto d, DeliveryStatus status, String error) {
        return new DeliveryDto(d.id(), d.learnerId(), d.username(), d.channel(), status, d.attempts(),
                d.lastAttemptAt(), status == DeliveryStatus.SENT ? clock : d.sentAt(), error, d.messageId(),
                d.jurisdiction());
    }

    private static String fill(String template, String username, IncidentDto i) {
        return template.replace("{{learner_name}}", "Learner " + username.replace("learner", ""))
                .replace("{{member_name}}", "Northbridge University").replace("{{incident_title}}", i.title())
                .replace("{{contact}}", i.contact());
    }

    private static long write(OutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.length;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public static ApiHttpException problem(int status, String code) {
        return new ApiHttpException(status, new Problem("about:blank", "Problem", status, null, code, List.of(),
                null), null);
    }
}
