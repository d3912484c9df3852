package org.iqracity.console.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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
     * Claims a row for sending, committed before the message leaves: after a crash the row reads IN_FLIGHT, never
     * PENDING, so it is not sent a second time. False when someone else already moved it.
     */
    public boolean claim(Connection c, long id, Instant at) throws SQLException {
        return Jdbc.update(c, "UPDATE notice_delivery SET status = 'IN_FLIGHT', attempts = attempts + 1, "
                + "last_attempt_at = ?, next_attempt_at = NULL WHERE id = ? AND status IN ('PENDING', 'RETRY')", at,
                id) == 1;
    }

    /** Hands back a claimed row whose message was never given to the server (the claim's attempt did not happen). */
    public void release(Connection c, long id) throws SQLException {
        Jdbc.update(c, "UPDATE notice_delivery SET status = 'PENDING', attempts = attempts - 1 WHERE id = ? "
                + "AND status = 'IN_FLIGHT'", id);
    }

    public void sent(Connection c, long id, Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE notice_delivery SET status = 'SENT', sent_at = ?, error = NULL WHERE id = ? "
                + "AND status = 'IN_FLIGHT'", at, id);
    }

    public void retryLater(Connection c, long id, Instant next, String error) throws SQLException {
        Jdbc.update(c, "UPDATE notice_delivery SET status = 'RETRY', next_attempt_at = ?, error = ? WHERE id = ? "
                + "AND status = 'IN_FLIGHT'", next, cut(error), id);
    }

    public void failed(Connection c, long id, String error) throws SQLException {
        Jdbc.update(c, "UPDATE notice_delivery SET status = 'FAILED', error = ? WHERE id = ? AND status = 'IN_FLIGHT'",
                cut(error), id);
    }

    /** At start-up: rows that were in flight when the platform stopped are in doubt. Answers how many. */
    public int markInDoubt() {
        return jdbc.update("UPDATE notice_delivery SET status = 'IN_DOUBT', error = ? WHERE status = 'IN_FLIGHT'",
                "The platform stopped while this message was being handed to the mail server.");
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
