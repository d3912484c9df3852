package org.iqracity.console.platform.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The runs of the platform's nodes on a shared PostgreSQL, each with its lease. Every time here is the database's
 * own ({@code CURRENT_TIMESTAMP}): the nodes' clocks may disagree by seconds, and a lease decides whether a message
 * may be in doubt, so one clock judges them all.
 */
public final class NodeRepository {
    private final Jdbc jdbc;

    public NodeRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A run of a node, as the table holds it. */
    public record Run(String runId, String nodeId, Instant leaseUntil) {
    }

    /** The runs of this node whose lease still runs, by the database's clock. */
    public List<Run> liveRunsOf(String nodeId) {
        return jdbc.query("SELECT run_id, node_id, lease_until FROM platform_node WHERE node_id = ? "
                + "AND lease_until >= CURRENT_TIMESTAMP", NodeRepository::run, nodeId);
    }

    /** When this run's lease ends, if the run is still recorded. */
    public Optional<Instant> leaseUntil(String runId) {
        return jdbc.queryOne("SELECT lease_until FROM platform_node WHERE run_id = ?",
                rs -> Jdbc.instant(rs, "lease_until"), runId);
    }

    /** Renews the run's lease for {@code lease} from now; records the run first if it is not (yet, or any more). */
    public void renew(String runId, String nodeId, Duration lease) {
        double seconds = lease.toMillis() / 1000.0;
        if (jdbc.update("UPDATE platform_node SET lease_until = CURRENT_TIMESTAMP + make_interval(secs => ?) "
                + "WHERE run_id = ?", seconds, runId) == 0) {
            jdbc.update("INSERT INTO platform_node (run_id, node_id, started_at, lease_until) VALUES (?, ?, "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + make_interval(secs => ?))", runId, nodeId, seconds);
        }
    }

    /** The run is over: its claims no longer count as held, from this moment. */
    public void remove(String runId) {
        jdbc.update("DELETE FROM platform_node WHERE run_id = ?", runId);
    }

    /** Runs whose lease ended more than {@code after} ago: nothing refers to them any more but old claims. */
    public int forgetEndedBefore(Duration after) {
        return jdbc.update("DELETE FROM platform_node WHERE lease_until < CURRENT_TIMESTAMP - make_interval(secs => ?)",
                (double) after.toSeconds());
    }

    private static Run run(ResultSet rs) throws SQLException {
        return new Run(rs.getString(1), rs.getString(2), Jdbc.instant(rs, "lease_until"));
    }
}
