package org.iqracity.console.platform.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Conversion reports already recorded, by the id the console gave them. */
public final class RosterConversionRepository {
    private final Jdbc jdbc;

    public RosterConversionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public record Recorded(String memberId, Instant reportedAt) {
    }

    /**
     * One recorded conversion, as stored: {@code exportedBy}, {@code exportedAt} and {@code signedRows} as far as
     * the roster's signatures vouch for them ({@code provenance}), never the reporter's word.
     */
    public record Row(String reportId, String memberId, String reportedBy, String format, long rowCount,
                      String courseIds, String rosterSha256, String exportedBy, Instant exportedAt,
                      Instant convertedAt, Instant reportedAt, String provenance, Long signedRows) {
    }

    /** The Member's report with this id: ids are the Member's own (V19), another Member's are never looked at. */
    public Optional<Recorded> find(String memberId, String reportId) {
        return jdbc.queryOne("SELECT member_id, reported_at FROM roster_conversion WHERE member_id = ? AND "
                + "report_id = ?", RosterConversionRepository::map, memberId, reportId);
    }

    public Optional<Recorded> find(Connection c, String memberId, String reportId) throws SQLException {
        return Jdbc.query(c, "SELECT member_id, reported_at FROM roster_conversion WHERE member_id = ? AND "
                + "report_id = ?", RosterConversionRepository::map, memberId, reportId).stream().findFirst();
    }

    public void insert(Connection c, Row r) throws SQLException {
        Jdbc.update(c, "INSERT INTO roster_conversion (report_id, member_id, reported_by, format, row_count, "
                        + "course_ids, roster_sha256, exported_by, exported_at, converted_at, reported_at, provenance, "
                        + "signed_rows) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.reportId(), r.memberId(),
                r.reportedBy(), r.format(), r.rowCount(), r.courseIds(), r.rosterSha256(), r.exportedBy(),
                r.exportedAt(), r.convertedAt(), r.reportedAt(), r.provenance(), r.signedRows());
    }

    private static Recorded map(ResultSet rs) throws SQLException {
        return new Recorded(rs.getString("member_id"), Jdbc.instant(rs, "reported_at"));
    }
}
