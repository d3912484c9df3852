package org.iqracity.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.EnrollmentMode;
import org.iqracity.console.api.LearnerDetailDto;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.api.Page;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.Role;
import org.iqracity.console.platform.Platform;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.platform.StartupListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's client against the real platform in-process: the contract both sides rely on. */
class PlatformContractTest {

    private static final String PASSWORD = "sandbox-password";

    @TempDir
    static Path dataDir;
    static Platform platform;
    static PlatformConnector connector = PlatformConnector.overHttp();

    @BeforeAll
    static void start() {
        platform = Platform.start(PlatformConfig.embedded(dataDir, 0).withLearners(1500)
                .withSessionLimits(Duration.ofSeconds(3), Duration.ofMinutes(30), Duration.ofHours(1)),
                StartupListener.NONE);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private PlatformClient signedIn(String username) {
        PlatformClient client = connector.connect(platform.baseUri());
        client.signIn(username, PASSWORD, null);
        return client;
    }

    @Test
    void healthReportsTheApiVersionThisConsoleSpeaks() {
        assertThat(connector.connect(platform.baseUri()).health().apiVersion()).isEqualTo(ApiPaths.API_VERSION);
    }

    @Test
    void signInAnswersWhoIsSignedIn() {
        PlatformClient client = connector.connect(platform.baseUri());

        var session = client.signIn("nb-ta", PASSWORD, null);

        assertThat(session.staff().roles()).containsExactly(Role.COURSE_ADMIN);
        assertThat(client.me().username()).isEqualTo("nb-ta");
        assertThat(client.courses().all()).hasSize(2);
    }

    @Test
    void wrongPasswordAndMissingSecondFactorHaveTheirCodes() {
        PlatformClient client = connector.connect(platform.baseUri());

        assertThatThrownBy(() -> client.signIn("nb-ta", "nope", null))
                .isInstanceOfSatisfying(ApiHttpException.class,
                        e -> assertThat(e.code()).isEqualTo(ProblemCode.INVALID_CREDENTIALS));
        assertThatThrownBy(() -> client.signIn("nb-security", PASSWORD, null))
                .isInstanceOfSatisfying(ApiHttpException.class,
                        e -> assertThat(e.code()).isEqualTo(ProblemCode.MFA_REQUIRED));
        assertThatThrownBy(() -> client.signIn("nb-security", PASSWORD, "000000"))
                .isInstanceOfSatisfying(ApiHttpException.class,
                        e -> assertThat(e.code()).isIn(ProblemCode.MFA_INVALID, ProblemCode.THROTTLED));
    }

    @Test
    void courseIdsWithColonAndPlusTravelPercentEncoded() {
        PlatformClient client = signedIn("nb-admin");
        CourseDto first = client.courses().all().getFirst();

        assertThat(first.id()).contains(":").contains("+");
        assertThat(client.courses().get(first.id())).isEqualTo(first);
    }

    @Test
    void learnerPagesFollowCursorsWithoutRepeatsAndCarryTheTotal() {
        PlatformClient client = signedIn("nb-admin");
        CourseDto course = client.courses().all().getFirst();

        Page<LearnerRowDto> first = client.learners().page(course.id(), LearnerQuery.firstPage());
        Page<LearnerRowDto> second = client.learners().page(course.id(),
                LearnerQuery.firstPage().withCursor(first.nextCursor()));

        assertThat(first.items()).hasSize(50);
        assertThat(first.total()).isGreaterThan(50);
        Set<String> ids = new HashSet<>();
        first.items().forEach(r -> ids.add(r.learnerId()));
        second.items().forEach(r -> assertThat(ids.add(r.learnerId())).isTrue());
    }

    @Test
    void serverSortAndFiltersAreApplied() {
        PlatformClient client = signedIn("nb-admin");
        String course = client.courses().all().getFirst().id();

        List<LearnerRowDto> byProgress = client.learners().page(course,
                LearnerQuery.firstPage().withSort(LearnerSort.PROGRESS, true)).items();
        List<LearnerRowDto> verified = client.learners().page(course, LearnerQuery.firstPage()
                .withFilters(new LearnerQuery.Filters(EnrollmentMode.VERIFIED, null, null, List.of(), null, null, null,
                        null, null))).items();

        assertThat(byProgress).isSortedAccordingTo(Comparator.comparingDouble(LearnerRowDto::progress).reversed());
        assertThat(verified).isNotEmpty().allMatch(r -> r.mode() == EnrollmentMode.VERIFIED);
    }

    @Test
    void searchByEmailPrefixFindsTheLearnerAndTheDetailMarksPeerVisibility() {
        PlatformClient client = signedIn("nb-ta");
        String course = client.courses().all().getFirst().id();
        LearnerRowDto someone = client.learners().page(course, LearnerQuery.firstPage()).items().stream()
                .filter(r -> !r.retired()).findFirst().orElseThrow();
        String prefix = someone.email().substring(0, someone.email().indexOf('@'));

        Page<LearnerRowDto> found = client.learners().page(course, LearnerQuery.firstPage().withSearch(prefix));
        LearnerDetailDto detail = client.learners().detail(course, someone.learnerId());

        assertThat(found.items()).extracting(LearnerRowDto::learnerId).contains(someone.learnerId());
        assertThat(detail.profile().fields()).isNotEmpty();
        assertThat(detail.profile().fields()).anyMatch(f -> f.key().equals("username") && f.visibleToOtherLearners());
        assertThat(detail.profile().fields()).anyMatch(f -> f.key().equals("email") && !f.visibleToOtherLearners());
    }

    @Test
    void expiredAccessTokenIsRenewedSilently() throws Exception {
        PlatformClient client = signedIn("nb-ta");
        client.me();

        Thread.sleep(3500);

        assertThat(client.me().username()).isEqualTo("nb-ta");
    }

    @Test
    void afterSignOutTheSessionIsGone() {
        PlatformClient client = signedIn("nb-ta");

        client.signOut();

        assertThatThrownBy(client::me).isInstanceOf(SessionExpiredException.class);
    }

    @Test
    void anotherMembersCourseIsNotFound() {
        PlatformClient sahel = signedIn("sahel-admin");
        String northbridgeCourse = signedIn("nb-admin").courses().all().getFirst().id();

        assertThatThrownBy(() -> sahel.courses().get(northbridgeCourse))
                .isInstanceOfSatisfying(ApiHttpException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
}
