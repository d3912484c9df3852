package org.iqracity.console.api;

import java.util.Optional;

/**
 * Columns a roster export may carry: the profile fields a Member may see (R5) and the enrollment and performance in
 * the exported course (R4). A retired learner's personal columns are always empty (R6).
 */
public enum RosterField {
    COURSE_ID("course_id", false),
    LEARNER_ID("learner_id", false),
    USERNAME("username", false),
    NAME("name", true),
    EMAIL("email", true),
    COUNTRY("country", true),
    REGION("region", true),
    LANGUAGE("language", true),
    YEAR_OF_BIRTH("year_of_birth", true),
    GENDER("gender", true),
    LEVEL_OF_EDUCATION("level_of_education", true),
    MODE("mode", false),
    ENROLLED_AT("enrolled_at", false),
    ACTIVE("active", false),
    PROGRESS("progress", false),
    GRADE("grade", false),
    PASSED("passed", false),
    CERTIFICATE("certificate", false),
    LAST_ACTIVITY_AT("last_activity_at", false),
    ACTIVE_DAYS("active_days", false),
    SPONSORED("sponsored", false),
    RETIRED("retired", false);

    private final String column;
    private final boolean personal;

    RosterField(String column, boolean personal) {
        this.column = column;
        this.personal = personal;
    }

    /** The CSV header name, which is also the name on the wire. */
    public String column() {
        return column;
    }

    /** Whether the field identifies the person beyond the username: blank for retired accounts. */
    public boolean personal() {
        return personal;
    }

    public static Optional<RosterField> byColumn(String name) {
        for (RosterField f : values()) {
            if (f.column.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
