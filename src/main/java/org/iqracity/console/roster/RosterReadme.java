package org.iqracity.console.roster;

import java.util.stream.Collectors;

/** The note inside every export for whoever opens it without Member Console. */
final class RosterReadme {
    /** Said only in a roster that holds a view of a course. */
    private static final String VIEWS = """

            A course "of the view" holds only the learners the Learners screen showed, in its order: the
            search, filters and order are written as the learner list's query string (q= the search,
            country=DE,KE, sort=name, a leading '-' for descending) and are signed with the rows.
            """;

    private RosterReadme() {
    }

    static String text(RosterManifest m) {
        String courses = m.courses().stream().map(c -> "  - " + c.courseId() + " (" + c.rowCount() + " learners"
                + (c.view() == null ? ")" : " of the view " + c.view() + ", in its order)"))
                .collect(Collectors.joining("\n"));
        return """
                Learner roster exported from the iqracity platform with Member Console
                ======================================================================

                Member:       %s
                Exported by:  %s
                Exported at:  %s
                Valid until:  %s
                Courses:
                %s

                This roster holds personal information that %s received under the iqracity privacy policy.
                Keep it encrypted, share it only with colleagues who need it, and delete it when it expires.
                Opening it in a spreadsheet makes an unprotected copy: do that only when you must.

                Files:
                  roster.csv     one learner enrollment per row (RFC 4180 CSV, UTF-8, header row)
                  manifest.json  what the export holds, SHA-256 of roster.csv, and the platform's signature for
                                 each course (Ed25519 over the course's rows), so changes can be detected
                """.formatted(m.memberName(), m.exportedByName() + " (" + m.exportedBy() + ")", m.exportedAt(),
                m.expiresAt(), courses, m.memberName()) + (m.courses().stream().anyMatch(c -> c.view() != null)
                ? VIEWS : "");
    }
}
