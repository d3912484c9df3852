package org.iqracity.console.api;

/** Staff roles (ACCESS-RULES.md, "Who is who"). */
public enum Role {
    COURSE_ADMIN,
    SECURITY_OFFICER,
    MEMBER_ADMIN
}
