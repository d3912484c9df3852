package org.iqracity.console.platform.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The access log table (R12): inserts only. Nothing in the application updates or deletes an entry. */
public final class AccessLogRepository {
    public static final String GENESIS = "0".repeat(64);

    private final Jdbc jdbc;
    private final AccessLogNames names;

    public AccessLogRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.names = new AccessLogNames(jdbc);
    }

    /** How the Member's officers know the objects and courses of these entries. */
    public AccessLogNames.Names names(String memberId, List<Entry> entries) {
        return names.of(memberId, entries);
    }

    public record Entry(String memberId, long seq, Instant at, String actorId, String actorUsername, String action,
                        String outcome, String objectType, String objectId, String courseId, String client,
                        String address, String prevHash, String hash) {
    }

    public record Head(long seq, String hash) {
    }

    /**
     * Locks the Member's chain head for this transaction, creating it on first use. Another platform node may create
     * it at the same moment: then its row stands, and this transaction waits for it and links to whatever that node
     * wrote (the insert is undone to a savepoint, so the transaction goes on).
     */
    public Head lockHead(Connection c, String memberId) throws SQLException {
        List<Head> heads = lockedHead(c, memberId);
        if (!heads.isEmpty()) {
            return heads.getFirst();
        }
        Savepoint before = c.setSavepoint();
        try {
            Jdbc.update(c, "INSERT INTO access_log_head (member_id, seq, hash) VALUES (?, 0, ?)", memberId, GENESIS);
            c.releaseSavepoint(before);
            return new Head(0, GENESIS);
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e;
            }
            c.rollback(before);
            return lockedHead(c, memberId).getFirst();
        }
    }

    private static List<Head> lockedHead(Connection c, String memberId) throws SQLException {
        return Jdbc.query(c, "SELECT seq, hash FROM access_log_head WHERE member_id = ? FOR UPDATE",
                rs -> new Head(rs.getLong(1), rs.getString(2)), memberId);
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

    /** The Members (and the platform) that have a chain. */
    public List<String> chains() {
        return jdbc.query("SELECT member_id FROM access_log_head ORDER BY member_id", rs -> rs.getString(1));
    }

    /**
     * Gives entries new links and hashes (when a chain is keyed), then the head. One transaction: a stop half-way
     * leaves the chain as it was.
     */
    public void relink(String memberId, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.inTransaction(c -> {
            for (Entry e : entries) {
                Jdbc.update(c, "UPDATE access_log SET prev_hash = ?, hash = ? WHERE member_id = ? AND seq = ?",
                        e.prevHash(), e.hash(), memberId, e.seq());
            }
            Entry last = entries.getLast();
            Jdbc.update(c, "UPDATE access_log_head SET hash = ? WHERE member_id = ? AND seq = ?", last.hash(),
                    memberId, last.seq());
            return null;
        });
    }

    /** Filters for reading the log; null means any. */
    public record Filter(String actor, String action, String objectId, Instant from, Instant to) {
    }

    /** Newest first, before {@code beforeSeq} (exclusive) when given. */
    public List<Entry> page(String memberId, Filter f, Long beforeSeq, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT member_id, seq, at, actor_id, actor_username, action, outcome, "
                + "object_type, object_id, course_id, client, address, prev_hash, hash FROM access_log");
        where(sql, params, memberId, f);
        if (beforeSeq != null) {
            sql.append(" AND seq < ?");
            params.add(beforeSeq);
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        params.add(limit);
        return jdbc.query(sql.toString(), AccessLogRepository::map, params.toArray());
    }

    public long count(String memberId, Filter f) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM access_log");
        where(sql, params, memberId, f);
        return jdbc.queryOne(sql.toString(), rs -> rs.getLong(1), params.toArray()).orElse(0L);
    }

    private static void where(StringBuilder sql, List<Object> params, String memberId, Filter f) {
        sql.append(" WHERE member_id = ?");
        params.add(memberId);
        // A username is one account whatever its case: NB-TA finds nb-ta's entries.
        String[] columns = {"LOWER(actor_username) = ?", "action = ?", "object_id = ?", "at >= ?", "at < ?"};
        Object[] values = {f.actor() == null ? null : f.actor().toLowerCase(Locale.ROOT), f.action(),
                f.objectId(), f.from(), f.to()};
        for (int i = 0; i < columns.length; i++) {
            if (values[i] != null) {
                sql.append(" AND ").append(columns[i]);
                params.add(values[i]);
            }
        }
    }

    private static Entry map(ResultSet rs) throws SQLException {
        return new Entry(rs.getString(1), rs.getLong(2), Jdbc.instant(rs, "at"), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14));
    }

    /** A Member's entries in chain order, for verification and reading. */
    public List<Entry> chain(String memberId) {
        return jdbc.query(CHAIN, AccessLogRepository::map, memberId);
    }

    private static final String CHAIN = "SELECT member_id, seq, at, actor_id, actor_username, action, outcome, "
            + "object_type, object_id, course_id, client, address, prev_hash, hash FROM access_log WHERE member_id = ? "
            + "ORDER BY seq";

    /** Hands the Member's chain over in order, a batch at a time, without holding it in memory. */
    public void walkChain(String memberId, Consumer<Entry> sink) {
        jdbc.forEach(CHAIN, rs -> sink.accept(map(rs)), memberId);
    }
}
