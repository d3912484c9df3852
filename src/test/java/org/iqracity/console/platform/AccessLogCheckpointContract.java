package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.ChainCheckpoint;
import org.iqracity.console.api.Json;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * R12: the keyed chain shows an edited entry, but deleting the newest entries (and moving the head back) leaves a
 * chain that links up. The platform therefore signs the head each time it verifies an intact chain, and checks a
 * head handed back: whoever cuts the chain back behind its back, in the database, is named at the next verification,
 * with the first entry that is gone, also after new entries have grown over the cut. Each test tampers with a
 * platform of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccessLogCheckpointContract {
    static final String MEMBER = "northbridge";

    PlatformFixture fixture;
    TestApi api;
    Jdbc jdbc;

    abstract PlatformFixture start();

    @BeforeAll
    void startPlatform() {
        fixture = start();
        api = fixture.api();
        jdbc = fixture.jdbc();
    }

    /** Each test starts from a chain of its own Member's that nobody has touched. */
    @BeforeEach
    void freshChain() {
        pastTheHeadGuard(c -> {
            Jdbc.update(c, "DELETE FROM access_log WHERE member_id = ?", MEMBER);
            Jdbc.update(c, "DELETE FROM access_log_head WHERE member_id = ?", MEMBER);
        });
    }

    /** Changes to chain heads as the tables' owner makes them on PostgreSQL: its trigger switched off meanwhile. */
    interface HeadChange {
        void run(Connection c) throws SQLException;
    }

    void pastTheHeadGuard(HeadChange change) {
        jdbc.inTransaction(c -> {
            boolean guarded = Jdbc.isPostgres(c);
            if (guarded) {
                Jdbc.update(c, "ALTER TABLE access_log_head DISABLE TRIGGER access_log_head_guard");
            }
            change.run(c);
            if (guarded) {
                Jdbc.update(c, "ALTER TABLE access_log_head ENABLE TRIGGER access_log_head_guard");
            }
            return null;
        });
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    JsonNode verify(String officer, String checkpoint) {
        String path = ApiPaths.ACCESS_LOG_VERIFY + (checkpoint == null ? ""
                : "?checkpoint=" + URLEncoder.encode(checkpoint, StandardCharsets.UTF_8));
        TestApi.Response r = api.get(path, officer);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        // time moves on between checks, as it does for people
        api.clock().advance(Duration.ofSeconds(20));
        return r.json();
    }

    static String token(JsonNode answer) {
        return Json.mapper().convertValue(answer.path("checkpoint"), ChainCheckpoint.class).token();
    }

    /** Views of learners by the course administrator: entries in the Member's chain. */
    void views(int count) {
        String admin = api.signIn("nb-admin");
        String course = api.get(ApiPaths.COURSES, admin).json().path("items").get(0).path("id").asText();
        JsonNode learners = api.get(ApiPaths.courseLearners(course) + "?limit=" + count, admin).json().path("items");
        assertThat(learners.size()).isEqualTo(count);
        for (JsonNode learner : learners) {
            TestApi.Response view = api.get(ApiPaths.courseLearners(course) + "/"
                    + ApiPaths.segment(learner.path("learnerId").asText()), admin);
            assertThat(view.status()).isEqualTo(200);
            api.clock().advance(Duration.ofSeconds(1));
        }
    }

    long entries() {
        return jdbc.queryOne("SELECT COUNT(*) FROM access_log WHERE member_id = ?", rs -> rs.getLong(1), MEMBER)
                .orElseThrow();
    }

    /**
     * What someone with the database's password, but not the platform's keys, does: deletes the newest entries. On
     * PostgreSQL moving the head back takes the owner's password (V26's trigger refuses it to everyone else).
     */
    void cutBackTo(long keep) {
        jdbc.update("DELETE FROM access_log WHERE member_id = ? AND seq > ?", MEMBER, keep);
        String hash = jdbc.queryOne("SELECT hash FROM access_log WHERE member_id = ? AND seq = ?",
                rs -> rs.getString(1), MEMBER, keep).orElseThrow();
        pastTheHeadGuard(c -> Jdbc.update(c, "UPDATE access_log_head SET seq = ?, hash = ? WHERE member_id = ?", keep,
                hash, MEMBER));
    }

    @Test
    void r12AnIntactChainComesBackWithASignedHeadThatTheNextCheckFindsStillThere() {
        String officer = api.signIn("nb-security");
        views(3);
        JsonNode first = verify(officer, null);
        assertThat(first.path("intact").asBoolean()).isTrue();
        assertThat(first.path("earlier").asText()).isEqualTo("NONE");
        ChainCheckpoint signed = Json.mapper().convertValue(first.path("checkpoint"), ChainCheckpoint.class);
        assertThat(signed.memberId()).isEqualTo(MEMBER);
        assertThat(signed.entries()).isEqualTo(first.path("entries").asLong());
        assertThat(api.get(ApiPaths.SIGNING_KEY, null).json().path("keyId").asText()).isEqualTo(signed.keyId());

        views(2);
        JsonNode again = verify(officer, signed.token());
        assertThat(again.path("intact").asBoolean()).isTrue();
        assertThat(again.path("earlier").asText()).isEqualTo("HELD");
        assertThat(again.path("finding").asText()).isEqualTo("INTACT");
        assertThat(again.path("entries").asLong()).isGreaterThan(signed.entries());
    }

    @Test
    void r12DeletingTheNewestEntriesIsNamedAtTheNextCheckEvenAfterTheChainHasRegrown() {
        String officer = api.signIn("nb-security");
        views(4);
        JsonNode before = verify(officer, null);
        long checked = before.path("entries").asLong();
        String kept = token(before);
        long keep = checked - 3;
        JsonNode plain = verify(officer, null);
        assertThat(plain.path("intact").asBoolean()).as("the checked entries are intact beforehand").isTrue();

        cutBackTo(keep);
        JsonNode withoutCheckpoint = verify(officer, null);
        assertThat(withoutCheckpoint.path("intact").asBoolean())
                .as("what is left links up: without the checkpoint nothing shows").isTrue();
        JsonNode cut = verify(officer, kept);
        assertThat(cut.path("intact").asBoolean()).isFalse();
        assertThat(cut.path("finding").asText()).isEqualTo("CUT_BACK");
        assertThat(cut.path("earlier").asText()).isEqualTo("BROKEN");
        assertThat(cut.path("firstBrokenSeq").asLong()).isEqualTo(keep + 1);
        assertThat(cut.path("checkpoint").isNull()).as("a broken chain's head is not signed").isTrue();

        views(6);
        assertThat(entries()).as("new entries have grown over the cut").isGreaterThan(checked);
        JsonNode regrown = verify(officer, kept);
        assertThat(regrown.path("intact").asBoolean()).isFalse();
        assertThat(regrown.path("finding").asText()).isEqualTo("CUT_BACK");
        assertThat(regrown.path("firstBrokenSeq").asLong()).isEqualTo(keep + 1);
    }

    @Test
    void r12AnEditedEntryBeforeACutIsTheFirstBrokenPoint() {
        String officer = api.signIn("nb-security");
        views(12);
        JsonNode before = verify(officer, null);
        long checked = before.path("entries").asLong();
        String kept = token(before);
        cutBackTo(checked - 2);
        long edited = checked - 10;
        assertThat(edited).isPositive();
        assertThat(jdbc.update("UPDATE access_log SET actor_username = 'someone-else' WHERE member_id = ? AND seq = ?",
                MEMBER, edited)).isEqualTo(1);

        JsonNode answer = verify(officer, kept);

        assertThat(answer.path("intact").asBoolean()).isFalse();
        assertThat(answer.path("finding").asText()).isEqualTo("EDITED");
        assertThat(answer.path("firstBrokenSeq").asLong()).isEqualTo(edited);
    }

    @Test
    void r12ACheckpointNotSignedByThisPlatformOrForAnotherMemberSaysNothing() {
        String officer = api.signIn("nb-security");
        JsonNode first = verify(officer, null);
        ChainCheckpoint signed = Json.mapper().convertValue(first.path("checkpoint"), ChainCheckpoint.class);
        ChainCheckpoint longer = new ChainCheckpoint(signed.memberId(), signed.entries() + 1_000, signed.headHash(),
                signed.headAt(), signed.verifiedAt(), signed.keyId(), signed.signature());

        JsonNode forged = verify(officer, longer.token());
        assertThat(forged.path("earlier").asText()).isEqualTo("NOT_VERIFIABLE");
        assertThat(forged.path("intact").asBoolean()).as("a forged checkpoint cannot make a chain look cut")
                .isTrue();

        String sahel = token(verify(api.signIn("sahel-security"), null));
        JsonNode foreign = verify(officer, sahel);
        assertThat(foreign.path("earlier").asText()).isEqualTo("NOT_VERIFIABLE");

        TestApi.Response malformed = api.get(ApiPaths.ACCESS_LOG_VERIFY + "?checkpoint=not-a-checkpoint", officer);
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.body()).contains("checkpoint");
    }
}
