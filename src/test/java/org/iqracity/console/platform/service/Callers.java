package org.iqracity.console.platform.service;

import java.util.Set;
import org.iqracity.console.api.CourseScope;
import org.iqracity.console.api.Role;

/** Callers made directly, for tests of a service's own rules where who signed in, and how, does not matter. */
public final class Callers {
    private Callers() {
    }

    /** A Member administrator of every course, {@code id} serving as its staff id, user name and name. */
    public static Caller staff(String id) {
        return new Caller(id, id, id, "northbridge", "Northbridge", Set.of(Role.MEMBER_ADMIN), CourseScope.allCourses(),
                "s-" + id, "test", "127.0.0.1");
    }
}
