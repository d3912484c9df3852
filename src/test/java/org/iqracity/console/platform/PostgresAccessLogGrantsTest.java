package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.iqracity.console.api.ApiPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented PostgreSQL set-up of {@code packaging/postgresql/grants.sql}, applied for real: an owner role
 * migrates and seeds, the script is run as the owner, and the platform then runs as the application role. It
 * works (signs in, lists, opens learners, saves settings, appends to the access log), but neither the application
 * role nor the owner can update, delete or truncate access-log entries (R12).
 */
class PostgresAccessLogGrantsTest {
    static final String DATABASE = "grants_check";
    static final String OWNER = "iqracity_owner";
    static final String APP = "iqracity_app";
    static final String OWNER_PASSWORD = "owner-password";
    static final String APP_PASSWORD = "app-password";
    static final String CS101 = "course-v1:Northbridge+CS101+2026_T1";
    static final String INSUFFICIENT_PRIVILEGE = "42501";

    /** Where the platform keeps its master key: a server database has no other data folder. */
    @TempDir
    static Path dataDir;
    static String url;
    static Platform platform;
    static TestApi api;

    @BeforeAll
    static void setUp() throws Exception {
        try (Connection su = DriverManager.getConnection(TestPostgres.jdbcUrl(), TestPostgres.USER,
                TestPostgres.PASSWORD);
             Statement st = su.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE);
            st.execute("DROP ROLE IF EXISTS " + APP);
            st.execute("DROP ROLE IF EXISTS " + OWNER);
            st.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'");
            st.execute("CREATE ROLE " + APP + " LOGIN PASSWORD '" + APP_PASSWORD + "'");
        }
        url = TestPostgres.freshDatabase(DATABASE, OWNER);
        try (Connection su = DriverManager.getConnection(url, TestPostgres.USER, TestPostgres.PASSWORD);
             Statement st = su.createStatement()) {
            // As PostgreSQL 15 sets it up for a database's owner; on 14 the public schema is the superuser's.
            st.execute("ALTER SCHEMA public OWNER TO " + OWNER);
        }
        // The owner migrates and seeds (and would again on every upgrade).
        try (Platform seeding = Platform.start(config(OWNER, OWNER_PASSWORD, true), StartupListener.NONE)) {
            assertThat(seeding.database().isUp()).isTrue();
        }
        try (Connection owner = DriverManager.getConnection(url, OWNER, OWNER_PASSWORD);
             Statement st = owner.createStatement()) {
            st.execute(Files.readString(Path.of("packaging/postgresql/grants.sql")));
        }
        MutableClock clock = MutableClock.systemNow();
        platform = Platform.start(config(APP, APP_PASSWORD, false), StartupListener.NONE, clock);
        api = new TestApi(platform.baseUri(), clock);
        // Entries for every test to try to change, whichever runs first: a sign-in and a failed one.
        api.signIn("nb-ta");
        api.signInResponse("nb-ta", "wrong-password", null);
    }

    static PlatformConfig config(String user, String password, boolean sandbox) {
        return PlatformConfig.embedded(dataDir, 0).withLearners(300).withDatabase(url, user, password, sandbox);
    }

    @AfterAll
    static void tearDown() {
        if (platform != null) {
            platform.close();
        }
    }

    static Connection as(String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    static long accessLogRows() throws SQLException {
        try (Connection c = as(APP, APP_PASSWORD); var rs = c.createStatement()
                .executeQuery("SELECT COUNT(*) FROM access_log")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void assertRefused(String user, String password, String sql) {
        assertThatThrownBy(() -> {
            try (Connection c = as(user, password); Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }).as("%s: %s", user, sql).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    @Test
    void r12ThePlatformRunsAsTheAppRoleAndAppendsToTheAccessLog() throws Exception {
        long before = accessLogRows();
        String admin = api.signIn("nb-admin");
        JsonNode page = api.get(ApiPaths.courseLearners(CS101) + "?limit=5", admin).json();
        String learner = page.path("items").get(0).path("learnerId").asText();
        assertThat(api.get(ApiPaths.courseLearner(CS101, learner), admin).status()).isEqualTo(200);

        TestApi.Response tracking = api.get(ApiPaths.course(CS101) + "/tracking", admin);
        String body = "{\"honourGlobalPrivacyControl\":" + tracking.json().path("honourGlobalPrivacyControl")
                + ",\"categories\":" + tracking.json().path("categories") + ",\"technologies\":"
                + tracking.json().path("technologies") + "}";
        TestApi.Response saved = api.send(api.request(ApiPaths.course(CS101) + "/tracking", admin)
                .header("Content-Type", "application/json")
                .header("If-Match", tracking.headers().firstValue("ETag").orElseThrow())
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(api.delete(ApiPaths.SESSION, admin).status()).isEqualTo(204);

        assertThat(accessLogRows()).as("sign-in, list, detail, settings change, sign-out").isGreaterThanOrEqualTo(
                before + 5);
        JsonNode chain = api.get(ApiPaths.ACCESS_LOG_VERIFY, api.signIn("nb-security")).json();
        assertThat(chain.path("intact").asBoolean()).as(chain.toString()).isTrue();
    }

    @Test
    void theAppRoleHoldsItsNodesLeaseAndCountsTheSharedLimits() throws Exception {
        // the platform runs as the app role: its run was recorded at the start, the failed sign-in counted
        TestApi.Response export = api.get(ApiPaths.ACCESS_LOG_EXPORT + "?action=SIGN_IN", api.signIn("nb-security"));
        assertThat(export.status()).isEqualTo(200);
        try (Connection c = as(APP, APP_PASSWORD); var rs = c.createStatement().executeQuery("SELECT "
                + "(SELECT COUNT(*) FROM platform_node WHERE lease_until > CURRENT_TIMESTAMP), "
                + "(SELECT COUNT(*) FROM login_failure), (SELECT COUNT(*) FROM heavy_call)")) {
            rs.next();
            assertThat(rs.getLong(1)).as("live runs").isEqualTo(1);
            // (a later successful sign-in of the account forgives its row; the address's stays)
            assertThat(rs.getLong(2)).as("failed sign-ins").isPositive();
            assertThat(rs.getLong(3)).as("heavy calls").isPositive();
        }
    }

    @Test
    void r11TheAppRoleKeepsTheJoinHistoryOfAStableKeyResearchExport() throws Exception {
        TestApi.Response export = api.send(api.request(ApiPaths.courseResearchExports(CS101), api.signIn("nb-admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"stableKey\":true}")).build());
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        try (Connection c = as(APP, APP_PASSWORD); var rs = c.createStatement().executeQuery("SELECT "
                + "(SELECT COUNT(*) FROM research_stable_export), (SELECT COUNT(*) FROM research_join_history)")) {
            rs.next();
            assertThat(rs.getLong(1)).isPositive();
            assertThat(rs.getLong(2)).isPositive();
        }
    }

    @Test
    void r12TheAppRoleCannotUpdateDeleteOrTruncateTheAccessLog() throws Exception {
        long before = accessLogRows();
        assertThat(before).isPositive();

        assertRefused(APP, APP_PASSWORD, "UPDATE access_log SET action = 'NOTHING' WHERE seq = 1");
        assertRefused(APP, APP_PASSWORD, "DELETE FROM access_log WHERE seq = 1");
        assertRefused(APP, APP_PASSWORD, "DELETE FROM access_log");
        assertRefused(APP, APP_PASSWORD, "TRUNCATE access_log");
        assertRefused(APP, APP_PASSWORD, "ALTER TABLE access_log DISABLE TRIGGER ALL");
        assertRefused(APP, APP_PASSWORD, "DROP TABLE access_log");
        assertRefused(APP, APP_PASSWORD, "CREATE TABLE access_log_copy (id BIGINT)");
        assertRefused(APP, APP_PASSWORD, "UPDATE flyway_schema_history SET success = false");

        assertThat(accessLogRows()).isEqualTo(before);
    }

    @Test
    void r12EvenTheOwnerCannotChangeEntriesWhileTheTriggersStand() throws Exception {
        long before = accessLogRows();
        assertThat(before).as("entries to try to change").isPositive();

        assertRefused(OWNER, OWNER_PASSWORD, "UPDATE access_log SET actor_username = 'someone-else'");
        assertRefused(OWNER, OWNER_PASSWORD, "DELETE FROM access_log WHERE seq = 1");
        assertRefused(OWNER, OWNER_PASSWORD, "TRUNCATE access_log");

        assertThat(accessLogRows()).isEqualTo(before);
    }

    /** A chain with at least two entries (the set-up's sign-ins), its head as it stands. */
    static String[] longChainHead() throws SQLException {
        try (Connection c = as(APP, APP_PASSWORD); var rs = c.createStatement().executeQuery(
                "SELECT member_id, seq, hash FROM access_log_head WHERE seq >= 2 ORDER BY member_id LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
        }
    }

    @Test
    void r12NeitherTheAppRoleNorTheOwnerCanMoveAChainHeadBackDeleteItOrPointItElsewhere() throws Exception {
        String[] head = longChainHead();
        String member = "'" + head[0] + "'";
        String back = "UPDATE access_log_head h SET seq = h.seq - 1, hash = (SELECT a.hash FROM access_log a "
                + "WHERE a.member_id = h.member_id AND a.seq = h.seq - 1) WHERE member_id = " + member;
        for (String[] role : new String[][] {{APP, APP_PASSWORD}, {OWNER, OWNER_PASSWORD}}) {
            // back onto an entry that is there: what hides the newest entries from a check without a checkpoint
            assertRefused(role[0], role[1], back);
            assertRefused(role[0], role[1], "UPDATE access_log_head SET hash = '" + "f".repeat(64)
                    + "' WHERE member_id = " + member);
            assertRefused(role[0], role[1], "UPDATE access_log_head SET seq = seq + 1 WHERE member_id = " + member);
            assertRefused(role[0], role[1], "UPDATE access_log_head SET member_id = 'another' WHERE member_id = "
                    + member);
            assertRefused(role[0], role[1], "DELETE FROM access_log_head WHERE member_id = " + member);
            assertRefused(role[0], role[1], "TRUNCATE access_log_head");
            assertRefused(role[0], role[1], "INSERT INTO access_log_head (member_id, seq, hash) "
                    + "VALUES ('new-chain', 3, '" + "a".repeat(64) + "')");
        }
        assertRefused(APP, APP_PASSWORD, "ALTER TABLE access_log_head DISABLE TRIGGER access_log_head_guard");
        assertRefused(APP, APP_PASSWORD, "DROP TRIGGER access_log_head_guard ON access_log_head");

        assertThat(longChainHead()).containsExactly(head);
        assertThat(api.get(ApiPaths.ME, api.signIn("nb-ta")).status()).as("sign-ins still work").isEqualTo(200);
    }

    @Test
    void r12TheAppRoleMovesAHeadOnlyOntoTheEntryAppendedAfterIt() throws Exception {
        String chain = "grants-check-" + System.nanoTime();
        String genesis = "0".repeat(64);
        String first = "1".repeat(64);
        try (Connection c = as(APP, APP_PASSWORD); Statement st = c.createStatement()) {
            st.execute("INSERT INTO access_log_head (member_id, seq, hash) VALUES ('" + chain + "', 0, '" + genesis
                    + "')");
            st.execute("INSERT INTO access_log (member_id, seq, at, action, outcome, prev_hash, hash) VALUES ('"
                    + chain + "', 1, CURRENT_TIMESTAMP, 'SIGN_IN', 'SUCCESS', '" + genesis + "', '" + first + "')");
            // the platform's one path: one step on, to the entry that links to the head
            assertThat(st.executeUpdate("UPDATE access_log_head SET seq = 1, hash = '" + first + "' WHERE member_id = '"
                    + chain + "'")).isEqualTo(1);
            // keying an older chain sets a head to the hash its entry has: still that entry
            assertThat(st.executeUpdate("UPDATE access_log_head SET hash = '" + first + "' WHERE member_id = '"
                    + chain + "'")).isEqualTo(1);
        }
        assertRefused(APP, APP_PASSWORD, "UPDATE access_log_head SET seq = 0, hash = '" + genesis
                + "' WHERE member_id = '" + chain + "'");
        // a chain whose entries are there without a head (an owner deleted it) cannot start over at its genesis
        try (Connection c = as(APP, APP_PASSWORD); Statement st = c.createStatement()) {
            st.execute("INSERT INTO access_log (member_id, seq, at, action, outcome, prev_hash, hash) VALUES ('"
                    + chain + "-2', 1, CURRENT_TIMESTAMP, 'SIGN_IN', 'SUCCESS', '" + genesis + "', '" + first + "')");
        }
        assertRefused(APP, APP_PASSWORD, "INSERT INTO access_log_head (member_id, seq, hash) VALUES ('" + chain
                + "-2', 0, '" + genesis + "')");
    }

    @Test
    void theScriptCanBeRunAgainAfterAnUpgrade() throws Exception {
        try (Connection owner = as(OWNER, OWNER_PASSWORD); Statement st = owner.createStatement()) {
            st.execute(Files.readString(Path.of("packaging/postgresql/grants.sql")));
        }
        assertRefused(APP, APP_PASSWORD, "DELETE FROM access_log");
        assertThat(api.get(ApiPaths.ME, api.signIn("nb-ta")).status()).isEqualTo(200);
    }

    @Test
    void theScriptRefusesAnAppRoleThatDoesNotExist() throws Exception {
        try (Connection owner = as(OWNER, OWNER_PASSWORD); Statement st = owner.createStatement()) {
            st.execute("SET iqracity.app_role = 'no_such_role'");
            assertThatThrownBy(() -> st.execute(Files.readString(Path.of("packaging/postgresql/grants.sql"))))
                    .isInstanceOf(SQLException.class).hasMessageContaining("no_such_role")
                    .hasMessageContaining("does not exist");
        }
    }
}
