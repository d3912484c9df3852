package org.iqracity.console.platform.service.research;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.iqracity.console.api.SpreadsheetCsv;

/** {@code dataset.csv}: one row per released record, RFC 4180, UTF-8, with a header. */
public final class DatasetCsv {

    /** A column of the dataset and what it holds, for the header and the data dictionary. */
    public record Column(String name, boolean quasiIdentifier, String meaning) {
    }

    public static final List<Column> COLUMNS = List.of(
            new Column("pseudonym", false, "Stands for one learner (32 hex digits); see Pseudonyms above for "
                    + "whether it recurs in other exports. Not the learner's platform id, and not derivable from it "
                    + "without a key this file does not hold."),
            new Column("year_of_birth_band", true, "Year of birth as a band of years, e.g. 1985-1989; "
                    + "\"unknown\" when the learner did not give it; \"withheld\" in every row when the export had "
                    + "to leave it out."),
            new Column("location", true, "Country (ISO 3166-1 alpha-2 code) the learner gave; a UN M49 sub-region "
                    + "or region (or World) where fewer than k learners of the course share the country; "
                    + "\"unknown\" when not given."),
            new Column("gender", true, "female, male, other or unknown, as the learner gave it; withheld when "
                    + "the export had to leave it out."),
            new Column("level_of_education", true, "Highest level of education the learner gave, singly "
                    + "(doctorate, master, bachelor, associate, secondary, lower secondary, primary, none, other) or "
                    + "in groups (postgraduate, undergraduate, secondary, primary or none, other); unknown when not "
                    + "given; withheld when the export had to leave it out."),
            new Column("enrolled_period", true, "When the learner enrolled, in UTC: ISO week (2026-W05), month "
                    + "(2026-01), quarter (2026-Q1) or year."),
            new Column("mode", false, "Enrollment track, e.g. audit or verified."),
            new Column("enrollment_active", false, "true while the learner is still enrolled; false after "
                    + "unenrolling."),
            new Column("last_activity_week", false, "ISO week (UTC) of the learner's last activity in the course; "
                    + "empty when none."),
            new Column("progress", false, "Share of the course completed, 0.00 to 1.00, to two decimals."),
            new Column("grade", false, "Course grade, 0.00 to 1.00, to two decimals."),
            new Column("passed", false, "true when the grade reached the course's pass mark."),
            new Column("certificate", false, "true when a certificate was earned."),
            new Column("active_days", false, "Days with any activity in the course."),
            new Column("videos_watched", false, "Videos watched in the course."),
            new Column("problems_attempted", false, "Problems attempted in the course."),
            new Column("forum_posts_band", true, "Posts written in the course's forums, as a band: 0, 1, 2-4, 5-9 "
                    + "or 10+; 0, 1-4 or 5+; or 0 or 1+; withheld when the export had to leave it out. A band, not "
                    + "the count, because other learners see each learner's posts under their username and can count "
                    + "them. The posts' text is not included."));

    private DatasetCsv() {
    }

    public static void write(Writer out, List<KAnonymity.Row> rows) throws IOException {
        line(out, COLUMNS.stream().map(Column::name).toList());
        for (KAnonymity.Row row : rows) {
            LearnerRecord r = row.record();
            QuasiIdentifiers qi = row.qi();
            line(out, List.of(r.pseudonym(), qi.yearOfBirth(), qi.location(), qi.gender(), qi.education(),
                    qi.enrolled(), r.mode() == null ? "" : r.mode().toLowerCase(Locale.ROOT),
                    Boolean.toString(r.active()), Coarsening.period(r.lastActivityAt(), Coarsening.Period.WEEK),
                    Coarsening.share(r.progress()), Coarsening.share(r.grade()), Boolean.toString(r.passed()),
                    Boolean.toString(r.certificate()), Integer.toString(r.activeDays()),
                    Integer.toString(r.videosWatched()), Integer.toString(r.problemsAttempted()),
                    qi.forumPosts()));
        }
    }

    private static void line(Writer out, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(SpreadsheetCsv.guard(values.get(i))));
        }
        out.write("\r\n");
    }

    static String quote(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
