package org.iqracity.console.platform.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.breach.BreachPreviewDto;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.IncidentSummaryDto;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.api.breach.SiteNoticeRequest;
import org.iqracity.console.platform.PlatformFixture;
import org.iqracity.console.platform.TestApi;
import org.iqracity.console.platform.service.Tokens;
import org.iqracity.console.platform.service.breach.RecipientResolver;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** R8 end to end on the sandbox: who may act, what reaches whom, sending once, letters and the record. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BreachNoticesContract {
    static final String ENGL = "course-v1:Northbridge+ENGL110+2026_T1";

    PlatformFixture fixture;
    TestApi api;
    BreachApi breach;
    Jdbc jdbc;
    String officer;
    String officer2;

    @BeforeAll
    void start() {
        fixture = fixture();
        api = fixture.api();
        jdbc = fixture.jdbc();
        breach = new BreachApi(api);
        officer = api.signIn("nb-security");
        officer2 = api.signIn("nb-security2");
    }

    abstract PlatformFixture fixture();

    Instant discovered() {
        return api.clock().instant().minus(Duration.ofHours(5));
    }

    String smallCourse() {
        return jdbc.queryOne("SELECT id FROM course WHERE member_id = 'northbridge' ORDER BY enrollment_count, id",
                rs -> rs.getString(1)).orElseThrow();
    }

    BreachScope courseScope(String courseId) {
        return new BreachScope(ScopeMode.FILTER, List.of(courseId), null, null, List.of(), List.of());
    }

    @Test
    void r8OnlySecurityOfficersSeeOrDraftNotices() {
        String admin = api.signIn("nb-admin");
        assertThat(api.get(ApiPaths.BREACH_NOTICES, admin).status()).isEqualTo(403);
        assertThat(breach.create(admin, breach.request("x", BreachScope.allLearners(), discovered())).status())
                .isEqualTo(403);
        assertThat(api.get(ApiPaths.BREACH_NOTICES, null).status()).isEqualTo(401);
    }

    @Test
    void r8TheAuthorCannotApproveTheirOwnNotice() {
        IncidentDto draft = breach.created(officer, breach.request("Own approval", courseScope(smallCourse()),
                discovered()));
        IncidentDto submitted = breach.submitted(officer, draft.id());
        TestApi.Response own = breach.approve(officer, submitted);
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.json().path("detail").asText()).contains("a security officer who did not must approve it");
        assertThat(breach.incident(officer, draft.id()).state()).isEqualTo(IncidentState.SUBMITTED);
        assertThat(jdbc.queryOne("SELECT COUNT(*) FROM notice_delivery WHERE incident_id = ?", rs -> rs.getLong(1),
                draft.id()).orElseThrow()).isZero();
    }

    IncidentRequest edited(IncidentDto d, String contact, String body) {
        return new IncidentRequest(d.title(), d.discoveredAt(), d.occurredFrom(), d.occurredTo(), d.whatHappened(),
                d.dataCategories(), d.systems(), d.measures(), d.learnerActions(), contact, d.scope(), d.subject(),
                        body);
    }

    @Test
    void r8AnOfficerWhoChangedTheDraftCannotApproveWhatTheyWrote() {
        IncidentDto draft = breach.created(officer, breach.request("Rewritten by the approver",
                courseScope(smallCourse()), discovered()));
        TestApi.Response rewrite = breach.put(officer2, draft.id(), draft.etag(), edited(draft,
                "attacker@example.org", draft.body() + "\n\nReply to this email with your password."));
        assertThat(rewrite.status()).as(rewrite.body()).isEqualTo(200);
        IncidentDto submitted = breach.submitted(officer, draft.id());

        TestApi.Response approval = breach.approve(officer2, submitted);
        assertThat(approval.status()).isEqualTo(403);
        assertThat(approval.json().path("detail").asText()).contains("You wrote part of this notice");
        assertThat(breach.incident(officer, draft.id()).state()).isEqualTo(IncidentState.SUBMITTED);
        assertThat(jdbc.queryOne("SELECT COUNT(*) FROM notice_delivery WHERE incident_id = ?", rs -> rs.getLong(1),
                draft.id()).orElseThrow()).isZero();
        // the timeline says who wrote what
        assertThat(breach.incident(officer, draft.id()).timeline()).anySatisfy(t -> {
            assertThat(t.step()).isEqualTo("EDITED");
            assertThat(t.actor()).isEqualTo(submitted.timeline().stream().filter(e -> e.step().equals("EDITED"))
                    .findFirst().orElseThrow().actor());
            assertThat(t.detail()).isEqualTo("Changed the contact, the notice text.");
        });
    }

    @Test
    void r8ASaveThatChangesNothingDoesNotMakeTheSecondOfficerAnAuthor() {
        IncidentDto draft = breach.created(officer, breach.request("Untouched save", courseScope(smallCourse()),
                discovered()));
        TestApi.Response same = breach.put(officer2, draft.id(), draft.etag(), edited(draft, draft.contact(),
                draft.body()));
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(same.as(IncidentDto.class).version()).isEqualTo(draft.version());
        assertThat(same.as(IncidentDto.class).timeline()).extracting(t -> t.step()).doesNotContain("EDITED");

        TestApi.Response approval = breach.approve(officer2, breach.submitted(officer, draft.id()));
        assertThat(approval.status()).as(approval.body()).isEqualTo(200);
    }

    @Test
    void r8DatesBefore1970OrInTheFutureAreRefusedNamingTheField() {
        String base = BreachApi.json(breach.request("Dates", courseScope(smallCourse()), discovered()));
        for (String at : List.of("0001-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
                api.clock().instant().plus(Duration.ofDays(2)).toString())) {
            for (String field : List.of("discoveredAt", "occurredFrom", "occurredTo")) {
                String body = base.replaceFirst("\"" + field + "\":\"[^\"]*\"", "\"" + field + "\":\"" + at + "\"");
                TestApi.Response r = api.post(ApiPaths.BREACH_NOTICES, officer, body);
                assertThat(r.status()).as(field + " " + at + ": " + r.body()).isEqualTo(422);
                assertThat(r.json().path("errors").findValuesAsText("field")).as(at).contains(field);
            }
        }
        String extreme = base.replaceFirst("\"discoveredAt\":\"[^\"]*\"",
                "\"discoveredAt\":\"-999999999-01-01T00:00:00Z\"");
        TestApi.Response r = api.post(ApiPaths.BREACH_NOTICES, officer, extreme);
        assertThat(r.status()).as(r.body()).isIn(400, 422);
        assertThat(r.body()).doesNotContain("Exception");
    }

    @Test
    void r8ControlCharactersInAnyTextFieldAreRefusedAndLineBreaksInParagraphsKept() {
        IncidentDto draft = breach.created(officer, breach.request("Controls", courseScope(smallCourse()),
                discovered()));
        TestApi.Response nul = breach.put(officer, draft.id(), draft.etag(), edited(draft, draft.contact(),
                "Dear learner,\u0000 hidden"));
        assertThat(nul.status()).isEqualTo(422);
        assertThat(nul.json().path("errors").findValuesAsText("field")).containsExactly("body");
        assertThat(nul.json().path("errors").get(0).path("message").asText()).contains("control character");

        String titled = BreachApi.json(breach.request("Title\u0007bell", courseScope(smallCourse()), discovered()));
        TestApi.Response title = api.post(ApiPaths.BREACH_NOTICES, officer, titled);
        assertThat(title.status()).isEqualTo(422);
        assertThat(title.json().path("errors").findValuesAsText("field")).containsExactly("title");
        String twoLines = BreachApi.json(breach.request("Title\nsecond line", courseScope(smallCourse()),
                discovered()));
        assertThat(api.post(ApiPaths.BREACH_NOTICES, officer, twoLines).status()).as("a title is one line")
                .isEqualTo(422);

        TestApi.Response paragraphs = breach.put(officer, draft.id(), draft.etag(), edited(draft,
                "Privacy office\nRoom 4", "Dear learner,\r\n\r\n\tWe are sorry."));
        assertThat(paragraphs.status()).as(paragraphs.body()).isEqualTo(200);
        assertThat(breach.step(officer, draft.id(), "cancel", "{\"reason\":\"No\\u0000\"}").status())
                .isEqualTo(422);
        TestApi.Response site = api.send(api.request(ApiPaths.breachNotice(draft.id()) + "/site-notice", officer)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\"Notice\\u001b[31m\",\"body\":\"Text\"}")).build());
        assertThat(site.status()).as(site.body()).isEqualTo(422);
    }

    @Test
    void r8TheMessagePreviewShowsOnlyTheAddressOfAChannelTheLearnerGets() {
        String letterOnly = jdbc.queryOne("SELECT e.learner_id FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                + "WHERE e.member_id = 'northbridge' AND l.country = 'US' AND l.region = 'Texas' AND e.email IS NOT "
                + "NULL AND l.retired_at IS NULL ORDER BY e.learner_id", rs -> rs.getString(1)).orElseThrow();
        String course = jdbc.queryOne("SELECT course_id FROM enrollment WHERE learner_id = ? AND member_id = "
                + "'northbridge' ORDER BY course_id", rs -> rs.getString(1), letterOnly).orElseThrow();
        IncidentDto draft = breach.created(officer, breach.request("Letters only", courseScope(course), discovered()));
        TestApi.Response message = api.get(ApiPaths.breachNotice(draft.id()) + "/preview/message?learnerId="
                + letterOnly, officer);
        assertThat(message.status()).as(message.body()).isEqualTo(200);
        assertThat(message.json().path("channels").toString()).isEqualTo("[\"LETTER\"]");
        assertThat(message.json().path("emailTo").isNull()).as(message.body()).isTrue();
        assertThat(message.body()).doesNotContain(jdbc.queryOne("SELECT email FROM enrollment WHERE learner_id = ? "
                + "AND course_id = ?", rs -> rs.getString(1), letterOnly, course).orElseThrow());
        // and the scope's sample names a handful of learners, not a page of them
        assertThat(breach.preview(officer, draft.id()).sample()).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void r8AListLongerThanTheBoundIsRefusedNamingTheBound() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= RecipientResolver.MAX_LIST; i++) {
            names.add("l" + i + "@example.org");
        }
        TestApi.Response r = breach.create(officer, breach.request("Too long", new BreachScope(ScopeMode.LIST,
                List.of(), null, null, List.of(), names), discovered()));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("scope.learners");
        assertThat(r.json().path("errors").get(0).path("message").asText()).contains("200,000");
    }

    @Test
    void r8PreviewsAreHeavyWorkAndPastTheLimitAnswer429WithRetryAfter() {
        // sahel's officer: the limit is per staff member, and this test spends it
        String sahel = api.signIn("sahel-security");
        String course = jdbc.queryOne("SELECT id FROM course WHERE member_id = 'sahel' ORDER BY enrollment_count, id",
                rs -> rs.getString(1)).orElseThrow();
        IncidentDto draft = breach.created(sahel, breach.request("Preview flood", courseScope(course), discovered()));
        TestApi.Response last = null;
        for (int i = 0; i < 31 && (last == null || last.status() == 200); i++) {
            last = api.get(ApiPaths.breachNotice(draft.id()) + "/preview", sahel);
        }
        assertThat(last.status()).as(last.body()).isEqualTo(429);
        assertThat(last.json().path("code").asText()).isEqualTo("rate_limited");
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        // another officer is not held back by it
        assertThat(api.get(ApiPaths.breachNotice(breach.created(officer, breach.request("Unaffected",
                courseScope(smallCourse()), discovered())).id()) + "/preview", officer).status()).isEqualTo(200);
    }

    @Test
    void r1AnotherMembersOfficerFindsNothing() {
        IncidentDto draft = breach.created(officer, breach.request("Wall", courseScope(smallCourse()), discovered()));
        String sahel = api.signIn("sahel-security");
        assertThat(breach.get(sahel, draft.id()).status()).isEqualTo(404);
        assertThat(breach.get(sahel, "no-such-incident").status()).isEqualTo(404);
        assertThat(breach.step(sahel, draft.id(), "submit", null).status()).isEqualTo(404);
        assertThat(api.get(ApiPaths.breachNotice(draft.id()) + "/preview", sahel).status()).isEqualTo(404);
        assertThat(api.get(ApiPaths.BREACH_NOTICES, sahel).body()).doesNotContain(draft.id());
    }

    @Test
    void r1ACourseOfAnotherMemberIsRefusedLikeACourseThatDoesNotExist() {
        String sahelCourse = jdbc.queryOne("SELECT id FROM course WHERE member_id = 'sahel' ORDER BY id",
                rs -> rs.getString(1)).orElseThrow();
        TestApi.Response other = breach.create(officer, breach.request("x", courseScope(sahelCourse), discovered()));
        TestApi.Response none = breach.create(officer, breach.request("x", courseScope("course-v1:No+Such+Run"),
                discovered()));
        assertThat(other.status()).isEqualTo(422);
        assertThat(none.status()).isEqualTo(422);
        assertThat(other.json().path("errors").get(0).path("message").asText().replace(sahelCourse, "ID"))
                .isEqualTo(none.json().path("errors").get(0).path("message").asText().replace("course-v1:No+Such+Run",
                        "ID"));
    }

    @Test
    void r2ListNamesReachOnlyTheMembersOwnLearners() {
        String own = jdbc.queryOne("SELECT learner_id FROM enrollment WHERE member_id = 'northbridge' AND learner_id "
                + "NOT IN (SELECT learner_id FROM enrollment WHERE member_id <> 'northbridge') ORDER BY learner_id",
                rs -> rs.getString(1)).orElseThrow();
        String otherMembers = jdbc.queryOne("SELECT learner_id FROM enrollment WHERE member_id = 'sahel' AND "
                + "learner_id "
                + "NOT IN (SELECT learner_id FROM enrollment WHERE member_id = 'northbridge') ORDER BY learner_id",
                rs -> rs.getString(1)).orElseThrow();
        String otherEmail = jdbc.queryOne("SELECT e.email FROM enrollment e WHERE e.member_id = 'sahel' AND e.email "
                + "IS NOT NULL AND e.learner_id NOT IN (SELECT learner_id FROM enrollment WHERE member_id = "
                + "'northbridge') ORDER BY e.id", rs -> rs.getString(1)).orElseThrow();
        String neverEnrolled = jdbc.queryOne("SELECT id FROM learner WHERE id NOT IN (SELECT learner_id FROM "
                + "enrollment) ORDER BY id", rs -> rs.getString(1)).orElseThrow();
        BreachScope list = new BreachScope(ScopeMode.LIST, List.of(), null, null, List.of(),
                List.of(own, otherMembers, otherEmail.toUpperCase(), neverEnrolled, "  "));
        IncidentDto draft = breach.created(officer, breach.request("List", list, discovered()));
        BreachPreviewDto preview = breach.preview(officer, draft.id());
        assertThat(preview.learners()).isEqualTo(1);
        assertThat(preview.notLearnersOfMember()).containsExactlyInAnyOrder(otherMembers,
                otherEmail.toLowerCase(), neverEnrolled);
        assertThat(preview.sample()).extracting(BreachPreviewDto.SampleLearner::learnerId).containsExactly(own);
        // the preview of one learner's message refuses anyone outside the scope, as if they did not exist
        assertThat(api.get(ApiPaths.breachNotice(draft.id()) + "/preview/message?learnerId=" + otherMembers, officer)
                .status()).isEqualTo(404);
        IncidentDto approved = breach.approved(officer2, breach.submitted(officer, draft.id()));
        assertThat(jdbc.query("SELECT DISTINCT learner_id FROM notice_delivery WHERE incident_id = ?",
                rs -> rs.getString(1), approved.id())).containsExactly(own);
    }

    @Test
    void r6RetiredLearnersAreCountedAndUnreachable() {
        String retired = jdbc.queryOne("SELECT e.learner_id FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                + "WHERE e.member_id = 'northbridge' AND l.status = 'RETIRED' ORDER BY e.id", rs -> rs.getString(1))
                .orElseThrow();
        BreachScope list = new BreachScope(ScopeMode.LIST, List.of(), null, null, List.of(), List.of(retired));
        IncidentDto draft = breach.created(officer, breach.request("Retired", list, discovered()));
        BreachPreviewDto preview = breach.preview(officer, draft.id());
        assertThat(preview.learners()).isEqualTo(1);
        assertThat(preview.retired()).isEqualTo(1);
        assertThat(preview.emailOnly() + preview.letterOnly() + preview.emailAndLetter()).isZero();
        IncidentDto approved = breach.approved(officer2, breach.submitted(officer, draft.id()));
        assertThat(approved.progress().unreachable()).isEqualTo(1);
        assertThat(jdbc.query("SELECT status || ' ' || channel || ' ' || COALESCE(address, '-') FROM notice_delivery "
                + "WHERE incident_id = ?", rs -> rs.getString(1), draft.id())).containsExactly("UNREACHABLE EMAIL -");
    }

    @Test
    void r8WholeFlowSendsOneEmailPerLearnerAndPrintsTheLetters() throws Exception {
        String course = smallCourse();
        IncidentDto draft = breach.created(officer, breach.request("Warehouse exposure", courseScope(course),
                discovered()));
        assertThat(draft.state()).isEqualTo(IncidentState.DRAFT);
        assertThat(draft.regulatorDeadline()).isEqualTo(draft.discoveredAt().plus(Duration.ofHours(72)));
        assertThat(draft.subject()).contains("{{member_name}}");
        BreachPreviewDto preview = breach.preview(officer, draft.id());
        long enrolled = jdbc.queryOne("SELECT COUNT(DISTINCT learner_id) FROM enrollment WHERE course_id = ?",
                rs -> rs.getLong(1), course).orElseThrow();
        assertThat(preview.learners()).isEqualTo(enrolled).isPositive();
        assertThat(preview.emailOnly() + preview.letterOnly() + preview.emailAndLetter() + preview.retired())
                .isEqualTo(preview.learners());
        assertThat(preview.jurisdictions().stream().mapToLong(BreachPreviewDto.JurisdictionCount::learners).sum())
                .isEqualTo(preview.learners() - preview.retired());

        IncidentDto submitted = breach.submitted(officer, draft.id());
        assertThat(submitted.recipientsFingerprint()).isEqualTo(preview.recipientsFingerprint());
        IncidentDto approved = breach.approved(officer2, submitted);
        assertThat(approved.approvedBy()).isNotEqualTo(approved.createdBy());
        // approval froze the text: editing is refused
        assertThat(breach.put(officer, draft.id(), approved.etag(), approved.toRequest()).status()).isEqualTo(409);

        long emails = jdbc.queryOne("SELECT COUNT(*) FROM notice_delivery WHERE incident_id = ? AND channel = 'EMAIL' "
                + "AND status = 'PENDING'", rs -> rs.getLong(1), draft.id()).orElseThrow();
        breach.sent(officer2, draft.id());
        IncidentDto done = breach.awaitSent(officer, draft.id(), Duration.ofSeconds(60));
        assertThat(done.progress().sent()).isEqualTo(emails);
        assertThat(done.progress().pending() + done.progress().retrying() + done.progress().failed()).isZero();
        assertThat(done.timeline()).extracting(t -> t.step())
                .containsSubsequence("CREATED", "SUBMITTED", "APPROVED", "SENDING", "SENT");

        Path mailbox = fixture.platform().sandboxMailbox().orElseThrow();
        List<String> addresses = jdbc.query("SELECT LOWER(address) FROM notice_delivery WHERE incident_id = ? AND "
                + "channel = 'EMAIL' AND status = 'SENT'", rs -> rs.getString(1), draft.id());
        for (String address : addresses) {
            try (Stream<Path> files = Files.list(mailbox.resolve(address))) {
                List<String> ours = files.map(p -> p.getFileName().toString()).filter(n -> n.contains(draft.id()))
                        .toList();
                assertThat(ours).as(address).hasSize(1);
            }
        }
        String one = Files.readString(Files.list(mailbox.resolve(addresses.getFirst())).filter(p ->
                p.getFileName().toString().contains(draft.id())).findFirst().orElseThrow());
        assertThat(one).contains("Subject: Notice of Data Breach from Northbridge").contains("What happened")
                .contains("text/html").doesNotContain("{{");

        long letterCount = done.progress().lettersReady();
        String text = pdfText(ApiPaths.breachNotice(draft.id()) + "/letters");
        assertThat(text).contains("Letters that could not be addressed").contains(letterCount + " letters are in");
        if (letterCount > 0) {
            String name = jdbc.queryOne("SELECT l.name FROM notice_delivery d JOIN learner l ON l.id = d.learner_id "
                    + "WHERE d.incident_id = ? AND d.channel = 'LETTER' AND d.status = 'READY' ORDER BY d.id",
                    rs -> rs.getString(1), draft.id()).orElseThrow();
            assertThat(text).contains(name).contains("What information was involved");
        }

        TestApi.Response csv = api.get(ApiPaths.breachNotice(draft.id()) + "/record?format=csv", officer);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().filter(l -> l.contains(",EMAIL,SENT,")).count()).isEqualTo(emails);
        assertThat(pdfText(ApiPaths.breachNotice(draft.id()) + "/record?format=pdf")).contains("Warehouse exposure")
                .contains("Timeline").contains("APPROVED");

        assertThat(jdbc.query("SELECT action FROM access_log WHERE object_id = ? ORDER BY seq", rs -> rs.getString(1),
                draft.id())).contains("BREACH_CREATE", "BREACH_SUBMIT", "BREACH_APPROVE", "BREACH_SEND", "BREACH_SENT",
                "BREACH_LETTERS_DOWNLOAD", "BREACH_RECORD_EXPORT");
    }

    @Test
    void r2ALongListIsMatchedAsAShortOneIs() {
        List<String> own = jdbc.query("SELECT DISTINCT e.learner_id FROM enrollment e WHERE e.member_id = "
                + "'northbridge' "
                + "ORDER BY e.learner_id LIMIT 3", rs -> rs.getString(1));
        String ownEmail = jdbc.queryOne("SELECT e.email FROM enrollment e WHERE e.member_id = 'northbridge' AND "
                + "e.email "
                + "IS NOT NULL AND e.learner_id NOT IN (" + String.join(", ", Collections.nCopies(3, "?"))
                + ") ORDER BY e.id", rs -> rs.getString(1), own.toArray()).orElseThrow();
        String otherMembers = jdbc.queryOne("SELECT learner_id FROM enrollment WHERE member_id = 'sahel' AND "
                + "learner_id "
                + "NOT IN (SELECT learner_id FROM enrollment WHERE member_id = 'northbridge') ORDER BY learner_id",
                rs -> rs.getString(1)).orElseThrow();
        List<String> entries = new ArrayList<>(own);
        entries.add(ownEmail.toUpperCase());
        entries.add(otherMembers);
        for (int i = 0; i < 600; i++) {
            entries.add("nobody" + i + "@example.org");
        }
        IncidentDto draft = breach.created(officer, breach.request("Long list", new BreachScope(ScopeMode.LIST,
                List.of(), null, null, List.of(), entries), discovered()));
        BreachPreviewDto preview = breach.preview(officer, draft.id());
        assertThat(preview.learners()).isEqualTo(4);
        assertThat(preview.notLearnersOfMemberCount()).isEqualTo(601);
        assertThat(preview.notLearnersOfMember()).contains(otherMembers, "nobody0@example.org");
    }

    @Test
    void r8ADraftIsEditedWithIfMatchAndReturnedDraftsLoseTheirFingerprints() {
        IncidentDto draft = breach.created(officer, breach.request("Edits", courseScope(smallCourse()), discovered()));
        var changed = new IncidentRequest("Edits, corrected", draft.discoveredAt(),
                draft.occurredFrom(), draft.occurredTo(), draft.whatHappened(), draft.dataCategories(), draft.systems(),
                draft.measures(), draft.learnerActions(), draft.contact(), draft.scope(), draft.subject(),
                        draft.body());
        assertThat(breach.put(officer, draft.id(), null, changed).status()).isEqualTo(428);
        assertThat(breach.put(officer, draft.id(), "\"v999\"", changed).status()).isEqualTo(412);
        TestApi.Response saved = breach.put(officer, draft.id(), draft.etag(), changed);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.as(IncidentDto.class).title()).isEqualTo("Edits, corrected");
        assertThat(breach.put(officer, draft.id(), draft.etag(), changed).status()).as("stale tag").isEqualTo(412);

        IncidentDto submitted = breach.submitted(officer, draft.id());
        assertThat(submitted.textFingerprint()).hasSize(64);
        assertThat(breach.step(officer2, draft.id(), "return", "{\"reason\":\"\"}").status()).isEqualTo(422);
        TestApi.Response back = breach.step(officer2, draft.id(), "return", "{\"reason\":\"Say which systems.\"}");
        assertThat(back.status()).isEqualTo(200);
        IncidentDto returned = back.as(IncidentDto.class);
        assertThat(returned.state()).isEqualTo(IncidentState.DRAFT);
        assertThat(returned.textFingerprint()).isNull();
        assertThat(returned.timeline()).extracting(t -> t.detail()).contains("Say which systems.");
        // approving with the fingerprints of the earlier submission is refused
        assertThat(breach.approve(officer2, submitted).status()).isEqualTo(409);
    }

    @Test
    void r8ADraftMayLackItsTextButCannotBeSubmittedWithout() {
        IncidentDto draft = breach.created(officer, breach.request("Text later", courseScope(smallCourse()),
                discovered()));
        var blank = new IncidentRequest(draft.title(), draft.discoveredAt(), null, null,
                draft.whatHappened(), draft.dataCategories(), "", "", "", draft.contact(), draft.scope(), "", "");
        TestApi.Response saved = breach.put(officer, draft.id(), draft.etag(), blank);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        TestApi.Response submit = breach.step(officer, draft.id(), "submit", null);
        assertThat(submit.status()).isEqualTo(422);
        assertThat(submit.json().path("errors").findValuesAsText("field")).contains("subject", "body");
    }

    @Test
    void r8OneLearnersPreviewFollowsTheScopeWithoutReadingEveryone() {
        String course = smallCourse();
        List<Instant> dates = jdbc.query("SELECT enrolled_at FROM enrollment WHERE course_id = ? ORDER BY "
                + "enrolled_at", rs -> rs.getObject(1, OffsetDateTime.class).toInstant(), course);
        Instant middle = dates.get(dates.size() / 2);
        BreachScope late = new BreachScope(ScopeMode.FILTER, List.of(course), middle, null, List.of(), List.of());
        IncidentDto draft = breach.created(officer, breach.request("One learner", late, discovered()));
        String inside = jdbc.queryOne("SELECT learner_id FROM enrollment WHERE course_id = ? AND enrolled_at >= ? "
                + "ORDER BY enrolled_at DESC", rs -> rs.getString(1), course, middle).orElseThrow();
        String before = jdbc.queryOne("SELECT e.learner_id FROM enrollment e WHERE e.course_id = ? AND e.enrolled_at "
                + "< ? "
                + "AND NOT EXISTS (SELECT 1 FROM enrollment o WHERE o.learner_id = e.learner_id AND o.course_id = ? "
                + "AND o.enrolled_at >= ?) ORDER BY e.enrolled_at", rs -> rs.getString(1), course, middle, course,
                        middle)
                .orElseThrow();
        String path = ApiPaths.breachNotice(draft.id()) + "/preview/message?learnerId=";
        TestApi.Response in = api.get(path + inside, officer);
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        assertThat(in.json().path("text").asText()).doesNotContain("{{");
        assertThat(api.get(path + before, officer).status()).as("enrolled before the range").isEqualTo(404);
    }

    @Test
    void r8FieldsAClientMustNotSetAreRefused() {
        String body = BreachApi.json(breach.request("Mass assignment", courseScope(smallCourse()), discovered()))
                .replaceFirst("\\{", "{\"state\":\"APPROVED\",\"createdBy\":\"someone\",");
        TestApi.Response r = api.post(ApiPaths.BREACH_NOTICES, officer, body);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("not accepted");
    }

    @Test
    void r8CancellingAnApprovedNoticeSendsNothing() {
        IncidentDto draft = breach.created(officer, breach.request("Cancel", courseScope(smallCourse()), discovered()));
        IncidentDto approved = breach.approved(officer2, breach.submitted(officer, draft.id()));
        assertThat(approved.progress().pending()).isPositive();
        TestApi.Response cancelled = breach.step(officer, draft.id(), "cancel", "{\"reason\":\"False alarm.\"}");
        assertThat(cancelled.status()).isEqualTo(200);
        IncidentDto now = cancelled.as(IncidentDto.class);
        assertThat(now.state()).isEqualTo(IncidentState.CANCELLED);
        assertThat(now.progress().pending()).isZero();
        assertThat(now.progress().lettersReady()).as("letters not printed yet are not to be posted either").isZero();
        assertThat(now.progress().cancelled())
                .isEqualTo(approved.progress().pending() + approved.progress().lettersReady());
        assertThat(breach.step(officer, draft.id(), "send", null).status()).isEqualTo(409);
        assertThat(api.get(ApiPaths.breachNotice(draft.id()) + "/letters", officer).status())
                .as("a cancelled notice's letters are not to be posted").isEqualTo(409);
        assertThat(jdbc.queryOne("SELECT COUNT(*) FROM notice_delivery WHERE incident_id = ? AND status = 'SENT'",
                rs -> rs.getLong(1), draft.id()).orElseThrow()).isZero();
    }

    TestApi.Response proposeSite(String token, String incidentId, String title, String body) {
        return api.send(api.request(ApiPaths.breachNotice(incidentId) + "/site-notice", token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        BreachApi.json(new SiteNoticeRequest(title, body)))).build());
    }

    @Test
    void r8ASiteNoticeGoesUpOnlyOnceASecondOfficerApprovesItsExactText() {
        IncidentDto draft = breach.created(officer, breach.request("Site", courseScope(smallCourse()), discovered()));
        String path = ApiPaths.breachNotice(draft.id()) + "/site-notice";
        String publicPath = ApiPaths.PUBLIC_SITE_NOTICES.replace("{memberId}", "northbridge");
        TestApi.Response proposed = proposeSite(officer, draft.id(), "Security notice",
                "We are contacting affected learners.");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
        String fingerprint = proposed.json().path("textFingerprint").asText();
        assertThat(proposed.json().path("postedAt").isNull()).isTrue();
        assertThat(api.get(publicPath, null).body()).as("not up before approval").doesNotContain("Security notice");

        TestApi.Response own = api.post(path + "/approve", officer, "{\"textFingerprint\":\"" + fingerprint + "\"}");
        assertThat(own.status()).as("the proposer cannot approve").isEqualTo(403);
        assertThat(api.post(path + "/approve", officer2, "{\"textFingerprint\":\"" + "0".repeat(64) + "\"}").status())
                .as("a text the approver did not read").isEqualTo(409);
        IncidentDto seen = breach.incident(officer2, draft.id());
        assertThat(seen.proposedSiteNotice().youMayApprove()).isTrue();
        assertThat(breach.incident(officer, draft.id()).proposedSiteNotice().youMayApprove()).isFalse();
        TestApi.Response approved = api.post(path + "/approve", officer2, "{\"textFingerprint\":\"" + fingerprint
                + "\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        TestApi.Response visible = api.get(publicPath, null);
        assertThat(visible.status()).isEqualTo(200);
        assertThat(visible.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(visible.json().get(0).path("title").asText()).isEqualTo("Security notice");
        assertThat(visible.json().get(0).path("memberName").asText()).isEqualTo("Northbridge University");
        assertThat(visible.body()).doesNotContain(draft.id(), approved.json().path("id").asText(), "incidentId",
                "memberId");
        assertThat(api.get(ApiPaths.PUBLIC_SITE_NOTICES.replace("{memberId}", "sahel"), null).body())
                .doesNotContain("Security notice");
        assertThat(breach.incident(officer, draft.id()).timeline()).extracting(t -> t.step())
                .contains("SITE_NOTICE_PROPOSED", "SITE_NOTICE_POSTED");

        assertThat(api.delete(path, officer).status()).isEqualTo(204);
        assertThat(api.get(publicPath, null).body()).as("gone at once").doesNotContain("Security notice");
        assertThat(api.delete(path, officer).status()).as("nothing left to withdraw").isEqualTo(404);
    }

    @Test
    void r8ASiteNoticeIsPlainTextWithoutMarkupOrControlCharacters() {
        IncidentDto draft = breach.created(officer, breach.request("Site text", courseScope(smallCourse()),
                discovered()));
        TestApi.Response html = proposeSite(officer, draft.id(), "Notice", "Click <a href=\"http://evil\">here</a>");
        assertThat(html.status()).isEqualTo(422);
        assertThat(html.json().path("errors").findValuesAsText("field")).containsExactly("body");
        assertThat(proposeSite(officer, draft.id(), "<script>x</script>", "Text").status()).isEqualTo(422);
        assertThat(proposeSite(officer, draft.id(), "Notice", "Scores < 5 and a > b stay as written.").status())
                .as("a lone angle bracket is text").isEqualTo(200);
    }

    TestApi.Response regulator(String token, String id, String notifiedAt, String authority, String reference) {
        return breach.step(token, id, "regulator-notification", "{\"notifiedAt\":" + (notifiedAt == null ? "null"
                : "\"" + notifiedAt + "\"") + ",\"authority\":" + BreachApi.json(authority) + ",\"reference\":"
                + BreachApi.json(reference) + "}");
    }

    @Test
    void r8TheRegulatorsClockStopsWhenTheAuthorityIsNotifiedNotWhenLearnersAre() throws Exception {
        IncidentDto draft = breach.created(officer, breach.request("Told the authority", courseScope(smallCourse()),
                discovered()));
        Instant told = discovered().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

        TestApi.Response r = regulator(officer2, draft.id(), told.toString(), "Office of the Data Protection "
                + "Commissioner", "ODPC/2026/0117");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        IncidentDto dto = r.as(IncidentDto.class);
        assertThat(dto.regulatorNotification().notifiedAt()).isEqualTo(told);
        assertThat(dto.regulatorNotification().authority()).isEqualTo("Office of the Data Protection Commissioner");
        assertThat(dto.regulatorNotification().reference()).isEqualTo("ODPC/2026/0117");
        assertThat(dto.regulatorNotification().recordedBy()).isNotBlank();
        assertThat(dto.state()).as("learners are not told by it").isEqualTo(IncidentState.DRAFT);
        assertThat(dto.timeline()).anySatisfy(t -> {
            assertThat(t.step()).isEqualTo("REGULATOR_NOTIFIED");
            assertThat(t.detail()).contains("Office of the Data Protection Commissioner").contains("ODPC/2026/0117");
        });
        List<IncidentSummaryDto> list = List.of(api.get(ApiPaths.BREACH_NOTICES, officer).as(
                IncidentSummaryDto[].class));
        assertThat(list).filteredOn(i -> i.id().equals(draft.id())).singleElement()
                .satisfies(i -> assertThat(i.regulatorNotifiedAt()).isEqualTo(told));

        // Recorded once: a second record, even a different one, changes nothing.
        TestApi.Response again = regulator(officer, draft.id(), told.plusSeconds(60).toString(), "Someone else", "");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(breach.incident(officer, draft.id()).regulatorNotification().authority())
                .isEqualTo("Office of the Data Protection Commissioner");

        String csv = api.get(ApiPaths.breachNotice(draft.id()) + "/record?format=csv", officer).body();
        assertThat(csv).contains("Supervisory authority notified").contains("ODPC/2026/0117")
                .contains("within 72 hours");
        assertThat(pdfText(ApiPaths.breachNotice(draft.id()) + "/record?format=pdf").replaceAll("\\s+", " "))
                .contains("Supervisory authority").contains("Office of the Data Protection Commissioner")
                .contains("ODPC/2026/0117");
        assertThat(jdbc.query("SELECT action FROM access_log WHERE object_id = ? ORDER BY seq", rs -> rs.getString(1),
                draft.id())).contains("BREACH_REGULATOR_NOTIFIED");
    }

    @Test
    void r8ARegulatorNotificationIsCheckedLikeEveryOtherDate() {
        IncidentDto draft = breach.created(officer, breach.request("Checked record", courseScope(smallCourse()),
                discovered()));
        String ok = discovered().plusSeconds(60).toString();
        record Bad(String when, String authority, String reference, String field) {
        }
        for (Bad bad : List.of(new Bad(null, "ICO", "", "notifiedAt"),
                new Bad("1960-01-01T00:00:00Z", "ICO", "", "notifiedAt"),
                new Bad(discovered().minusSeconds(60).toString(), "ICO", "", "notifiedAt"),
                new Bad(api.clock().instant().plus(Duration.ofDays(1)).toString(), "ICO", "", "notifiedAt"),
                new Bad(ok, "  ", "", "authority"),
                new Bad(ok, "ICO\u0000", "", "authority"),
                new Bad(ok, "ICO", "ref\nline", "reference"),
                new Bad(ok, "x".repeat(301), "", "authority"))) {
            TestApi.Response r = regulator(officer, draft.id(), bad.when(), bad.authority(), bad.reference());
            assertThat(r.status()).as(bad + ": " + r.body()).isEqualTo(422);
            assertThat(r.json().path("errors").findValuesAsText("field")).as(bad.toString()).contains(bad.field());
        }
        assertThat(breach.incident(officer, draft.id()).regulatorNotification()).isNull();
        // Another Member's officer cannot tell the platform anything about this incident (R1); an administrator
        // is not an officer (R8).
        assertThat(regulator(api.signIn("sahel-security"), draft.id(), ok, "ICO", "").status()).isEqualTo(404);
        assertThat(regulator(api.signIn("nb-admin"), draft.id(), ok, "ICO", "").status()).isEqualTo(403);
        assertThat(breach.incident(officer, draft.id()).regulatorNotification()).isNull();
    }

    @Test
    void r8SubmittingTellsTheOtherOfficersByEmailAndNotTheAuthors() throws Exception {
        Path mailbox = fixture.platform().sandboxMailbox().orElseThrow();
        IncidentDto draft = breach.created(officer, breach.request("Waits for a second officer",
                courseScope(smallCourse()), discovered()));
        IncidentDto submitted = breach.submitted(officer, draft.id());
        assertThat(submitted.timeline()).extracting(t -> t.step()).contains("APPROVERS_TOLD");
        assertThat(List.of(api.get(ApiPaths.BREACH_NOTICES, officer2).as(IncidentSummaryDto[].class)))
                .filteredOn(i -> i.id().equals(draft.id())).singleElement()
                .satisfies(i -> assertThat(i.awaitsYourApproval()).isTrue());
        assertThat(List.of(api.get(ApiPaths.BREACH_NOTICES, officer).as(IncidentSummaryDto[].class)))
                .filteredOn(i -> i.id().equals(draft.id())).singleElement()
                .satisfies(i -> assertThat(i.awaitsYourApproval()).as("the author").isFalse());

        Path second = mailbox.resolve("nb-security2@northbridge.staff.iqracity.example");
        String mail = awaitMail(second, draft.id(), Duration.ofSeconds(30));
        assertThat(mail).contains("Subject: Breach notice waiting for your approval: Waits for a second officer")
                .contains("Member Console").contains("The supervisory authority must be notified by")
                .doesNotContain("@example.org");
        Path author = mailbox.resolve("nb-security@northbridge.staff.iqracity.example");
        assertThat(mailFor(author, draft.id())).as("the author is not asked").isEmpty();
        assertThat(mailFor(mailbox.resolve("sahel-security@sahel.staff.iqracity.example"), draft.id()))
                .as("another Member's officer hears nothing").isEmpty();

        // An officer who rewrote part of the notice is an author too: nobody left to ask, nobody is mailed.
        IncidentDto other = breach.created(officer, breach.request("Co-written", courseScope(smallCourse()),
                discovered()));
        assertThat(breach.put(officer2, other.id(), other.etag(), edited(other, "dpo@northbridge.example",
                other.body())).status()).isEqualTo(200);
        IncidentDto coWritten = breach.submitted(officer, other.id());
        assertThat(coWritten.timeline()).extracting(t -> t.step()).doesNotContain("APPROVERS_TOLD");
        assertThat(jdbc.queryOne("SELECT COUNT(*) FROM officer_alert WHERE incident_id = ?", rs -> rs.getLong(1),
                other.id()).orElseThrow()).isZero();
    }

    private static List<Path> mailFor(Path folder, String incidentId) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().contains(incidentId)).toList();
        }
    }

    private static String awaitMail(Path folder, String incidentId, Duration patience) throws Exception {
        long until = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < until) {
            List<Path> found = mailFor(folder, incidentId);
            if (!found.isEmpty()) {
                assertThat(found).hasSize(1);
                return Files.readString(found.getFirst());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no approval request reached " + folder.getFileName());
    }

    @Test
    void r8ANoticeWhoseScopeNobodyChoseReachesNoOneAndCannotBeSubmitted() {
        IncidentDto draft = breach.created(officer, breach.request("Scope not chosen", null, discovered()));
        assertThat(draft.scope()).isNull();
        BreachPreviewDto preview = breach.preview(officer, draft.id());
        assertThat(preview.emailOnly() + preview.letterOnly() + preview.emailAndLetter()).isZero();
        TestApi.Response submit = breach.step(officer, draft.id(), "submit", null);
        assertThat(submit.status()).isEqualTo(422);
        assertThat(submit.body()).contains("Choose who gets the notice");
        // Every learner of the Member is a choice made on purpose.
        TestApi.Response every = breach.put(officer, draft.id(), draft.etag(), new IncidentRequest(draft.title(),
                draft.discoveredAt(), draft.occurredFrom(), draft.occurredTo(), draft.whatHappened(),
                draft.dataCategories(), draft.systems(), draft.measures(), draft.learnerActions(), draft.contact(),
                BreachScope.allLearners(), draft.subject(), draft.body()));
        assertThat(every.status()).as(every.body()).isEqualTo(200);
        assertThat(breach.preview(officer, draft.id()).emailOnly()).isPositive();
    }

    /** R13: the console's periodic check does not keep an idle session alive. */
    @Test
    void r13ABackgroundCheckIsNotTheOfficersActivity() {
        String token = api.signIn("nb-security");
        Instant stale = api.clock().instant().minus(Duration.ofMinutes(10)).truncatedTo(
                ChronoUnit.SECONDS);
        String session = jdbc.queryOne("SELECT session_id FROM session_token WHERE token_hash = ?",
                rs -> rs.getString(1), Tokens.sha256(token)).orElseThrow();
        jdbc.update("UPDATE staff_session SET last_used_at = ? WHERE id = ?", stale, session);

        var background = api.send(api.request(ApiPaths.BREACH_NOTICES, token)
                .header(ApiPaths.BACKGROUND_HEADER, "true").GET().build());
        assertThat(background.status()).isEqualTo(200);
        assertThat(lastUsed(session)).isEqualTo(stale);

        assertThat(api.get(ApiPaths.BREACH_NOTICES, token).status()).isEqualTo(200);
        assertThat(lastUsed(session)).isAfter(stale);
    }

    private Instant lastUsed(String session) {
        return jdbc.queryOne("SELECT last_used_at FROM staff_session WHERE id = ?", rs -> Jdbc.instant(rs, 1),
                session).orElseThrow();
    }

    String pdfText(String path) throws IOException, InterruptedException {
        var response = HttpClient.newHttpClient().send(api.request(path, officer).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (var doc = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
