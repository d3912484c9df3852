package org.iqracity.console.api;

import java.util.Locale;
import java.util.Optional;

/** The sorts the learner list offers; on the wire a name with an optional leading '-' for descending. */
public enum LearnerSort {
    USERNAME("username"),
    NAME("name"),
    ENROLLED_AT("enrolledAt"),
    PROGRESS("progress"),
    GRADE("grade"),
    LAST_ACTIVITY_AT("lastActivityAt");

    private final String wireName;

    LearnerSort(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public String wire(boolean descending) {
        return descending ? "-" + wireName : wireName;
    }

    public static Optional<LearnerSort> fromWireName(String name) {
        for (LearnerSort s : values()) {
            if (s.wireName.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName.toLowerCase(Locale.ROOT);
    }
}
