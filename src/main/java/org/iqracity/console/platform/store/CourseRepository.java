package org.iqracity.console.platform.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iqracity.console.api.CourseDto;

public final class CourseRepository {
    private static final String SELECT = "SELECT id, org, number, run, title, starts_at, ends_at, enrollment_count, "
            + "active_count, grading_policy FROM course ";

    private final Jdbc jdbc;

    public CourseRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A course with its grading policy, as the services need it. {@code dto} carries the exact counts: the service
     * decides what a caller may see of them.
     */
    public record CourseRow(CourseDto dto, List<String> assignmentTypes, List<Double> weights) {
        public long enrollments() {
            return dto.enrollmentCount();
        }

        public long activeEnrollments() {
            return dto.activeEnrollmentCount();
        }
    }

    /** The course only if it belongs to {@code memberId}: another Member's course is simply not found (R1). */
    public Optional<CourseRow> find(String memberId, String courseId) {
        return jdbc.queryOne(SELECT + "WHERE member_id = ? AND id = ?", CourseRepository::map, memberId, courseId);
    }

    public List<CourseRow> listForMember(String memberId) {
        return jdbc.query(SELECT + "WHERE member_id = ? ORDER BY id", CourseRepository::map, memberId);
    }

    private static CourseRow map(ResultSet rs) throws SQLException {
        CourseDto dto = CourseDto.exact(rs.getString("id"), rs.getString("title"), rs.getString("org"),
                rs.getString("number"), rs.getString("run"), Jdbc.instant(rs, "starts_at"),
                Jdbc.instant(rs, "ends_at"), rs.getLong("enrollment_count"), rs.getLong("active_count"));
        List<String> types = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (String part : rs.getString("grading_policy").split("\\|")) {
            int colon = part.lastIndexOf(':');
            types.add(part.substring(0, colon));
            weights.add(Double.parseDouble(part.substring(colon + 1)));
        }
        return new CourseRow(dto, List.copyOf(types), List.copyOf(weights));
    }
}
