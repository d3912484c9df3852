package org.iqracity.console.ui.exports;

import java.util.ArrayList;
import java.util.List;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.Role;

/** The exports a person may make: rosters (R14) for course work, research datasets (R11) for accountable roles. */
public enum ExportKind {
    /** Encrypted rosters for offline review: course and Member administrators. */
    ROSTER,
    /** De-identified research datasets: security officers and Member administrators. */
    RESEARCH;

    /** In the order the Exports screen shows them; the platform refuses the rest whatever the console shows. */
    public static List<ExportKind> allowedFor(MeDto me) {
        List<ExportKind> kinds = new ArrayList<>();
        if (me.has(Role.COURSE_ADMIN) || me.has(Role.MEMBER_ADMIN)) {
            kinds.add(ROSTER);
        }
        if (me.has(Role.SECURITY_OFFICER) || me.has(Role.MEMBER_ADMIN)) {
            kinds.add(RESEARCH);
        }
        return List.copyOf(kinds);
    }
}
