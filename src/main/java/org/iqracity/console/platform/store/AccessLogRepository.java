package org.iqracity.console.platform.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The access log table (R12): inserts only. Nothing in the application updates or deletes an entry. */
public final class AccessLogRepository {
    public static final String GENESIS = "0".repeat(64);

    private final Jdbc jdbc;

    public AccessLogRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(String memberId, long seq, Instant at, String actorId, String actorUsername, String action,
                        String outcome, String objectType, String objectId, String courseId, String client,
                        String address, String prevHash, String hash) {
    }

    public record Head(long seq, String hash) {
    }

    /** Locks the Member's chain head for this transaction, creating it on first use. */
    public Head lockHead(Connection c, String memberId) throws SQLException {
        List<Head> heads = Jdbc.query(c, "SELECT seq, hash FROM access_log_head WHERE member_id = ? FOR UPDATE",
                rs -> new Head(rs.getLong(1), rs.getString(2)), memberId);
        if (!heads.isEmpty()) {
            return heads.getFirst();
        }
        Jdbc.update(c, "INSERT INTO access_log_head (member_id, seq, hash) VALUES (?, 0, ?)", memberId, GENESIS);
        return new Head(0, GENESIS);
    }

    public void append(Connection c, Entry e) throws SQLException {
        Jdbc.update(c, "INSERT INTO access_log (member_id, seq, at, actor_id, actor_username, action, outcome, "
                        + "object_type, object_id, course_id, client, address, prev_hash, hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.memberId(), e.seq(), e.at(), e.actorId(), e.actorUsername(), e.action(), e.outcome(),
                e.objectType(), e.objectId(), e.courseId(), e.client(), e.address(), e.prevHash(), e.hash());
        Jdbc.update(c, "UPDATE access_log_head SET seq = ?, hash = ? WHERE member_id = ?", e.seq(), e.hash(),
                e.memberId());
    }

    /** A Member's entries in chain order, for verification and reading. */
    public List<Entry> chain(String memberId) {
        return jdbc.query("SELECT member_id, seq, at, actor_id, actor_username, action, outcome, object_type, "
                + "object_id, course_id, client, address, prev_hash, hash FROM access_log WHERE member_id = ? "
                + "ORDER BY seq", rs -> new Entry(rs.getString(1), rs.getLong(2), Jdbc.instant(rs, "at"),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14)), memberId);
    }
}
