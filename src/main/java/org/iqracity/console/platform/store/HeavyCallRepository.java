package org.iqracity.console.platform.store;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Heavy calls (roster streams, exports) as every node of a shared PostgreSQL counts them. A call runs under its
 * node's run: when that run's lease ends (the node crashed) its calls stop counting as running, so a crash never
 * keeps a slot taken. Rows stay for the minute their start counts against the caller, then go.
 */
public final class HeavyCallRepository {
    /** The advisory lock that makes a check and the start after it one step for all nodes. */
    private static final long LOCK = 0x1C3A_4E41_5659L;

    private final Jdbc jdbc;

    public HeavyCallRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How much of one kind a caller and the whole platform use now: the caller's starts in the window and the first
     * of them, the caller's calls running, all calls running, and those of this kind.
     */
    public record Usage(int startsInWindow, Instant firstStartInWindow, int callerRunning, int running,
                        int kindRunning) {
    }

    /** A call whose run holds its lease. */
    private static final String LIVE = " AND EXISTS (SELECT 1 FROM platform_node n WHERE n.run_id = h.run_id "
            + "AND n.lease_until >= CURRENT_TIMESTAMP)";

    /**
     * Under a lock every node takes: hands the usage now to {@code check}, which throws to refuse, and records the
     * start. Answers the call's id, for {@link #finished}.
     */
    public long start(String staffId, String kind, String holder, Instant now, Instant windowStart,
                      Consumer<Usage> check) {
        return jdbc.inTransaction(c -> {
            Jdbc.query(c, "SELECT pg_advisory_xact_lock(?)", rs -> null, LOCK);
            Object[] starts = Jdbc.query(c, "SELECT COUNT(*), MIN(started_at) FROM heavy_call WHERE staff_id = ? "
                    + "AND kind = ? AND started_at > ?", rs -> new Object[] {rs.getInt(1), Jdbc.instant(rs, 2)},
                    staffId, kind, windowStart).getFirst();
            int[] running = new int[3];
            Jdbc.query(c, "SELECT h.staff_id, h.kind FROM heavy_call h WHERE h.running" + LIVE, rs -> {
                running[0] += staffId.equals(rs.getString(1)) && kind.equals(rs.getString(2)) ? 1 : 0;
                running[1]++;
                running[2] += kind.equals(rs.getString(2)) ? 1 : 0;
                return null;
            });
            check.accept(new Usage((Integer) starts[0], (Instant) starts[1], running[0], running[1], running[2]));
            return Jdbc.query(c, "INSERT INTO heavy_call (staff_id, kind, run_id, started_at, running) "
                    + "VALUES (?, ?, ?, ?, TRUE) RETURNING id", rs -> rs.getLong(1), staffId, kind, holder, now)
                    .getFirst();
        });
    }

    /** The call is over: its slot is free again. */
    public void finished(long id) {
        jdbc.update("UPDATE heavy_call SET running = FALSE WHERE id = ?", id);
    }

    /** Calls started before {@code before} that no longer run, or whose node's lease ended. */
    public int forgetBefore(Instant before) {
        return jdbc.update("DELETE FROM heavy_call h WHERE h.started_at < ? AND (NOT h.running OR NOT EXISTS "
                + "(SELECT 1 FROM platform_node n WHERE n.run_id = h.run_id AND n.lease_until >= CURRENT_TIMESTAMP))",
                before);
    }
}
