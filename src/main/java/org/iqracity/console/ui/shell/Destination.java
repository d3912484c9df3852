package org.iqracity.console.ui.shell;

import java.util.EnumSet;
import java.util.Set;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.Role;
import org.iqracity.console.ui.common.AppIcon;

/** The places the shell navigates to, who may go there, and whether this version has them yet. */
public enum Destination {
    LEARNERS("nav.learners", AppIcon.LEARNERS, true, Role.COURSE_ADMIN, Role.MEMBER_ADMIN),
    COURSES_TRACKING("nav.tracking", AppIcon.TRACKING, true, Role.COURSE_ADMIN, Role.MEMBER_ADMIN),
    SPONSOR_REPORTS("nav.sponsors", AppIcon.SPONSORS, true, Role.MEMBER_ADMIN),
    BREACH_NOTICES("nav.breach", AppIcon.BREACH, true, Role.SECURITY_OFFICER),
    ACCESS_LOG("nav.accessLog", AppIcon.ACCESS_LOG, true, Role.SECURITY_OFFICER),
    /** Rosters for course and Member administrators, research datasets (R11) for officers and Member administrators. */
    EXPORTS("nav.exports", AppIcon.EXPORTS, true, Role.COURSE_ADMIN, Role.MEMBER_ADMIN, Role.SECURITY_OFFICER),
    INSIGHTS("nav.insights", AppIcon.INSIGHTS, true, Role.COURSE_ADMIN, Role.MEMBER_ADMIN);

    private final String titleKey;
    private final AppIcon icon;
    private final boolean built;
    private final Set<Role> roles;

    Destination(String titleKey, AppIcon icon, boolean built, Role first, Role... more) {
        this.titleKey = titleKey;
        this.icon = icon;
        this.built = built;
        this.roles = EnumSet.of(first, more);
    }

    public String titleKey() {
        return titleKey;
    }

    public AppIcon icon() {
        return icon;
    }

    /** False for screens later versions bring; the shell shows a placeholder for them. */
    public boolean built() {
        return built;
    }

    /** The API refuses what a role may not do; hiding it here only keeps the console honest about that. */
    public boolean allowedFor(MeDto me) {
        return roles.stream().anyMatch(me::has);
    }
}
