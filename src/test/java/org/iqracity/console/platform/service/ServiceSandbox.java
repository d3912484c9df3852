package org.iqracity.console.platform.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.iqracity.console.api.SessionRequest;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.platform.TestApi;
import org.iqracity.console.platform.sandbox.SandboxGenerator;
import org.iqracity.console.platform.service.auth.AuthService;
import org.iqracity.console.platform.service.auth.LoginThrottle;
import org.iqracity.console.platform.service.auth.PasswordHasher;
import org.iqracity.console.platform.service.auth.SessionPolicy;
import org.iqracity.console.platform.service.auth.Totp;
import org.iqracity.console.platform.store.AccessLogRepository;
import org.iqracity.console.platform.store.Database;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.MasterKey;
import org.iqracity.console.platform.store.SessionRepository;
import org.iqracity.console.platform.store.StaffRepository;

/**
 * The sandbox in an embedded database of a test class's own, loaded as the platform loads a new one, for testing a
 * service without HTTP. Callers are made the platform's way: the staff member signs in and their token is checked.
 */
public final class ServiceSandbox implements AutoCloseable {
    private static final RequestOrigin ORIGIN = new RequestOrigin("service-test/1", "10.0.0.7");

    private final Database database;
    private final Jdbc jdbc;
    private final MutableClock clock;
    private final AccessLog accessLog;
    private final AuthService auth;

    private ServiceSandbox(Database database, MasterKey key, MutableClock clock) {
        this.database = database;
        this.clock = clock;
        this.jdbc = new Jdbc(database.dataSource());
        this.accessLog = new AccessLog(jdbc, new AccessLogRepository(jdbc), clock, key.accessLogKey());
        this.auth = new AuthService(new StaffRepository(jdbc, key.box()), new SessionRepository(jdbc),
                new PasswordHasher(), new LoginThrottle(clock), accessLog,
                new SessionPolicy(Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(8)), clock);
    }

    /** A sandbox of {@code learners} learners in {@code dir}, its staff able to sign in as on the platform. */
    public static ServiceSandbox load(Path dir, int learners, MutableClock clock) {
        Database database = Database.embedded(dir);
        MasterKey key = MasterKey.of(new byte[32]);
        try {
            database.migrateTablesOnly();
            new SandboxGenerator(database, 7, learners, (stage, done) -> { }, new PasswordHasher()).seed();
            database.migrate();
            SandboxGenerator.finishStaff(database, key.box());
            return new ServiceSandbox(database, key, clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    public AccessLog accessLog() {
        return accessLog;
    }

    /** The caller the platform makes of one of the sandbox's staff once they have signed in. */
    public Caller caller(String username) {
        String secret = TestApi.TOTP_SECRETS.get(username);
        String code = null;
        if (secret != null) {
            // a code of a step not used yet: each is accepted once
            clock.advance(Duration.ofSeconds(31));
            code = Totp.code(secret, Totp.step(clock.instant()));
        }
        String token = auth.signIn(new SessionRequest(username, TestApi.PASSWORD, code), ORIGIN).accessToken();
        return auth.authenticate(token, ORIGIN);
    }

    /** What the access log holds for {@code memberId} of {@code action}, oldest first. */
    public List<AccessLogRepository.Entry> logged(String memberId, String action) {
        return accessLog.entries(memberId).stream().filter(e -> e.action().equals(action)).toList();
    }

    @Override
    public void close() {
        database.close();
    }
}
