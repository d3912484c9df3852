package org.iqracity.console.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.NoticeChannel;

/**
 * The outbox of breach notices: one row per learner and channel, written once when a notice is approved. A row only
 * moves forward; the guarded updates below ({@code WHERE status = ...}) are what makes "at most once" hold when two
 * senders or a restart meet the same row.
 */
public final class DeliveryRepository {
    private final Jdbc jdbc;

    public DeliveryRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public record NewDelivery(String learnerId, NoticeChannel channel, String address, String jurisdiction,
                              DeliveryStatus status, String error, String messageId) {
    }

    /** Writes the frozen recipient set in {@code c}, in batches. */
    public void insertAll(Connection c, String incidentId, List<NewDelivery> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notice_delivery (incident_id, learner_id, channel, "
                + "address, jurisdiction, status, attempts, error, message_id) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
            int n = 0;
            for (NewDelivery d : rows) {
                Jdbc.bind(ps, incidentId, d.learnerId(), d.channel(), d.address(), d.jurisdiction(), d.status(),
                        d.error(), d.messageId());
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** An email waiting to go out. */
    public record Outgoing(long id, String incidentId, String learnerId, String address, int attempts,
                           String messageId) {
    }

    /** Emails of this incident that are due: pending, or waiting to retry with their time come. */
    public List<Outgoing> due(String incidentId, Instant now, int limit) {
        // Two ranges of the index (incident_id, status, id), each read in index order: an OR, or an ORDER BY id
        // alone, makes H2 read and sort every open row of the incident for each batch, so a send of 100,000 slowed
        // to a fifth of its speed (quadratic).
        List<Outgoing> out = new ArrayList<>(jdbc.query(OUTGOING + "WHERE incident_id = ? AND status = 'RETRY' "
                + "AND next_attempt_at <= ? AND channel = 'EMAIL' " + IN_INDEX_ORDER + " LIMIT ?",
                DeliveryRepository::outgoing, incidentId, now, limit));
        if (out.size() < limit) {
            out.addAll(jdbc.query(OUTGOING + "WHERE incident_id = ? AND status = 'PENDING' AND channel = 'EMAIL' "
                    + IN_INDEX_ORDER + " LIMIT ?", DeliveryRepository::outgoing, incidentId, limit - out.size()));
        }
        return out;
    }

    /** Spelled out in full so that H2 sees the index's own order and stops after LIMIT rows. */
    private static final String IN_INDEX_ORDER = "ORDER BY incident_id, status, id";

    private static final String OUTGOING = "SELECT id, incident_id, learner_id, address, attempts, message_id "
            + "FROM notice_delivery ";

    /** The earliest retry time still ahead, if any. */
    public Optional<Instant> nextRetry(String incidentId) {
        return jdbc.queryOne("SELECT MIN(next_attempt_at) AS t FROM notice_delivery WHERE incident_id = ? "
                + "AND status = 'RETRY'", rs -> Jdbc.instant(rs, "t"), incidentId).filter(t -> t != null);
    }

    public long openCount(Connection c, String incidentId) throws SQLException {
        return Jdbc.query(c, "SELECT COUNT(*) FROM notice_delivery WHERE incident_id = ? AND status IN "
                + "('PENDING', 'RETRY', 'IN_FLIGHT')", rs -> rs.getLong(1), incidentId).getFirst();
    }

    public long openCount(String incidentId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM notice_delivery WHERE incident_id = ? AND status IN "
                + "('PENDING', 'RETRY', 'IN_FLIGHT')", rs -> rs.getLong(1), incidentId).orElse(0L);
    }

    /**
     * A row a run claimed, with the attempt it claimed: the run's outcome lands on this claim and on no later one (the
     * row may have been put in doubt, settled by an officer and claimed again meanwhile).
     */
    public record Claim(long id, String incidentId, String holder, int attempt) {
    }

    /**
     * Claims a row for sending, committed before the message leaves: after a crash the row reads IN_FLIGHT, never
     * PENDING, so it is not sent a second time. The claim names its holder (a node's run). Empty when someone else
     * already moved the row, or it changed since it was read.
     */
    public Optional<Claim> claim(Connection c, Outgoing row, String holder, Instant at) throws SQLException {
        boolean mine = Jdbc.update(c, "UPDATE notice_delivery SET status = 'IN_FLIGHT', claimed_by = ?, "
                + "attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = NULL WHERE id = ? "
                + "AND status IN ('PENDING', 'RETRY') AND attempts = ?", holder, at, row.id(), row.attempts()) == 1;
        return mine ? Optional.of(new Claim(row.id(), row.incidentId(), holder, row.attempts() + 1))
                : Optional.empty();
    }

    /** Where an outcome landed: on the claim still in flight, on the claim after it was put in doubt, or nowhere. */
    public enum Landed {
        IN_FLIGHT, AFTER_DOUBT, NOWHERE
    }

    /** This claim and no other: the same holder and attempt. */
    private static final String CLAIM = " WHERE id = ? AND claimed_by = ? AND attempts = ? AND status ";

    /** Only a notice still being sent (or sent, and reopened by this) takes a message back into its queue. */
    private static final String INCIDENT_SENDING = " AND EXISTS (SELECT 1 FROM incident i WHERE "
            + "i.id = notice_delivery.incident_id AND i.state IN ('SENDING', 'SENT'))";

    /**
     * Hands back a claimed row whose message was never given to the server (the claim's attempt did not happen). A
     * row put in doubt meanwhile goes back too: its holder knows nothing left.
     */
    public Landed release(Connection c, Claim k) throws SQLException {
        return landed(c, "SET status = 'PENDING', attempts = attempts - 1", List.of(), k, true);
    }

    /**
     * The mail server took the message. Also after the row was put in doubt (the holder was slow, not gone), or even
     * after an officer queued it again or the notice was cancelled, as long as nobody claimed it since: it was
     * delivered, and recording that keeps a second message from being sent.
     */
    public Landed sent(Connection c, Claim k, Instant at) throws SQLException {
        if (Jdbc.update(c, "UPDATE notice_delivery SET status = 'SENT', sent_at = ?, error = NULL" + CLAIM
                + "= 'IN_FLIGHT'", at, k.id(), k.holder(), k.attempt()) == 1) {
            return Landed.IN_FLIGHT;
        }
        return Jdbc.update(c, "UPDATE notice_delivery SET status = 'SENT', sent_at = ?, error = ?" + CLAIM
                + "IN ('IN_DOUBT', 'PENDING', 'CANCELLED')", at, LATE_SENT, k.id(), k.holder(), k.attempt()) == 1
                ? Landed.AFTER_DOUBT : Landed.NOWHERE;
    }

    private static final String LATE_SENT = "Delivered: the mail server's acceptance was recorded after this message "
            + "had been put in doubt.";

    public Landed retryLater(Connection c, Claim k, Instant next, String error) throws SQLException {
        return landed(c, "SET status = 'RETRY', next_attempt_at = ?, error = ?", Arrays.asList(next, cut(error)), k,
                true);
    }

    /**
     * The message went to the server in full and no answer came: it may have been delivered. In doubt, for an officer
     * to settle; never queued again by the sender.
     */
    public Landed unanswered(Connection c, Claim k, String error) throws SQLException {
        return landed(c, "SET status = 'IN_DOUBT', error = ?", Arrays.asList(cut(error)), k, false);
    }

    public Landed failed(Connection c, Claim k, String error) throws SQLException {
        return landed(c, "SET status = 'FAILED', error = ?", Arrays.asList(cut(error)), k, false);
    }

    /** The holder's own outcome: on its claim in flight, else on the same claim put in doubt since. */
    private static Landed landed(Connection c, String set, List<Object> values, Claim k, boolean queuesAgain)
            throws SQLException {
        List<Object> params = new ArrayList<>(values);
        params.addAll(List.of(k.id(), k.holder(), k.attempt()));
        if (Jdbc.update(c, "UPDATE notice_delivery " + set + CLAIM + "= 'IN_FLIGHT'", params.toArray()) == 1) {
            return Landed.IN_FLIGHT;
        }
        return Jdbc.update(c, "UPDATE notice_delivery " + set + CLAIM + "= 'IN_DOUBT'"
                + (queuesAgain ? INCIDENT_SENDING : ""), params.toArray()) == 1 ? Landed.AFTER_DOUBT : Landed.NOWHERE;
    }

    /**
     * At the start of the one node of an embedded database: every row in flight was claimed by an earlier run of
     * this node, which stopped while the message was being handed over. Answers how many are now in doubt.
     */
    public int markInDoubt() {
        return jdbc.update("UPDATE notice_delivery SET status = 'IN_DOUBT', error = ? WHERE status = 'IN_FLIGHT'",
                STOPPED);
    }

    private static final String STOPPED = "The platform stopped while this message was being handed to the mail "
            + "server.";

    /** No run whose lease still runs (by the database's clock) holds the claim. */
    private static final String LAPSED = " AND NOT EXISTS (SELECT 1 FROM platform_node n WHERE "
            + "n.run_id = notice_delivery.claimed_by AND n.lease_until >= CURRENT_TIMESTAMP)";

    /**
     * On a shared database: the holders of rows in flight whose lease has run out or who stopped cleanly without
     * them (null for a claim of a version that named no holder). Reads only the rows in flight (a partial index).
     */
    public List<String> lapsedHolders() {
        return jdbc.query("SELECT DISTINCT claimed_by FROM notice_delivery WHERE status = 'IN_FLIGHT'" + LAPSED,
                rs -> rs.getString(1));
    }

    /** Puts the rows in flight of a holder whose lease has run out in doubt. Answers how many. */
    public int settleLapsed(String holder) {
        if (holder == null) {
            return jdbc.update("UPDATE notice_delivery SET status = 'IN_DOUBT', error = ? WHERE status = 'IN_FLIGHT' "
                    + "AND claimed_by IS NULL", STOPPED);
        }
        String node = holder.contains("#") ? holder.substring(0, holder.lastIndexOf('#')) : holder;
        return jdbc.update("UPDATE notice_delivery SET status = 'IN_DOUBT', error = ? WHERE status = 'IN_FLIGHT' "
                + "AND claimed_by = ?" + LAPSED, cut("The platform node " + node + " stopped, or lost its database, "
                + "while this message was being handed to the mail server."), holder);
    }

    /** Emails not yet handed to the mail server are not sent. Answers how many. */
    public int cancelOpen(Connection c, String incidentId) throws SQLException {
        return Jdbc.update(c, "UPDATE notice_delivery SET status = 'CANCELLED', next_attempt_at = NULL "
                + "WHERE incident_id = ? AND status IN ('PENDING', 'RETRY')", incidentId);
    }

    /** Letters waiting to be printed are not to be posted. Answers how many. */
    public int cancelLetters(Connection c, String incidentId) throws SQLException {
        return Jdbc.update(c, "UPDATE notice_delivery SET status = 'CANCELLED' "
                + "WHERE incident_id = ? AND status = 'READY' AND channel = 'LETTER'", incidentId);
    }

    public int retryFailed(Connection c, String incidentId) throws SQLException {
        return Jdbc.update(c, "UPDATE notice_delivery SET status = 'PENDING', next_attempt_at = NULL "
                + "WHERE incident_id = ? AND status = 'FAILED' AND channel = 'EMAIL'", incidentId);
    }

    /** Settles an in-doubt row: delivered, or back to pending with the same Message-ID. */
    public boolean resolve(Connection c, String incidentId, long id, boolean delivered, Instant at)
            throws SQLException {
        return delivered
                ? Jdbc.update(c, "UPDATE notice_delivery SET status = 'SENT', sent_at = ?, error = ? WHERE id = ? "
                + "AND incident_id = ? AND status = 'IN_DOUBT'", at, "Confirmed delivered by an officer.", id,
                incidentId) == 1
                : Jdbc.update(c, "UPDATE notice_delivery SET status = 'PENDING', error = NULL WHERE id = ? "
                + "AND incident_id = ? AND status = 'IN_DOUBT'", id, incidentId) == 1;
    }

    /** A delivery record as officers see it. */
    public record Row(long id, String learnerId, String username, NoticeChannel channel, DeliveryStatus status,
                      int attempts, Instant lastAttemptAt, Instant sentAt, String error, String messageId,
                      String jurisdiction) {
    }

    private static final String ROW = "SELECT d.id, d.learner_id, l.username, d.channel, d.status, d.attempts, "
            + "d.last_attempt_at, d.sent_at, d.error, d.message_id, d.jurisdiction FROM notice_delivery d "
            + "JOIN learner l ON l.id = d.learner_id ";

    public List<Row> page(String incidentId, DeliveryStatus status, NoticeChannel channel, long afterId, int limit) {
        StringBuilder sql = new StringBuilder(ROW).append("WHERE d.incident_id = ? AND d.id > ?");
        List<Object> params = new ArrayList<>(List.of(incidentId, afterId));
        if (status != null) {
            sql.append(" AND d.status = ?");
            params.add(status);
        }
        if (channel != null) {
            sql.append(" AND d.channel = ?");
            params.add(channel);
        }
        sql.append(status != null ? " ORDER BY d.incident_id, d.status, d.id LIMIT ?" : " ORDER BY d.id LIMIT ?");
        params.add(limit);
        return jdbc.query(sql.toString(), DeliveryRepository::row, params.toArray());
    }

    public long count(String incidentId, DeliveryStatus status, NoticeChannel channel) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM notice_delivery d WHERE d.incident_id = ?");
        List<Object> params = new ArrayList<>(List.of(incidentId));
        if (status != null) {
            sql.append(" AND d.status = ?");
            params.add(status);
        }
        if (channel != null) {
            sql.append(" AND d.channel = ?");
            params.add(channel);
        }
        return jdbc.queryOne(sql.toString(), rs -> rs.getLong(1), params.toArray()).orElse(0L);
    }

    public Optional<Row> find(String incidentId, long id) {
        return jdbc.queryOne(ROW + "WHERE d.incident_id = ? AND d.id = ?", DeliveryRepository::row, incidentId, id);
    }

    /** Every delivery record of the incident in id order, streamed. */
    public void forEach(String incidentId, Consumer<Row> sink) {
        jdbc.forEach(ROW + "WHERE d.incident_id = ? ORDER BY d.id", rs -> sink.accept(row(rs)), incidentId);
    }

    /** Letters to print, in id order, a batch at a time. */
    public List<Row> letters(String incidentId, long afterId, int limit) {
        return jdbc.query(ROW + "WHERE d.incident_id = ? AND d.status = 'READY' AND d.channel = 'LETTER' "
                + "AND d.id > ? ORDER BY d.incident_id, d.status, d.id LIMIT ?", DeliveryRepository::row, incidentId,
                afterId, limit);
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), NoticeChannel.valueOf(rs.getString(4)),
                DeliveryStatus.valueOf(rs.getString(5)), rs.getInt(6), Jdbc.instant(rs, "last_attempt_at"),
                Jdbc.instant(rs, "sent_at"), rs.getString(9), rs.getString(10), rs.getString(11));
    }

    private static Outgoing outgoing(ResultSet rs) throws SQLException {
        return new Outgoing(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6));
    }

    private static String cut(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
