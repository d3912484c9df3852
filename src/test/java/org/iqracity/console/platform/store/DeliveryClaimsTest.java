package org.iqracity.console.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.NoticeChannel;
import org.iqracity.console.platform.TestPostgres;
import org.iqracity.console.platform.store.DeliveryRepository.Claim;
import org.iqracity.console.platform.store.DeliveryRepository.Landed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R8 with several nodes on one PostgreSQL, row by row: a claim names its holder; only a holder whose lease has run
 * out has its claims put in doubt; the holder's own outcome still lands on its claim after that, unless someone has
 * claimed the row since; and nothing is queued to be sent again except by its holder, who knows it never left.
 */
class DeliveryClaimsTest {
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static Database database;
    static Jdbc jdbc;
    static DeliveryRepository deliveries;
    String incident;
    long row;

    @BeforeAll
    static void open() throws Exception {
        database = Database.server(TestPostgres.freshDatabase("delivery_claims", null), TestPostgres.USER,
                TestPostgres.PASSWORD);
        database.migrate();
        jdbc = new Jdbc(database.dataSource());
        deliveries = new DeliveryRepository(jdbc);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    /** A notice being sent, with one email waiting; node A's run holds a lease, node B's ran out. */
    @BeforeEach
    void oneEmailWaiting() {
        jdbc.update("DELETE FROM platform_node");
        jdbc.update("INSERT INTO platform_node VALUES ('a#1', 'a', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + "
                + "INTERVAL '1 hour'), ('b#1', 'b', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP - INTERVAL '1 second')");
        incident = "inc-" + System.nanoTime();
        jdbc.update("INSERT INTO incident (id, member_id, version, state, title, discovered_at, what_happened, "
                + "data_categories, systems, measures, learner_actions, contact, scope, subject, body, created_by_id, "
                + "created_by_name, created_at, recipient_count) VALUES (?, 'northbridge', 1, 'SENDING', 't', ?, 'w', "
                + "'c', 's', 'm', 'l', 'c', '{}', 's', 'b', 'x', 'x', ?, 1)", incident, NOW, NOW);
        jdbc.inTransaction(c -> {
            deliveries.insertAll(c, incident, List.of(new DeliveryRepository.NewDelivery("learner-1",
                    NoticeChannel.EMAIL, "a@example.org", "EU", DeliveryStatus.PENDING, null, "<m1@example.org>")));
            return null;
        });
        row = deliveries.due(incident, NOW, 10).getFirst().id();
    }

    Claim claim(String holder) {
        var waiting = deliveries.due(incident, NOW, 10).getFirst();
        return jdbc.inTransaction(c -> deliveries.claim(c, waiting, holder, NOW)).orElseThrow();
    }

    static Landed landed(Jdbc.InTransaction<Landed> outcome) {
        return jdbc.inTransaction(outcome);
    }

    DeliveryStatus status() {
        return DeliveryStatus.valueOf(column("status"));
    }

    /** Read directly: the repository's own reads join the learner, whom this test does not make. */
    String column(String name) {
        return jdbc.queryOne("SELECT " + name + " FROM notice_delivery WHERE id = ?", rs -> rs.getString(1), row)
                .orElseThrow();
    }

    void settleLapsed() {
        deliveries.lapsedHolders().forEach(deliveries::settleLapsed);
    }

    @Test
    void r8ALiveNodesClaimIsNeverPutInDoubtAndALapsedNodesIs() {
        claim("a#1");
        settleLapsed();
        assertThat(status()).isEqualTo(DeliveryStatus.IN_FLIGHT);

        jdbc.update("UPDATE notice_delivery SET status = 'PENDING', attempts = 0 WHERE id = ?", row);
        claim("b#1");
        assertThat(deliveries.lapsedHolders()).containsExactly("b#1");
        settleLapsed();
        assertThat(status()).isEqualTo(DeliveryStatus.IN_DOUBT);
        assertThat(column("error")).contains("node b stopped");
    }

    @Test
    void r8AClaimWhoseRunLeftCleanlyIsSettledAtOnce() {
        claim("c#1");
        assertThat(deliveries.lapsedHolders()).containsExactly("c#1");
        settleLapsed();
        assertThat(status()).isEqualTo(DeliveryStatus.IN_DOUBT);
    }

    @Test
    void r8TheHoldersLateSentWinsOverTheDoubtThatRacedIt() throws Exception {
        Claim k = claim("b#1");
        settleLapsed();
        assertThat(status()).isEqualTo(DeliveryStatus.IN_DOUBT);

        assertThat(landed(c -> deliveries.sent(c, k, NOW))).isEqualTo(Landed.AFTER_DOUBT);
        assertThat(status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(column("error")).contains("after this message had been put "
                + "in doubt");
    }

    @Test
    void r8ALateSentAfterAnOfficersSendAgainKeepsTheSecondMessageFromLeaving() throws Exception {
        Claim k = claim("b#1");
        settleLapsed();
        jdbc.inTransaction(c -> deliveries.resolve(c, incident, row, false, NOW));
        assertThat(status()).isEqualTo(DeliveryStatus.PENDING);

        assertThat(landed(c -> deliveries.sent(c, k, NOW))).isEqualTo(Landed.AFTER_DOUBT);
        assertThat(status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(deliveries.due(incident, NOW, 10)).isEmpty();
    }

    @Test
    void r8OnceAnotherNodeClaimedTheRowAgainTheOldHoldersOutcomesLandNowhere() throws Exception {
        Claim old = claim("b#1");
        settleLapsed();
        jdbc.inTransaction(c -> deliveries.resolve(c, incident, row, false, NOW));
        Claim current = claim("a#1");

        assertThat(landed(c -> deliveries.sent(c, old, NOW))).isEqualTo(Landed.NOWHERE);
        assertThat(landed(c -> deliveries.release(c, old))).isEqualTo(Landed.NOWHERE);
        assertThat(landed(c -> deliveries.retryLater(c, old, NOW, "421"))).isEqualTo(Landed.NOWHERE);
        assertThat(landed(c -> deliveries.failed(c, old, "550"))).isEqualTo(Landed.NOWHERE);
        assertThat(status()).isEqualTo(DeliveryStatus.IN_FLIGHT);
        assertThat(landed(c -> deliveries.sent(c, current, NOW))).isEqualTo(Landed.IN_FLIGHT);
        assertThat(status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void r8AHolderThatNeverHandedTheMessageOverTakesItBackFromDoubtAndNoOneElseCan() throws Exception {
        Claim k = claim("b#1");
        settleLapsed();
        Claim impostor = new Claim(k.id(), k.incidentId(), "a#1", k.attempt());
        assertThat(landed(c -> deliveries.release(c, impostor))).isEqualTo(Landed.NOWHERE);
        assertThat(status()).isEqualTo(DeliveryStatus.IN_DOUBT);

        assertThat(landed(c -> deliveries.release(c, k))).isEqualTo(Landed.AFTER_DOUBT);
        assertThat(status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(column("attempts")).isEqualTo("0");
    }

    @Test
    void r8ACancelledNoticeTakesNoMessageBackIntoItsQueue() throws Exception {
        Claim k = claim("b#1");
        settleLapsed();
        jdbc.update("UPDATE incident SET state = 'CANCELLED' WHERE id = ?", incident);
        assertThat(landed(c -> deliveries.release(c, k))).isEqualTo(Landed.NOWHERE);
        assertThat(landed(c -> deliveries.retryLater(c, k, NOW, "421"))).isEqualTo(Landed.NOWHERE);
        assertThat(status()).isEqualTo(DeliveryStatus.IN_DOUBT);
    }

    @Test
    void r8AClaimReadBeforeAnotherNodeMovedTheRowIsNotTaken() throws Exception {
        var stale = deliveries.due(incident, NOW, 10).getFirst();
        claim("a#1");
        jdbc.update("UPDATE notice_delivery SET status = 'RETRY', next_attempt_at = ? WHERE id = ?", NOW, row);
        Optional<Claim> late = jdbc.inTransaction(c -> deliveries.claim(c, stale, "b#1", NOW));
        assertThat(late).isEmpty();
    }
}
