package org.iqracity.console.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.iqracity.console.platform.store.Jdbc;

/**
 * What a sponsor report must never carry (R7), taken from the database for the very learners in the report: their
 * email addresses, usernames, learner ids, grades per assignment, free-text profile fields, the sponsor's own
 * reference for them (R5) and the other courses they take; and the words a column of such data would be headed with.
 * Tests look for each in the serialized output (CSV, PDF text, XLSX cells), so a column added by mistake fails whatever
 * it is called.
 */
public final class SponsorDisclosure {
    /** Header words of columns outside R7, lower case. */
    public static final List<String> FOREIGN_WORDS = List.of("email", "e-mail", "username", "grade", "gender",
            "country", "region", "birth", "education", "language", "goals", "mailing", "address", "reference");

    private SponsorDisclosure() {
    }

    /** Values of these learners that sit outside R7; each is long and distinctive enough to search for. */
    public static Set<String> forbiddenValues(Jdbc jdbc, String sponsorId, String courseId) {
        Set<String> values = new LinkedHashSet<>();
        List<String> learnerIds = new ArrayList<>();
        jdbc.query("SELECT l.id, l.username, l.email, l.mailing_address, l.goals, e.grade_breakdown, "
                + "e.sponsor_reference FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                + "WHERE e.course_id = ? AND e.sponsor_id = ?", rs -> {
                    learnerIds.add(rs.getString(1));
                    for (int c = 1; c <= 7; c++) {
                        String v = rs.getString(c);
                        if (v != null && v.length() >= 6) {
                            values.add(v);
                        }
                    }
                    return null;
                }, courseId, sponsorId);
        if (learnerIds.isEmpty()) {
            throw new IllegalStateException("no sponsored learner in the course: nothing would be checked");
        }
        for (String learnerId : learnerIds) {
            jdbc.query("SELECT course_id FROM enrollment WHERE learner_id = ? AND course_id <> ?",
                    rs -> values.add(rs.getString(1)), learnerId, courseId);
        }
        return values;
    }
}
