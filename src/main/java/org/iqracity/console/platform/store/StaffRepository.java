package org.iqracity.console.platform.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.iqracity.console.api.Role;

public final class StaffRepository {
    private static final String SELECT = "SELECT s.id, s.member_id, m.name AS member_name, s.username, "
            + "s.display_name, s.password_hash, s.totp_secret, s.totp_last_step, s.all_courses, s.status "
            + "FROM staff s JOIN member m ON m.id = s.member_id ";

    private final Jdbc jdbc;
    private final SecretBox box;

    /** {@code box} opens the second-factor secrets, which the database keeps sealed. */
    public StaffRepository(Jdbc jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    /** Where a staff member's second-factor secret is sealed: the associated data that ties it to its row. */
    public static String totpPlace(String staffId) {
        return "staff.totp_secret:" + staffId;
    }

    /** Usernames are matched without regard to case, as the sign-in throttle counts them: NB-TA is nb-ta. */
    public Optional<StaffRecord> findByUsername(String username) {
        return load(SELECT + "WHERE LOWER(s.username) = ?", username.toLowerCase(Locale.ROOT));
    }

    public Optional<StaffRecord> findById(String id) {
        return load(SELECT + "WHERE s.id = ?", id);
    }

    private Optional<StaffRecord> load(String sql, String key) {
        return jdbc.inTransaction(c -> {
            List<StaffRecord> rows = Jdbc.query(c, sql, rs -> map(c, rs, box), key);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
        });
    }

    /** Records a used TOTP step only if it is newer than the last one, so one code works once. */
    public boolean claimTotpStep(String staffId, long step) {
        return jdbc.update("UPDATE staff SET totp_last_step = ? WHERE id = ? "
                + "AND (totp_last_step IS NULL OR totp_last_step < ?)", step, staffId, step) == 1;
    }

    public void setStatus(String staffId, String status) {
        jdbc.update("UPDATE staff SET status = ? WHERE id = ?", status, staffId);
    }

    private static StaffRecord map(Connection c, ResultSet rs, SecretBox box) throws SQLException {
        String id = rs.getString("id");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Jdbc.query(c, "SELECT role FROM staff_role WHERE staff_id = ?", r -> r.getString(1), id)
                .forEach(r -> roles.add(Role.valueOf(r)));
        List<String> courses = Jdbc.query(c, "SELECT course_id FROM staff_course WHERE staff_id = ? ORDER BY course_id",
                r -> r.getString(1), id);
        String sealed = rs.getString("totp_secret");
        String totp = sealed == null ? null : box.open(totpPlace(id), sealed);
        long step = rs.getLong("totp_last_step");
        return new StaffRecord(id, rs.getString("member_id"), rs.getString("member_name"), rs.getString("username"),
                rs.getString("display_name"), rs.getString("password_hash"), totp,
                rs.wasNull() ? null : step, rs.getBoolean("all_courses"), rs.getString("status"), roles, courses);
    }
}
