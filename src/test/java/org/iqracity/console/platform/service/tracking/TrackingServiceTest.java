package org.iqracity.console.platform.service.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.iqracity.console.api.ConsentCoverageDto;
import org.iqracity.console.api.EffectiveTrackingDto;
import org.iqracity.console.api.NecessityFlag;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.TrackingCategory;
import org.iqracity.console.api.TrackingCategorySetting;
import org.iqracity.console.api.TrackingKind;
import org.iqracity.console.api.TrackingParty;
import org.iqracity.console.api.TrackingSettingsDto;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingSurface;
import org.iqracity.console.api.TrackingTechnologyDto;
import org.iqracity.console.api.TrackingVersionDto;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.CourseService;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.service.Refused;
import org.iqracity.console.platform.service.ServiceSandbox;
import org.iqracity.console.platform.store.AccessLogRepository;
import org.iqracity.console.platform.store.CourseRepository;
import org.iqracity.console.platform.store.TrackingRepository;
import org.iqracity.console.platform.store.TrackingRepository.VersionRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R9 in the tracking service, on the sandbox without HTTP: versions with If-Match, history and revert, what
 * "strictly necessary" may hold, what a learner's choices let through, and who reaches which course (R1, R3).
 * Each test that saves works on a course of its own, so the versions it counts are its own.
 */
class TrackingServiceTest {
    static final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
    @TempDir
    static Path dir;
    static ServiceSandbox sandbox;
    static TrackingRepository versions;
    static TrackingService tracking;
    static Caller admin;
    static Caller otherAdmin;

    @BeforeAll
    static void loadSandbox() {
        sandbox = ServiceSandbox.load(dir, 100, clock);
        versions = new TrackingRepository(sandbox.jdbc());
        tracking = new TrackingService(new CourseService(new CourseRepository(sandbox.jdbc())), versions,
                sandbox.accessLog(), clock);
        // as the platform does for a new sandbox: every course starts at version 1
        tracking.seedSandbox(sandbox.jdbc().query("SELECT id FROM course ORDER BY id", rs -> rs.getString(1)),
                "Sandbox set-up");
        admin = sandbox.caller("nb-admin");
        otherAdmin = sandbox.caller("sahel-admin");
    }

    @AfterAll
    static void close() {
        sandbox.close();
    }

    /** The sandbox's course of that number (numbers are unique across its Members). */
    static String course(String number) {
        return sandbox.jdbc().queryOne("SELECT id FROM course WHERE number = ?", rs -> rs.getString(1), number)
                .orElseThrow();
    }

    static TrackingTechnologyDto technology(String name, TrackingParty party, String provider,
                                            TrackingCategory category, String purpose) {
        return new TrackingTechnologyDto(null, name, TrackingKind.SCRIPT, party, provider, category, purpose,
                List.of("_" + name.toLowerCase(Locale.ROOT).replace(' ', '_')), "30 days",
                        List.of(TrackingSurface.COURSE_PAGES),
                null);
    }

    /** The settings as they are, with {@code added} among the technologies. */
    static TrackingSettingsRequest with(TrackingSettingsRequest settings, TrackingTechnologyDto added) {
        List<TrackingTechnologyDto> technologies = new ArrayList<>(settings.technologies());
        technologies.add(added);
        return new TrackingSettingsRequest(settings.honourGlobalPrivacyControl(), settings.categories(), technologies);
    }

    /** The settings as they are, with the course using the optional categories given. */
    static TrackingSettingsRequest using(TrackingSettingsRequest settings, boolean performance, boolean functionality,
                                         boolean marketing) {
        return new TrackingSettingsRequest(settings.honourGlobalPrivacyControl(), List.of(
                new TrackingCategorySetting(TrackingCategory.STRICTLY_NECESSARY, true),
                new TrackingCategorySetting(TrackingCategory.PERFORMANCE, performance),
                new TrackingCategorySetting(TrackingCategory.FUNCTIONALITY, functionality),
                new TrackingCategorySetting(TrackingCategory.MARKETING, marketing)), settings.technologies());
    }

    static List<AccessLogRepository.Entry> logged(String action, String course) {
        return sandbox.logged("northbridge", action).stream().filter(e -> course.equals(e.courseId())).toList();
    }

    @Test
    void r9ASaveNamingTheCurrentVersionMakesTheNextAttributedAndLogged() {
        String course = course("CS101");
        TrackingSettingsDto v1 = tracking.get(admin, course);
        assertThat(v1.version()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));

        TrackingSettingsDto v2 = tracking.update(admin, course, v1.etag(), using(v1.toRequest(), true, true, false));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.updatedBy()).isEqualTo(admin.displayName());
        assertThat(v2.updatedAt()).isEqualTo(clock.instant());
        assertThat(tracking.get(admin, course)).isEqualTo(v2);
        // R12: who changed which version of which course
        assertThat(logged("TRACKING_UPDATE", course)).singleElement().satisfies(e -> {
            assertThat(e.actorUsername()).isEqualTo("nb-admin");
            assertThat(e.objectId()).isEqualTo(course + "@v2");
        });
    }

    @Test
    void r9ASaveNamingAStaleVersionIsRefusedAndOverwritesNothing() {
        String course = course("DS200");
        TrackingSettingsDto opened = tracking.get(admin, course);
        TrackingSettingsDto first = tracking.update(admin, course, opened.etag(),
                using(opened.toRequest(), true, false, false));

        PlatformException stale = Refused.by(() -> tracking.update(admin, course, opened.etag(),
                using(opened.toRequest(), false, false, true)));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo(ProblemCode.VERSION_CONFLICT);
        assertThat(tracking.get(admin, course)).isEqualTo(first);
        assertThat(versions.history(course)).hasSize(2);
    }

    @Test
    void r9ASaveWithoutAVersionIsRefusedBeforeAnythingIsRead() {
        String course = course("DS200");
        TrackingSettingsRequest any = tracking.get(admin, course).toRequest();
        PlatformException missing = Refused.by(() -> tracking.update(admin, course, null, any));
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.code()).isEqualTo(ProblemCode.PRECONDITION_REQUIRED);
        PlatformException garbled = Refused.by(() -> tracking.update(admin, course, "\"latest\"", any));
        assertThat(garbled.status()).isEqualTo(412);
        assertThat(garbled.code()).isEqualTo(ProblemCode.VERSION_CONFLICT);
    }

    @Test
    void r9HistoryTellsWhoChangedWhatNewestFirstAndRevertMakesANewVersion() {
        String course = course("MATH110");
        TrackingSettingsDto v1 = tracking.get(admin, course);
        TrackingSettingsDto v2 = tracking.update(admin, course, v1.etag(), using(v1.toRequest(), false, false, false));

        TrackingSettingsDto v3 = tracking.revert(admin, course, v2.etag(), 1);

        assertThat(v3.version()).isEqualTo(3);
        assertThat(v3.categories()).isEqualTo(v1.categories());
        assertThat(v3.technologies()).isEqualTo(v1.technologies());
        List<TrackingVersionDto> history = tracking.history(admin, course);
        assertThat(history).extracting(TrackingVersionDto::version).containsExactly(3L, 2L, 1L);
        assertThat(history).extracting(TrackingVersionDto::by)
                .containsExactly(admin.displayName(), admin.displayName(), "Sandbox set-up");
        assertThat(history.get(0).revertedFrom()).isEqualTo(1L);
        assertThat(history.get(1).revertedFrom()).isNull();
        assertThat(history.get(1).changes()).isNotEmpty();
        assertThat(tracking.atVersion(admin, course, 2).categories()).isEqualTo(v2.categories());
        assertThat(logged("TRACKING_REVERT", course)).extracting(AccessLogRepository.Entry::objectId)
                .containsExactly(course + "@v3");
    }

    @Test
    void r9AnOldVersionThatBreaksTodaysRulesCannotBeRestored() {
        String course = course("BIO150");
        TrackingSettingsDto v1 = tracking.get(admin, course);
        // stored before advertising filed as strictly necessary was refused
        TrackingSettingsRequest old = with(v1.toRequest(), technology("Retargeting pixel", TrackingParty.THIRD_PARTY,
                "AdReach Networks", TrackingCategory.STRICTLY_NECESSARY, "Shows our course ads on other sites."));
        assertThat(versions.insert(new VersionRow(course, 2, clock.instant(), null, "An older version", null,
                TrackingDocuments.write(TrackingDocuments.withIds(old))))).isTrue();
        TrackingSettingsDto v3 = tracking.update(admin, course, "\"v2\"", v1.toRequest());

        PlatformException refused = Refused.by(() -> tracking.revert(admin, course, v3.etag(), 2));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(Refused.fields(refused)).containsExactly("version");
        assertThat(refused.errors().getFirst().message()).contains("Advertising is never strictly necessary");
        assertThat(tracking.get(admin, course).version()).isEqualTo(3);
        PlatformException noSuchVersion = Refused.by(() -> tracking.revert(admin, course, v3.etag(), 99));
        assertThat(Refused.fields(noSuchVersion)).containsExactly("version");
    }

    @Test
    void r9StrictlyNecessaryCannotBeSwitchedOff() {
        String course = course("HIST210");
        TrackingSettingsDto v1 = tracking.get(admin, course);
        List<TrackingCategorySetting> off = new ArrayList<>(v1.categories());
        off.replaceAll(c -> c.category() == TrackingCategory.STRICTLY_NECESSARY
                ? new TrackingCategorySetting(TrackingCategory.STRICTLY_NECESSARY, false) : c);

        PlatformException refused = Refused.by(() -> tracking.update(admin, course, v1.etag(),
                new TrackingSettingsRequest(true, off, v1.technologies())));

        assertThat(refused.code()).isEqualTo(ProblemCode.VALIDATION_FAILED);
        assertThat(Refused.fields(refused)).containsExactly("categories[0].enabled");
        assertThat(tracking.get(admin, course).version()).isEqualTo(1);
    }

    @Test
    void r9AdvertisingFiledAsStrictlyNecessaryIsRefused() {
        String course = course("ECON101");
        TrackingSettingsDto v1 = tracking.get(admin, course);
        int at = v1.technologies().size();

        PlatformException refused = Refused.by(() -> tracking.update(admin, course, v1.etag(), with(v1.toRequest(),
                technology("Campaign tag", TrackingParty.FIRST_PARTY, null, TrackingCategory.STRICTLY_NECESSARY,
                        "Keeps the learner signed in."))));

        assertThat(Refused.fields(refused)).containsExactly("technologies[" + at + "].category");
        assertThat(refused.errors().getFirst().message()).contains("\"campaign\" in the name");
        assertThat(tracking.get(admin, course).version()).isEqualTo(1);
    }

    @Test
    void r9AThirdPartyFiledAsStrictlyNecessaryNeedsAJustificationAndIsThenFlagged() {
        String course = course("ENG120");
        TrackingSettingsDto v1 = tracking.get(admin, course);
        int at = v1.technologies().size();
        TrackingTechnologyDto captcha = technology("Sign-up captcha", TrackingParty.THIRD_PARTY, "Gatekeep Ltd.",
                TrackingCategory.STRICTLY_NECESSARY, "Tells people from robots at sign-up.");

        PlatformException unjustified = Refused.by(() -> tracking.update(admin, course, v1.etag(),
                with(v1.toRequest(), captcha)));
        assertThat(Refused.fields(unjustified)).containsExactly("technologies[" + at + "].necessityJustification");

        TrackingSettingsDto saved = tracking.update(admin, course, v1.etag(), with(v1.toRequest(), captcha
                .withNecessityJustification("Without it, bots flood the course forum and sign-ups.")));
        assertThat(saved.technologies().get(at).necessityFlag()).isEqualTo(NecessityFlag.THIRD_PARTY);
        assertThat(tracking.history(admin, course).getFirst().flagged()).extracting(TrackingTechnologyDto::name)
                .containsExactly("Sign-up captcha");
    }

    @Test
    void r9AThirdPartyNamesItsProviderAndAnOptOutLinkIsHttps() {
        String course = course("CS50P");
        TrackingSettingsDto v1 = tracking.get(admin, course);
        int at = v1.technologies().size();
        TrackingTechnologyDto nameless = technology("Heatmaps", TrackingParty.THIRD_PARTY, " ",
                TrackingCategory.PERFORMANCE, "Shows where learners click.");
        TrackingTechnologyDto plainLink = new TrackingTechnologyDto(null, "Heatmaps", TrackingKind.SCRIPT,
                TrackingParty.THIRD_PARTY, "Heatmap Co.", TrackingCategory.PERFORMANCE, "Shows where learners click.",
                List.of("_hm"), "30 days", List.of(TrackingSurface.COURSE_PAGES), "http://heatmap.example/opt-out");

        PlatformException noProvider = Refused.by(() -> tracking.update(admin, course, v1.etag(),
                with(v1.toRequest(), nameless)));
        PlatformException notHttps = Refused.by(() -> tracking.update(admin, course, v1.etag(),
                with(v1.toRequest(), plainLink)));

        assertThat(Refused.fields(noProvider)).containsExactly("technologies[" + at + "].provider");
        assertThat(Refused.fields(notHttps)).containsExactly("technologies[" + at + "].optOutUrl");
        assertThat(tracking.get(admin, course).version()).isEqualTo(1);
    }

    @Test
    void r9ALearnerWhoAllowsNothingGetsOnlyWhatIsStrictlyNecessary() {
        String course = course("PHYS101");
        TrackingSettingsDto settings = tracking.get(admin, course);

        EffectiveTrackingDto none = tracking.effective(admin, course, false, false, false, false);

        assertThat(none.applied()).isNotEmpty()
                .allSatisfy(t -> assertThat(t.category()).isEqualTo(TrackingCategory.STRICTLY_NECESSARY));
        assertThat(none.withheld()).hasSize(settings.technologies().size() - none.applied().size())
                .allSatisfy(w -> assertThat(w.reason()).isEqualTo(TrackingRules.NOT_ALLOWED));
        EffectiveTrackingDto analytics = tracking.effective(admin, course, true, false, false, false);
        assertThat(analytics.applied()).extracting(TrackingTechnologyDto::category)
                .containsOnly(TrackingCategory.STRICTLY_NECESSARY, TrackingCategory.PERFORMANCE)
                .contains(TrackingCategory.PERFORMANCE);
    }

    @Test
    void r9ACategoryTheCourseDoesNotUseIsWithheldWhateverTheLearnerAllows() {
        String course = course("AGRI101");
        TrackingSettingsDto v1 = tracking.get(otherAdmin, course);
        tracking.update(otherAdmin, course, v1.etag(), using(v1.toRequest(), false, true, true));

        EffectiveTrackingDto all = tracking.effective(otherAdmin, course, true, true, true, false);

        assertThat(all.withheld()).isNotEmpty().allSatisfy(w -> {
            assertThat(w.technology().category()).isEqualTo(TrackingCategory.PERFORMANCE);
            assertThat(w.reason()).isEqualTo(TrackingRules.CATEGORY_OFF);
        });
    }

    @Test
    void r9MarketingIsWithheldFromALearnerWhoseBrowserSendsGlobalPrivacyControl() {
        String course = course("SOLAR201");
        TrackingSettingsDto v1 = tracking.get(otherAdmin, course);
        TrackingSettingsDto v2 = tracking.update(otherAdmin, course, v1.etag(), with(using(v1.toRequest(), true, true,
                true), technology("Referral badge", TrackingParty.FIRST_PARTY, null, TrackingCategory.MARKETING,
                "Counts learners who came by referral.")));

        EffectiveTrackingDto allowed = tracking.effective(otherAdmin, course, true, true, true, false);
        EffectiveTrackingDto gpc = tracking.effective(otherAdmin, course, true, true, true, true);

        assertThat(v2.honourGlobalPrivacyControl()).isTrue();
        assertThat(allowed.applied()).extracting(TrackingTechnologyDto::name).contains("Referral badge");
        assertThat(gpc.applied()).extracting(TrackingTechnologyDto::category)
                .doesNotContain(TrackingCategory.MARKETING);
        assertThat(gpc.withheld()).isNotEmpty().allSatisfy(w -> {
            assertThat(w.technology().category()).isEqualTo(TrackingCategory.MARKETING);
            assertThat(w.reason()).isEqualTo(TrackingRules.GPC);
        });
    }

    @Test
    void r9AdvertisingStoredAsNecessaryBeforeTheRuleAppliesOnlyAsMarketing() {
        String course = course("WATER110");
        TrackingSettingsDto v1 = tracking.get(otherAdmin, course);
        TrackingSettingsRequest old = with(using(v1.toRequest(), true, true, true), technology("Ad network tag",
                TrackingParty.THIRD_PARTY, "AdReach Networks", TrackingCategory.STRICTLY_NECESSARY,
                "Measures the course's campaigns."));
        versions.insert(new VersionRow(course, 2, clock.instant(), null, "An older version", null,
                TrackingDocuments.write(TrackingDocuments.withIds(old))));

        EffectiveTrackingDto refusesMarketing = tracking.effective(otherAdmin, course, true, true, false, false);
        EffectiveTrackingDto allowsMarketing = tracking.effective(otherAdmin, course, true, true, true, false);

        assertThat(tracking.get(otherAdmin, course).technologies()).filteredOn(t -> t.name().equals("Ad network tag"))
                .extracting(TrackingTechnologyDto::necessityFlag).containsExactly(NecessityFlag.ADVERTISING);
        assertThat(refusesMarketing.applied()).extracting(TrackingTechnologyDto::name).doesNotContain("Ad network tag");
        assertThat(refusesMarketing.withheld()).filteredOn(w -> w.technology().name().equals("Ad network tag"))
                .extracting(EffectiveTrackingDto.Withheld::reason).containsExactly(TrackingRules.NOT_ALLOWED);
        assertThat(allowsMarketing.applied()).extracting(TrackingTechnologyDto::name).contains("Ad network tag");
    }

    @Test
    void r3ACourseAdministratorReachesOnlyTheCoursesAssignedToThem() {
        Caller ta = sandbox.caller("nb-ta");
        String assigned = course("ENG120");
        String other = course("CS101");
        TrackingSettingsDto seen = tracking.get(admin, other);

        assertThat(tracking.get(ta, assigned).courseId()).isEqualTo(assigned);
        for (ThrowingCallable call : List.<ThrowingCallable>of(() -> tracking.get(ta, other),
                () -> tracking.update(ta, other, seen.etag(), seen.toRequest()),
                () -> tracking.revert(ta, other, seen.etag(), 1), () -> tracking.history(ta, other),
                () -> tracking.effective(ta, other, true, true, true, false), () -> tracking.coverage(ta, other))) {
            assertThat(Refused.by(call).status()).isEqualTo(404);
        }
        assertThat(tracking.get(admin, other)).isEqualTo(seen);
    }

    @Test
    void r1AnotherMembersCourseAnswersAsACourseThatDoesNotExist() {
        String northbridgeCourse = course("DS200");
        PlatformException other = Refused.by(() -> tracking.get(otherAdmin, northbridgeCourse));
        PlatformException none = Refused.by(() -> tracking.get(otherAdmin, "course-v1:SahelTech+NOSUCH+2026_T1"));

        assertThat(other.status()).isEqualTo(404);
        assertThat(other.code()).isEqualTo(ProblemCode.NOT_FOUND);
        assertThat(other.getMessage()).isEqualTo(none.getMessage());
        TrackingSettingsDto current = tracking.get(admin, northbridgeCourse);
        assertThat(Refused.by(() -> tracking.update(otherAdmin, northbridgeCourse, current.etag(), current.toRequest()))
                .status()).isEqualTo(404);
        assertThat(Refused.by(() -> tracking.history(otherAdmin, northbridgeCourse)).status()).isEqualTo(404);
        assertThat(tracking.get(admin, northbridgeCourse)).isEqualTo(current);
    }

    @Test
    void aSecurityOfficerDoesNotWorkWithCourseTracking() {
        PlatformException refused = Refused.by(() -> tracking.get(sandbox.caller("nb-security"), course("CS101")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo(ProblemCode.FORBIDDEN);
    }

    @Test
    void r11ConsentCoverageHidesCountsUnderFiveAndCountsThatLeaveUnderFive() {
        String course = course("CS101");
        List<String> learners = sandbox.jdbc().query("SELECT e.learner_id FROM enrollment e JOIN learner l ON "
                + "l.id = e.learner_id WHERE e.course_id = ? AND e.active = TRUE AND l.status = 'ACTIVE' "
                + "ORDER BY e.learner_id", rs -> rs.getString(1), course);
        assertThat(learners).as("the sandbox course is big enough").hasSizeGreaterThan(12);
        // three allow marketing; all but three allow analytics; functionality is left as the learners chose
        for (int i = 0; i < learners.size(); i++) {
            sandbox.jdbc().update("UPDATE learner SET cookie_marketing = ?, cookie_analytics = ? WHERE id = ?", i < 3,
                    i >= 3, learners.get(i));
        }

        ConsentCoverageDto coverage = tracking.coverage(admin, course);

        assertThat(coverage.learners().count()).isEqualTo(learners.size());
        assertThat(allowing(coverage, TrackingCategory.MARKETING).count()).isNull();
        assertThat(allowing(coverage, TrackingCategory.MARKETING).display()).isEqualTo("fewer than 5");
        assertThat(allowing(coverage, TrackingCategory.PERFORMANCE).count()).isNull();
        assertThat(allowing(coverage, TrackingCategory.PERFORMANCE).display()).isEqualTo("all but fewer than 5");
        assertThat(allowing(coverage, TrackingCategory.STRICTLY_NECESSARY).count()).isEqualTo(learners.size());
    }

    static ConsentCoverageDto.AggregateCount allowing(ConsentCoverageDto coverage, TrackingCategory category) {
        return coverage.categories().stream().filter(c -> c.category() == category).findFirst().orElseThrow()
                .allowing();
    }
}
