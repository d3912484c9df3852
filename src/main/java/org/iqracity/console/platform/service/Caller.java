package org.iqracity.console.platform.service;

import java.util.Set;
import org.iqracity.console.api.CourseScope;
import org.iqracity.console.api.Role;

/** Who is asking: an authenticated staff member, their Member, roles and course scope, and from where. */
public record Caller(String staffId, String username, String displayName, String memberId, String memberName,
                     Set<Role> roles, CourseScope scope, String sessionId, String client, String address) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Course administrators and Member administrators work with learners; security officers alone do not. */
    public boolean readsLearners() {
        return has(Role.COURSE_ADMIN) || has(Role.MEMBER_ADMIN);
    }

    /** R3: a course administrator sees only assigned courses; a Member administrator sees all of the Member's. */
    public boolean inScope(String courseId) {
        return has(Role.MEMBER_ADMIN) || (has(Role.COURSE_ADMIN) && scope.includes(courseId));
    }

    public RequestOrigin origin() {
        return new RequestOrigin(client, address);
    }
}
