package org.iqracity.console.api;

import java.util.List;

/** The signed-in staff member. */
public record MeDto(String username, String displayName, MemberRef member, List<Role> roles, CourseScope courseIds) {
    public MeDto {
        roles = List.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
