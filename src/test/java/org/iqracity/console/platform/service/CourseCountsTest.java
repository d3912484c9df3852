package org.iqracity.console.platform.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.CourseScope;
import org.iqracity.console.api.Role;
import org.iqracity.console.platform.store.CourseRepository.CourseRow;
import org.junit.jupiter.api.Test;

/**
 * A course's counts for who may list its learners and for who may not (R11, R2; docs/decisions/0005). The reader
 * here knows the rule: from what a course shows, it collects every pair of counts that would show the same, and
 * learns a small group only if all of them agree on it.
 */
class CourseCountsTest {
    static final String MINE = "course-v1:Northbridge+DS200+2026_T1";
    static final String OTHER = "course-v1:Northbridge+CS101+2026_T1";
    static final int UP_TO = 60;

    static CourseRow course(String id, long enrolled, long active) {
        return new CourseRow(CourseDto.exact(id, "Course", "Northbridge", "X", "2026_T1",
                Instant.parse("2026-01-15T00:00:00Z"), null, enrolled, active), List.of(), List.of());
    }

    static Caller caller(Set<Role> roles, CourseScope scope) {
        return new Caller("s1", "someone", "Someone", "northbridge", "Northbridge", roles, scope, "session", "test",
                "127.0.0.1");
    }

    static final Caller OFFICER = caller(Set.of(Role.SECURITY_OFFICER), CourseScope.of(List.of()));

    /** What the counts look like from outside: the two numbers sent, null where suppressed. */
    record Shown(Long enrolled, Long active) {
    }

    static Shown shown(long enrolled, long active) {
        CourseDto dto = CourseCounts.shownTo(OFFICER, course(MINE, enrolled, active));
        assertThat(dto.countsProtected()).isTrue();
        return new Shown(dto.enrollmentCount(), dto.activeEnrollmentCount());
    }

    @Test
    void r11NoCountAnOfficerIsSentIsFromOneToFour() {
        for (long enrolled = 0; enrolled <= UP_TO; enrolled++) {
            for (long active = 0; active <= enrolled; active++) {
                Shown s = shown(enrolled, active);
                for (Long n : new Long[] {s.enrolled(), s.active(),
                        s.enrolled() != null && s.active() != null ? s.enrolled() - s.active() : null}) {
                    assertThat(n == null || n == 0 || n >= 5).as(enrolled + " enrolled, " + active + " active: " + s)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void r11R2AReaderWhoKnowsTheRuleCannotPinTheUnenrolledTheActiveOrTheTotalToOneToFour() {
        Map<Shown, List<long[]>> alike = new HashMap<>();
        for (long enrolled = 0; enrolled <= UP_TO; enrolled++) {
            for (long active = 0; active <= enrolled; active++) {
                alike.computeIfAbsent(shown(enrolled, active), k -> new ArrayList<>())
                        .add(new long[] {enrolled, active, enrolled - active});
            }
        }
        String[] names = {"enrolled", "active", "unenrolled"};
        List<String> pinned = new ArrayList<>();
        alike.forEach((s, inputs) -> {
            for (int i = 0; i < names.length; i++) {
                TreeSet<Long> values = new TreeSet<>();
                for (long[] in : inputs) {
                    values.add(in[i]);
                }
                if (values.size() == 1 && values.first() >= 1 && values.first() <= 4) {
                    pinned.add(s + " gives " + names[i] + " = " + values.first());
                }
            }
        });
        assertThat(pinned).isEmpty();
    }

    @Test
    void r11R2AnOfficerSeesTheTotalButNotTheActiveBesideAFewUnenrolled() {
        assertThat(shown(1_203, 1_200)).isEqualTo(new Shown(1_203L, null));
        assertThat(shown(1_203, 1_203)).as("none unenrolled: nobody to protect").isEqualTo(new Shown(1_203L, 1_203L));
        assertThat(shown(1_203, 1_150)).isEqualTo(new Shown(1_203L, 1_150L));
        assertThat(shown(3, 3)).isEqualTo(new Shown(null, null));
        assertThat(shown(0, 0)).as("an empty course describes nobody").isEqualTo(new Shown(0L, 0L));
        assertThat(shown(8, 5)).as("two hidden counts that add up to 8 could each be read as 4")
                .isEqualTo(new Shown(null, null));
    }

    @Test
    void r3WhoMayListTheLearnersOfACourseGetsItsExactCounts() {
        CourseRow row = course(MINE, 1_203, 1_200);
        Caller memberAdmin = caller(Set.of(Role.MEMBER_ADMIN), CourseScope.allCourses());
        Caller assigned = caller(Set.of(Role.COURSE_ADMIN), CourseScope.of(List.of(MINE)));
        for (Caller c : List.of(memberAdmin, assigned)) {
            assertThat(CourseCounts.shownTo(c, row)).isEqualTo(row.dto());
            assertThat(row.dto().countsProtected()).isFalse();
        }
    }

    @Test
    void r3AnOfficerWhoAdministersSomeCoursesGetsExactCountsOnlyForThose() {
        Caller both = caller(Set.of(Role.SECURITY_OFFICER, Role.COURSE_ADMIN), CourseScope.of(List.of(MINE)));
        CourseDto mine = CourseCounts.shownTo(both, course(MINE, 1_203, 1_200));
        CourseDto other = CourseCounts.shownTo(both, course(OTHER, 1_203, 1_200));
        assertThat(mine.countsProtected()).isFalse();
        assertThat(mine.activeEnrollmentCount()).isEqualTo(1_200L);
        assertThat(other.countsProtected()).isTrue();
        assertThat(other.activeEnrollmentCount()).isNull();
        assertThat(other.enrollmentCount()).isEqualTo(1_203L);
    }
}
