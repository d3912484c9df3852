package org.iqracity.console.platform.store;

import java.util.List;
import java.util.Set;
import org.iqracity.console.api.Role;

/** A staff account as stored, with its secrets: it never leaves the platform's service layer. */
public record StaffRecord(String id, String memberId, String memberName, String username, String displayName,
                          String passwordHash, String totpSecret, Long totpLastStep, boolean allCourses,
                          String status, Set<Role> roles, List<String> courseIds) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    @Override
    public String toString() {
        return "StaffRecord[id=" + id + ", member=" + memberId + ", roles=" + roles + "]";
    }
}
