package org.iqracity.console.platform.service.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.iqracity.console.api.CourseScope;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.MemberRef;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.SessionDto;
import org.iqracity.console.api.SessionRequest;
import org.iqracity.console.platform.service.AccessLog;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.service.RequestOrigin;
import org.iqracity.console.platform.service.Tokens;
import org.iqracity.console.platform.store.SessionRepository;
import org.iqracity.console.platform.store.SessionRepository.TokenRow;
import org.iqracity.console.platform.store.StaffRecord;
import org.iqracity.console.platform.store.StaffRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sign-in, token refresh and rotation, sign-out and bearer-token checks (R13). */
public final class AuthService {
    private static final Logger LOGGER = LoggerFactory.getLogger(AuthService.class);
    private static final Duration STAFF_CACHE_TTL = Duration.ofSeconds(5);
    private static final String BAD_CREDENTIALS = "The username or password is not correct.";

    private final StaffRepository staff;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AccessLog accessLog;
    private final SessionPolicy policy;
    private final Clock clock;
    private final Map<String, CachedStaff> staffCache = new ConcurrentHashMap<>();

    public AuthService(StaffRepository staff, SessionRepository sessions, PasswordHasher hasher, LoginThrottle throttle,
                       AccessLog accessLog, SessionPolicy policy, Clock clock) {
        this.staff = staff;
        this.sessions = sessions;
        this.hasher = hasher;
        this.throttle = throttle;
        this.accessLog = accessLog;
        this.policy = policy;
        this.clock = clock;
    }

    public SessionDto signIn(SessionRequest request, RequestOrigin origin) {
        String username = request == null ? null : request.username();
        if (username == null || username.isBlank() || request.password() == null || username.length() > 100
                || request.password().length() > 1024) {
            throw PlatformException.invalid(List.of(
                    new Problem.FieldError("username", "Username and password are required.")));
        }
        OptionalLong wait = throttle.retryAfter(username, origin.address());
        if (wait.isPresent()) {
            throw PlatformException.throttled(wait.getAsLong());
        }
        Optional<StaffRecord> found = staff.findByUsername(username);
        if (found.isEmpty()) {
            hasher.verifyDecoy(request.password());
            throw fail(null, username, origin, "unknown");
        }
        StaffRecord account = found.get();
        if (!hasher.verify(request.password(), account.passwordHash()) || !account.active()) {
            throw fail(account, username, origin, account.active() ? "password" : "disabled");
        }
        if (account.roles().contains(Role.SECURITY_OFFICER) || account.totpSecret() != null) {
            checkSecondFactor(account, request.totp(), origin);
        }
        throttle.succeeded(username);
        SessionDto session = openSession(account, origin);
        accessLog.record(new AccessLog.Event(account.memberId(), account.id(), account.username(), "SIGN_IN",
                "SUCCESS", "STAFF", account.id(), null, origin));
        return session;
    }

    private void checkSecondFactor(StaffRecord account, String code, RequestOrigin origin) {
        if (account.totpSecret() == null) {
            // A security officer without an enrolled second factor cannot sign in at all.
            throw fail(account, account.username(), origin, "mfa_missing");
        }
        if (code == null || code.isBlank()) {
            throw PlatformException.unauthorized(ProblemCode.MFA_REQUIRED,
                    "Enter the six-digit code from your authenticator app.");
        }
        OptionalLong step = Totp.matchingStep(account.totpSecret(), code.trim(), clock.instant());
        if (step.isEmpty() || !staff.claimTotpStep(account.id(), step.getAsLong())) {
            boolean locked = throttle.failed(account.username(), origin.address());
            accessLog.record(new AccessLog.Event(account.memberId(), account.id(), account.username(), "SIGN_IN",
                    "FAILURE", "STAFF", account.id(), null, origin));
            if (locked) {
                lockedOut(account, origin);
            }
            if (step.isPresent()) {
                // only someone who knows the password gets here: telling a used code from a wrong one helps them
                // no further, and tells an officer who typed a code twice what to do
                throw PlatformException.unauthorized(ProblemCode.MFA_REUSED,
                        "This verification code was already used: each code works once. Wait for the next code.");
            }
            throw PlatformException.unauthorized(ProblemCode.MFA_INVALID,
                    "The verification code is not correct. Enter the current code from your authenticator app.");
        }
    }

    /**
     * A refused sign-in. For an account that exists it goes into its Member's log, where the Member's officers see
     * it (R12), under the account's own username whatever case was typed; a name that is nobody's goes into the
     * platform's own log.
     */
    private PlatformException fail(StaffRecord account, String username, RequestOrigin origin, String why) {
        boolean locked = throttle.failed(account == null ? username : account.username(), origin.address());
        LOGGER.info("Sign-in refused ({})", why);
        accessLog.record(new AccessLog.Event(account == null ? null : account.memberId(),
                account == null ? null : account.id(), account == null ? null : account.username(), "SIGN_IN",
                "FAILURE", "STAFF", account == null ? null : account.id(), null, origin));
        if (locked && account != null) {
            lockedOut(account, origin);
        }
        return PlatformException.unauthorized(ProblemCode.INVALID_CREDENTIALS, BAD_CREDENTIALS);
    }

    /** The account must now wait before another attempt is heard: its Member's officers see that it happened. */
    private void lockedOut(StaffRecord account, RequestOrigin origin) {
        accessLog.record(new AccessLog.Event(account.memberId(), account.id(), account.username(), "SIGN_IN_LOCKED",
                "DENIED", "STAFF", account.id(), null, origin));
    }

    private SessionDto openSession(StaffRecord account, RequestOrigin origin) {
        Instant now = clock.instant();
        String sessionId = Tokens.newId();
        sessions.createSession(sessionId, account.id(), now, now.plus(policy.absoluteTimeout()), origin.client(),
                origin.address());
        return issueTokens(sessionId, account, now);
    }

    private SessionDto issueTokens(String sessionId, StaffRecord account, Instant now) {
        String access = Tokens.newToken();
        String refresh = Tokens.newToken();
        sessions.addToken(Tokens.sha256(access), sessionId, SessionRepository.ACCESS, now,
                now.plus(policy.accessTokenTtl()));
        sessions.addToken(Tokens.sha256(refresh), sessionId, SessionRepository.REFRESH, now,
                now.plus(policy.idleTimeout()));
        return new SessionDto(access, refresh, policy.accessTokenTtl().toSeconds(), policy.idleTimeout().toSeconds(),
                me(account));
    }

    /** Rotates the refresh token; presenting a used one again ends the whole session (theft detection). */
    public SessionDto refresh(String refreshToken, RequestOrigin origin) {
        return refresh(refreshToken, origin, false);
    }

    /** {@code background}: the client renews for its own periodic check; that is not the person's activity. */
    public SessionDto refresh(String refreshToken, RequestOrigin origin, boolean background) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200) {
            throw PlatformException.unauthorized(ProblemCode.INVALID_REFRESH_TOKEN, "Sign in again.");
        }
        Instant now = clock.instant();
        TokenRow token = sessions.findToken(Tokens.sha256(refreshToken))
                .filter(t -> SessionRepository.REFRESH.equals(t.kind()))
                .orElseThrow(() -> PlatformException.unauthorized(ProblemCode.INVALID_REFRESH_TOKEN, "Sign in again."));
        if (token.rotatedAt() != null || !sessions.rotate(token.tokenHash(), now)) {
            sessions.revoke(token.session().id(), now, "refresh_reuse");
            LOGGER.warn("A used refresh token was presented again; its session was revoked");
            throw PlatformException.unauthorized(ProblemCode.INVALID_REFRESH_TOKEN,
                    "This session was ended for your protection. Sign in again.");
        }
        StaffRecord account = checkSessionAlive(token.session(), token.expiresAt(), now);
        if (!background) {
            sessions.touch(token.session().id(), now);
        }
        return issueTokens(token.session().id(), account, now);
    }

    public void signOut(Caller caller) {
        sessions.revoke(caller.sessionId(), clock.instant(), "sign_out");
        accessLog.record(AccessLog.by(caller, "SIGN_OUT", "STAFF", caller.staffId(), null));
    }

    /** The caller behind a bearer token, or a 401 that tells the client whether refreshing can help. */
    public Caller authenticate(String accessToken, RequestOrigin origin) {
        return authenticate(accessToken, origin, false);
    }

    /**
     * {@code background}: the console asks on its own (a periodic check), so the request does not count as the
     * person's activity and does not keep an idle session alive (R13).
     */
    public Caller authenticate(String accessToken, RequestOrigin origin, boolean background) {
        if (accessToken == null || accessToken.isBlank() || accessToken.length() > 200) {
            throw PlatformException.unauthorized(ProblemCode.UNAUTHENTICATED, "Sign in to use the platform.");
        }
        Instant now = clock.instant();
        TokenRow token = sessions.findToken(Tokens.sha256(accessToken))
                .filter(t -> SessionRepository.ACCESS.equals(t.kind()))
                .orElseThrow(() -> PlatformException.unauthorized(ProblemCode.UNAUTHENTICATED,
                        "Sign in to use the platform."));
        if (token.session().revoked()) {
            throw PlatformException.unauthorized(ProblemCode.SESSION_EXPIRED, "Your session has ended. Sign in again.");
        }
        if (!now.isBefore(token.expiresAt())) {
            throw PlatformException.unauthorized(ProblemCode.UNAUTHENTICATED, "The access token has expired.");
        }
        StaffRecord account = checkSessionAlive(token.session(), null, now);
        if (!background && token.session().lastUsedAt().plus(SessionPolicy.TOUCH_GRANULARITY).isBefore(now)) {
            sessions.touch(token.session().id(), now);
        }
        return new Caller(account.id(), account.username(), account.displayName(), account.memberId(),
                account.memberName(), account.roles(), scope(account), token.session().id(), origin.client(),
                origin.address());
    }

    private StaffRecord checkSessionAlive(SessionRepository.SessionRow session, Instant tokenExpiry, Instant now) {
        String ended = null;
        if (session.revoked()) {
            ended = "revoked";
        } else if (!now.isBefore(session.absoluteExpiresAt())) {
            ended = "absolute_timeout";
        } else if (!now.isBefore(session.lastUsedAt().plus(policy.idleTimeout()))
                || (tokenExpiry != null && !now.isBefore(tokenExpiry))) {
            ended = "idle_timeout";
        }
        Optional<StaffRecord> account = cachedStaff(session.staffId(), now);
        if (ended == null && (account.isEmpty() || !account.get().active())) {
            ended = "account_disabled";
        }
        if (ended != null) {
            sessions.revoke(session.id(), now, ended);
            throw PlatformException.unauthorized(ProblemCode.SESSION_EXPIRED, "Your session has ended. Sign in again.");
        }
        return account.get();
    }

    /** Staff rows change rarely; a few seconds of caching keeps every request from reading them again. */
    private Optional<StaffRecord> cachedStaff(String staffId, Instant now) {
        CachedStaff hit = staffCache.get(staffId);
        if (hit != null && hit.loadedAt().plus(STAFF_CACHE_TTL).isAfter(now)) {
            return Optional.of(hit.record());
        }
        Optional<StaffRecord> loaded = staff.findById(staffId);
        loaded.ifPresentOrElse(r -> staffCache.put(staffId, new CachedStaff(r, now)), () -> staffCache.remove(staffId));
        return loaded;
    }

    private record CachedStaff(StaffRecord record, Instant loadedAt) {
    }

    public MeDto me(Caller caller) {
        return staff.findById(caller.staffId()).map(this::me).orElseThrow(PlatformException::notFound);
    }

    private MeDto me(StaffRecord account) {
        List<Role> roles = account.roles().stream().sorted().toList();
        return new MeDto(account.username(), account.displayName(), new MemberRef(account.memberId(),
                account.memberName()), roles, scope(account));
    }

    private static CourseScope scope(StaffRecord account) {
        boolean all = account.allCourses() || account.roles().contains(Role.MEMBER_ADMIN);
        return all ? CourseScope.allCourses() : CourseScope.of(account.courseIds());
    }

    /** Ends every session of an account that was disabled. */
    public void disable(String staffId) {
        staff.setStatus(staffId, "DISABLED");
        staffCache.remove(staffId);
        sessions.revokeAllOf(staffId, clock.instant(), "account_disabled");
    }
}
