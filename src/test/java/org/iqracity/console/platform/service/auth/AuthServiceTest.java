package org.iqracity.console.platform.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.iqracity.console.api.CourseScope;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.SessionDto;
import org.iqracity.console.api.SessionRequest;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.platform.service.AccessLog;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.service.Refused;
import org.iqracity.console.platform.service.RequestOrigin;
import org.iqracity.console.platform.service.Tokens;
import org.iqracity.console.platform.store.AccessLogRepository;
import org.iqracity.console.platform.store.Database;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.MasterKey;
import org.iqracity.console.platform.store.SecretBox;
import org.iqracity.console.platform.store.SessionRepository;
import org.iqracity.console.platform.store.StaffRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R13 in the sign-in service, without HTTP: credentials, the second factor, throttling, token rotation, session
 * limits and sign-out, with what goes into the access log (R12). Each test has a Member and staff accounts of its
 * own, stored as the platform stores them, and a service with a fresh throttle; the clock is moved, never waited on.
 */
class AuthServiceTest {
    static final String PASSWORD = "correct horse battery staple";
    static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";
    static final Duration ACCESS = Duration.ofMinutes(10);
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration ABSOLUTE = Duration.ofHours(8);
    static final RequestOrigin ORIGIN = new RequestOrigin("member-console/1", "10.0.0.7");
    static final AtomicInteger MEMBERS = new AtomicInteger();
    static final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
    @TempDir
    static Path dir;
    static Database database;
    static Jdbc jdbc;
    static SecretBox box;
    static AccessLog log;
    static PasswordHasher hasher;
    /** One argon2id hash of {@link #PASSWORD}, stored for every account: hashing is the slow part. */
    static String passwordHash;

    /** This test's Member; usernames and course ids end in its number, as they are unique across Members. */
    String member;
    int number;
    AuthService auth;

    @BeforeAll
    static void freshDatabase() {
        database = Database.embedded(dir);
        database.migrate();
        jdbc = new Jdbc(database.dataSource());
        MasterKey key = MasterKey.of(new byte[32]);
        box = key.box();
        log = new AccessLog(jdbc, new AccessLogRepository(jdbc), clock, key.accessLogKey());
        hasher = new PasswordHasher();
        passwordHash = hasher.hash(PASSWORD);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void newMemberAndService() {
        number = MEMBERS.incrementAndGet();
        member = "member-" + number;
        jdbc.update("INSERT INTO member (id, name, created_at) VALUES (?, ?, ?)", member, "Member " + member,
                clock.instant());
        auth = new AuthService(new StaffRepository(jdbc, box), new SessionRepository(jdbc), hasher,
                new LoginThrottle(clock), log, new SessionPolicy(ACCESS, IDLE, ABSOLUTE), clock);
    }

    record Account(String id, String username) {
    }

    /** A staff account of this test's Member, stored as the platform stores one. */
    Account account(String name, String totpSecret, Role... roles) {
        String id = Tokens.newId().substring(0, 20);
        String username = name + "-" + number;
        jdbc.update("INSERT INTO staff (id, member_id, username, display_name, password_hash, totp_secret, "
                + "all_courses, status, created_at) VALUES (?, ?, ?, ?, ?, ?, TRUE, 'ACTIVE', ?)", id, member,
                username, "Staff " + username, passwordHash,
                totpSecret == null ? null : box.seal(StaffRepository.totpPlace(id), totpSecret), clock.instant());
        for (Role role : roles) {
            jdbc.update("INSERT INTO staff_role (staff_id, role) VALUES (?, ?)", id, role.name());
        }
        return new Account(id, username);
    }

    /** A course administrator of new courses of this test's Member, with their ids. */
    Account courseAdmin(String name, List<String> courses) {
        Account account = account(name, null, Role.COURSE_ADMIN);
        jdbc.update("UPDATE staff SET all_courses = FALSE WHERE id = ?", account.id());
        for (String course : courses) {
            jdbc.update("INSERT INTO course (id, member_id, org, number, run, title, grading_policy) VALUES "
                    + "(?, ?, 'Org', ?, '2026_T1', 'A course', 'Final exam:1.0')", course, member, course);
            jdbc.update("INSERT INTO staff_course (staff_id, course_id) VALUES (?, ?)", account.id(), course);
        }
        return account;
    }

    SessionDto signIn(String username, String password) {
        return auth.signIn(new SessionRequest(username, password, null), ORIGIN);
    }

    SessionDto signIn(String username, String password, String totp) {
        return auth.signIn(new SessionRequest(username, password, totp), ORIGIN);
    }

    /** A code of the next 30-second step, which no sign-in can have used yet. */
    static String nextCode() {
        clock.advance(Duration.ofSeconds(30));
        return Totp.code(TOTP_SECRET, Totp.step(clock.instant()));
    }

    static String upper(String username) {
        return username.toUpperCase(Locale.ROOT);
    }

    /** "Ward-Admin-3" for "ward-admin-3". */
    static String mixedCase(String username) {
        StringBuilder out = new StringBuilder(username);
        for (int i = 0; i < out.length(); i++) {
            if (i == 0 || out.charAt(i - 1) == '-') {
                out.setCharAt(i, Character.toUpperCase(out.charAt(i)));
            }
        }
        return out.toString();
    }

    static void assertRefused(PlatformException refusal, int status, String code) {
        assertThat(refusal.status()).as(refusal.getMessage()).isEqualTo(status);
        assertThat(refusal.code()).isEqualTo(code);
    }

    List<AccessLogRepository.Entry> logged(String action) {
        return log.entries(member).stream().filter(e -> e.action().equals(action)).toList();
    }

    String revokeReason(String accessToken) {
        return jdbc.queryOne("SELECT s.revoke_reason FROM staff_session s JOIN session_token t ON t.session_id = s.id "
                + "WHERE t.token_hash = ?", rs -> rs.getString(1), Tokens.sha256(accessToken)).orElseThrow();
    }

    @Test
    void r13ASignInOpensASessionWhoseAccessTokenNamesTheStaffMemberAndTheirScope() {
        List<String> courses = List.of("course-v1:Org+A" + number + "+2026_T1",
                "course-v1:Org+B" + number + "+2026_T1");
        String ta = courseAdmin("ward-ta", courses).username();

        SessionDto session = signIn(ta, PASSWORD);
        Caller caller = auth.authenticate(session.accessToken(), ORIGIN);

        assertThat(session.expiresIn()).isEqualTo(ACCESS.toSeconds());
        assertThat(session.refreshExpiresIn()).isEqualTo(IDLE.toSeconds());
        assertThat(session.staff().username()).isEqualTo(ta);
        assertThat(caller.memberId()).isEqualTo(member);
        assertThat(caller.roles()).containsExactly(Role.COURSE_ADMIN);
        assertThat(caller.scope()).isEqualTo(CourseScope.of(courses));
        assertThat(session.accessToken()).isNotEqualTo(session.refreshToken()).matches("[A-Za-z0-9_-]{43}");
        // the platform keeps the tokens' hashes only
        assertThat(jdbc.query("SELECT token_hash FROM session_token WHERE session_id = ?", rs -> rs.getString(1),
                caller.sessionId())).containsExactlyInAnyOrder(Tokens.sha256(session.accessToken()),
                Tokens.sha256(session.refreshToken()));
        assertThat(logged("SIGN_IN")).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("SUCCESS");
            assertThat(e.actorUsername()).isEqualTo(ta);
            assertThat(e.client()).isEqualTo("member-console/1");
        });
    }

    @Test
    void r13AnUnknownUserAWrongPasswordAndADisabledAccountAreRefusedAlike() {
        String admin = account("ward-admin", null, Role.MEMBER_ADMIN).username();
        Account disabledAccount = account("ward-gone", null, Role.MEMBER_ADMIN);
        String gone = disabledAccount.username();
        auth.disable(disabledAccount.id());

        PlatformException unknown = Refused.by(() -> signIn("nobody-here", PASSWORD));
        PlatformException wrong = Refused.by(() -> signIn(admin, "not the password"));
        PlatformException disabled = Refused.by(() -> signIn(gone, PASSWORD));

        for (PlatformException refusal : List.of(unknown, wrong, disabled)) {
            assertRefused(refusal, 401, ProblemCode.INVALID_CREDENTIALS);
            assertThat(refusal.getMessage()).isEqualTo(unknown.getMessage());
        }
        // R12: an account's failures go to its Member's log; a name that is nobody's to the platform's own
        assertThat(logged("SIGN_IN")).extracting(AccessLogRepository.Entry::actorUsername)
                .containsExactly(admin, gone);
        assertThat(log.entries(AccessLog.PLATFORM_CHAIN)).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("SIGN_IN");
            assertThat(e.outcome()).isEqualTo("FAILURE");
            assertThat(e.actorUsername()).isNull();
        });
    }

    @Test
    void r13AUsernameIsOneAccountWhateverItsCase() {
        String admin = account("ward-admin", null, Role.MEMBER_ADMIN).username();

        SessionDto session = signIn(mixedCase(admin), PASSWORD);

        assertThat(session.staff().username()).isEqualTo(admin);
        assertThat(auth.authenticate(session.accessToken(), ORIGIN).username()).isEqualTo(admin);
    }

    @Test
    void r13FiveFailuresMakeTheAccountWaitWithRetryAfterEvenForTheRightPassword() {
        String admin = account("ward-admin", null, Role.MEMBER_ADMIN).username();
        for (String typed : List.of(admin, upper(admin), mixedCase(admin), upper(admin), mixedCase(admin))) {
            assertRefused(Refused.by(() -> signIn(typed, "a guess")), 401, ProblemCode.INVALID_CREDENTIALS);
        }

        PlatformException waiting = Refused.by(() -> signIn(admin, PASSWORD));

        assertRefused(waiting, 429, ProblemCode.THROTTLED);
        assertThat(waiting.retryAfterSeconds()).isEqualTo(30);
        clock.advance(Duration.ofSeconds(29));
        assertThat(Refused.by(() -> signIn(admin, PASSWORD)).retryAfterSeconds()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(signIn(admin, PASSWORD).staff().username()).isEqualTo(admin);
    }

    @Test
    void r13EachFailureAfterTheLockOutDoublesTheWait() {
        String admin = account("ward-admin", null, Role.MEMBER_ADMIN).username();
        for (int i = 0; i < 5; i++) {
            Refused.by(() -> signIn(admin, "a guess"));
        }
        for (long wait : new long[] {30, 60, 120}) {
            assertThat(Refused.by(() -> signIn(admin, PASSWORD)).retryAfterSeconds()).isEqualTo(wait);
            clock.advance(Duration.ofSeconds(wait));
            assertRefused(Refused.by(() -> signIn(admin, "another guess")), 401,
                    ProblemCode.INVALID_CREDENTIALS);
        }
        assertThat(Refused.by(() -> signIn(admin, PASSWORD)).retryAfterSeconds()).isEqualTo(240);
    }

    @Test
    void r12ALockOutIsInTheAccountsMemberLogUnderItsOwnName() {
        String ta = account("ward-ta", null, Role.COURSE_ADMIN).username();
        for (String typed : List.of(upper(ta), mixedCase(ta), ta, upper(ta), mixedCase(ta))) {
            Refused.by(() -> signIn(typed, "a guess"));
        }

        assertThat(logged("SIGN_IN")).hasSize(5).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo("FAILURE");
            assertThat(e.actorUsername()).isEqualTo(ta);
        });
        assertThat(logged("SIGN_IN_LOCKED")).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("DENIED");
            assertThat(e.actorUsername()).isEqualTo(ta);
        });
    }

    @Test
    void r13ASecurityOfficerMustGiveTheSecondFactor() {
        String officer = account("ward-security", TOTP_SECRET, Role.SECURITY_OFFICER).username();
        long now = Totp.step(clock.instant());

        assertRefused(Refused.by(() -> signIn(officer, PASSWORD)), 401, ProblemCode.MFA_REQUIRED);
        assertRefused(Refused.by(() -> signIn(officer, PASSWORD, Totp.code(TOTP_SECRET, now + 5))), 401,
                ProblemCode.MFA_INVALID);
        assertThat(signIn(officer, PASSWORD, nextCode()).staff().roles())
                .containsExactly(Role.SECURITY_OFFICER);
    }

    @Test
    void r13EachSecondFactorCodeIsAcceptedOnce() {
        String officer = account("ward-security", TOTP_SECRET, Role.SECURITY_OFFICER).username();
        String earlier = nextCode();
        String code = nextCode();
        signIn(officer, PASSWORD, code);

        assertRefused(Refused.by(() -> signIn(officer, PASSWORD, code)), 401, ProblemCode.MFA_REUSED);
        // a code of the step before, still within the clock drift allowed, is older than the one used: refused too
        assertRefused(Refused.by(() -> signIn(officer, PASSWORD, earlier)), 401, ProblemCode.MFA_REUSED);
        assertThat(logged("SIGN_IN")).extracting(AccessLogRepository.Entry::outcome)
                .containsExactly("SUCCESS", "FAILURE", "FAILURE");
    }

    @Test
    void r13GuessingTheSecondFactorIsThrottledAsGuessingThePasswordIs() {
        String officer = account("ward-security", TOTP_SECRET, Role.SECURITY_OFFICER).username();
        long far = Totp.step(clock.instant()) + 10;
        for (int i = 0; i < 5; i++) {
            String wrong = Totp.code(TOTP_SECRET, far + i);
            assertRefused(Refused.by(() -> signIn(officer, PASSWORD, wrong)), 401, ProblemCode.MFA_INVALID);
        }

        // even the right code waits
        String right = Totp.code(TOTP_SECRET, Totp.step(clock.instant()));
        assertRefused(Refused.by(() -> signIn(officer, PASSWORD, right)), 429, ProblemCode.THROTTLED);
        assertThat(logged("SIGN_IN_LOCKED")).hasSize(1);
    }

    @Test
    void r13AnOfficerWithoutAnEnrolledSecondFactorCannotSignInAtAll() {
        String officer = account("ward-security", null, Role.SECURITY_OFFICER).username();

        assertRefused(Refused.by(() -> signIn(officer, PASSWORD, nextCode())), 401,
                ProblemCode.INVALID_CREDENTIALS);
    }

    @Test
    void r13TheSecondFactorIsNotAskedForBeforeThePasswordIsRight() {
        String officer = account("ward-security", TOTP_SECRET, Role.SECURITY_OFFICER).username();

        assertRefused(Refused.by(() -> signIn(officer, "a guess")), 401, ProblemCode.INVALID_CREDENTIALS);
    }

    @Test
    void r13RefreshGivesNewTokensThatCarryTheSessionOn() {
        String admin = account("ward-admin", null, Role.MEMBER_ADMIN).username();
        SessionDto first = signIn(admin, PASSWORD);
        clock.advance(Duration.ofMinutes(5));

        SessionDto second = auth.refresh(first.refreshToken(), ORIGIN);

        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        Caller caller = auth.authenticate(second.accessToken(), ORIGIN);
        assertThat(caller.sessionId()).isEqualTo(auth.authenticate(first.accessToken(), ORIGIN).sessionId());
    }

    @Test
    void r13AReusedRefreshTokenRevokesTheWholeSession() {
        String admin = account("ward-admin", null, Role.MEMBER_ADMIN).username();
        SessionDto signedIn = signIn(admin, PASSWORD);
        SessionDto rotated = auth.refresh(signedIn.refreshToken(), ORIGIN);

        PlatformException reuse = Refused.by(() -> auth.refresh(signedIn.refreshToken(), ORIGIN));

        assertRefused(reuse, 401, ProblemCode.INVALID_REFRESH_TOKEN);
        assertRefused(Refused.by(() -> auth.authenticate(rotated.accessToken(), ORIGIN)), 401,
                ProblemCode.SESSION_EXPIRED);
        assertRefused(Refused.by(() -> auth.refresh(rotated.refreshToken(), ORIGIN)), 401,
                ProblemCode.SESSION_EXPIRED);
        assertThat(revokeReason(rotated.accessToken())).isEqualTo("refresh_reuse");
    }

    @Test
    void r13ATokenIsAcceptedOnlyAsWhatItWasIssuedFor() {
        String admin = account("ward-admin", null, Role.MEMBER_ADMIN).username();
        SessionDto session = signIn(admin, PASSWORD);

        assertRefused(Refused.by(() -> auth.authenticate(session.refreshToken(), ORIGIN)), 401,
                ProblemCode.UNAUTHENTICATED);
        assertRefused(Refused.by(() -> auth.refresh(session.accessToken(), ORIGIN)), 401,
                ProblemCode.INVALID_REFRESH_TOKEN);
        assertThat(auth.authenticate(session.accessToken(), ORIGIN).username()).isEqualTo(admin);
    }

    @Test
    void r13AnAccessTokenLastsItsTimeToLiveAndNoLonger() {
        String admin = account("ward-admin", null, Role.MEMBER_ADMIN).username();
        SessionDto session = signIn(admin, PASSWORD);

        clock.advance(ACCESS.minusSeconds(1));
        assertThat(auth.authenticate(session.accessToken(), ORIGIN).username()).isEqualTo(admin);
        clock.advance(Duration.ofSeconds(1));

        // the session lives on: refreshing helps, and the client is told so by the code
        assertRefused(Refused.by(() -> auth.authenticate(session.accessToken(), ORIGIN)), 401,
                ProblemCode.UNAUTHENTICATED);
        SessionDto renewed = auth.refresh(session.refreshToken(), ORIGIN);
        assertThat(auth.authenticate(renewed.accessToken(), ORIGIN).username()).isEqualTo(admin);
    }

    @Test
    void r13ASessionLeftIdleEndsAndActivityKeepsItGoing() {
        String admin = account("ward-admin", null, Role.MEMBER_ADMIN).username();
        SessionDto session = signIn(admin, PASSWORD);
        clock.advance(IDLE.minusMinutes(1));
        SessionDto active = auth.refresh(session.refreshToken(), ORIGIN);
        clock.advance(IDLE.minusMinutes(1));
        SessionDto stillActive = auth.refresh(active.refreshToken(), ORIGIN);

        clock.advance(IDLE);

        assertRefused(Refused.by(() -> auth.refresh(stillActive.refreshToken(), ORIGIN)), 401,
                ProblemCode.SESSION_EXPIRED);
        assertThat(revokeReason(stillActive.accessToken())).isEqualTo("idle_timeout");
    }

    @Test
    void r13ABackgroundRefreshDoesNotKeepAnIdleSessionAlive() {
        String admin = account("ward-admin", null, Role.MEMBER_ADMIN).username();
        SessionDto session = signIn(admin, PASSWORD);
        clock.advance(IDLE.minusMinutes(10));
        SessionDto checked = auth.refresh(session.refreshToken(), ORIGIN, true);

        clock.advance(Duration.ofMinutes(10));

        assertRefused(Refused.by(() -> auth.refresh(checked.refreshToken(), ORIGIN, true)), 401,
                ProblemCode.SESSION_EXPIRED);
        assertThat(revokeReason(checked.accessToken())).isEqualTo("idle_timeout");
    }

    @Test
    void r13ASessionEndsAtItsAbsoluteLimitHoweverActive() {
        String admin = account("ward-admin", null, Role.MEMBER_ADMIN).username();
        SessionDto session = signIn(admin, PASSWORD);
        Instant limit = clock.instant().plus(ABSOLUTE);
        while (clock.instant().plus(Duration.ofMinutes(29)).isBefore(limit)) {
            clock.advance(Duration.ofMinutes(29));
            session = auth.refresh(session.refreshToken(), ORIGIN);
        }
        SessionDto last = session;

        clock.advance(Duration.ofMinutes(29));

        assertRefused(Refused.by(() -> auth.refresh(last.refreshToken(), ORIGIN)), 401, ProblemCode.SESSION_EXPIRED);
        assertThat(revokeReason(last.accessToken())).isEqualTo("absolute_timeout");
    }

    @Test
    void r13SigningOutRevokesTheAccessAndTheRefreshToken() {
        String admin = account("ward-admin", null, Role.MEMBER_ADMIN).username();
        SessionDto session = signIn(admin, PASSWORD);
        Caller caller = auth.authenticate(session.accessToken(), ORIGIN);

        auth.signOut(caller);

        assertRefused(Refused.by(() -> auth.authenticate(session.accessToken(), ORIGIN)), 401,
                ProblemCode.SESSION_EXPIRED);
        assertRefused(Refused.by(() -> auth.refresh(session.refreshToken(), ORIGIN)), 401,
                ProblemCode.SESSION_EXPIRED);
        assertThat(revokeReason(session.accessToken())).isEqualTo("sign_out");
        assertThat(logged("SIGN_OUT")).singleElement()
                .satisfies(e -> assertThat(e.actorUsername()).isEqualTo(admin));
    }

    @Test
    void r13DisablingAnAccountEndsItsSessionsAndItsSignIns() {
        Account account = account("ward-admin", null, Role.MEMBER_ADMIN);
        String admin = account.username();
        SessionDto session = signIn(admin, PASSWORD);

        auth.disable(account.id());

        assertRefused(Refused.by(() -> auth.authenticate(session.accessToken(), ORIGIN)), 401,
                ProblemCode.SESSION_EXPIRED);
        assertRefused(Refused.by(() -> signIn(admin, PASSWORD)), 401, ProblemCode.INVALID_CREDENTIALS);
        assertThat(revokeReason(session.accessToken())).isEqualTo("account_disabled");
    }
}
