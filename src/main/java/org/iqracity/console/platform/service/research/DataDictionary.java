package org.iqracity.console.platform.service.research;

import java.util.Locale;
import org.iqracity.console.api.research.ResearchExportSummary;

/**
 * {@code data-dictionary.md}: what a researcher needs to read the dataset right and what the Member needs to
 * account for it: every column and its coarsening, the k used, the step of generalisation, how many records were
 * generalised and suppressed, and when the export was made.
 */
public final class DataDictionary {
    private DataDictionary() {
    }

    public static String write(ResearchExportSummary s, KAnonymity.Result result) {
        Ladder.Level level = result.level();
        StringBuilder md = new StringBuilder();
        md.append("# Research dataset: ").append(s.courseTitle()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Course", "`" + s.courseId() + "`");
        row(md, "Member", "`" + s.memberId() + "`");
        row(md, "Exported", s.exportedAt() + " (UTC)");
        row(md, "k", s.k() + " (every combination of quasi-identifiers in the dataset is shared by at least "
                + s.k() + " rows)");
        row(md, "Pseudonyms", s.stableKey()
                ? "the Member's kept key: the same learner has the same pseudonym in every export of this Member "
                + "made with the kept key, so such exports can be joined"
                : "a key made for this export alone and never stored: no other export shares a pseudonym with it");
        if (s.stableKey()) {
            row(md, "Joins", "checked against the Member's " + count(s.stableExportsBefore()) + " earlier stable-key "
                    + "export(s): joined with any of them on pseudonym, every group of learners alike in all the "
                    + "exports joined (being left out of one included) holds at least k rows; "
                    + count(s.recordsSuppressedForJoins()) + " record(s) left out for that alone");
        }
        row(md, "Learners in the course", count(s.learnersInCourse()));
        row(md, "Rows in dataset.csv", count(s.recordsExported()));
        row(md, "Rows generalised", count(s.recordsGeneralised()) + " (quasi-identifiers coarser than 5-year band, "
                + "country, ISO week, single level of education and five bands of forum posts)");
        row(md, "Records suppressed", count(s.recordsSuppressed()) + " (left out: their combination stayed shared by "
                + "fewer than k learners)");
        row(md, "Generalisation step", s.generalisationLevel() + " of " + (Ladder.LEVELS.size() - 1) + ": "
                + level.describe());
        row(md, "Combinations", count(s.groups()) + " distinct, the smallest shared by " + count(s.smallestGroup())
                + " rows");
        md.append("\n## Columns\n\n| column | quasi-identifier | meaning |\n|---|---|---|\n");
        for (DatasetCsv.Column c : DatasetCsv.COLUMNS) {
            md.append("| `").append(c.name()).append("` | ").append(c.quasiIdentifier() ? "yes" : "no").append(" | ")
                    .append(c.meaning()).append(coarsening(c.name(), level, s.k())).append(" |\n");
        }
        md.append("\nRows are ordered by pseudonym, so their order tells nothing about the learners. Learners who "
                + "deleted their account (retired) are included with their course performance; their profile "
                + "fields show as unknown.\n");
        md.append("\n## How the dataset was de-identified\n\n");
        md.append("1. Learners are replaced by pseudonyms (HMAC-SHA-256 of the platform's learner id under a secret "
                + "key, cut to 128 bits). The key is not in this export.\n");
        md.append("2. Left out altogether: name, username, email, learner id, mailing address, goals, biography and "
                + "every other free text, language, state or province, sponsor.\n");
        md.append("3. The quasi-identifiers (").append(String.join(", ", s.quasiIdentifiers()))
                .append(") are coarsened: years of birth to bands, dates to periods, forum posts to bands, and any "
                        + "country shared by fewer than k learners of the course folded into its UN M49 sub-region, "
                        + "then region, then World. Forum posts count as a quasi-identifier because other learners "
                        + "see each learner's posts under their username and can count them.\n");
        md.append("4. A fixed ladder of generalisation steps is tried in order; the first step that leaves at most ")
                .append(KAnonymity.MAX_SUPPRESSED_PERCENT).append(" % of the records in combinations shared by fewer "
                        + "than k learners is used (if none does, the step leaving the fewest).\n");
        md.append("5. The records still in such combinations are suppressed (left out).");
        if (s.stableKey()) {
            md.append(" With the Member's kept key, a combination also takes in what the Member's earlier "
                    + "stable-key exports showed about the learner, and which of them left the learner out; and "
                    + "where this export would leave out fewer than k of the learners those exports showed alike, "
                    + "the smallest group of the others is left out too.");
        }
        md.append("\n");
        md.append("\n| step | generalisation | records it would suppress |\n|---|---|---|\n");
        for (KAnonymity.Attempt a : result.attempts()) {
            md.append("| ").append(a.level().index()).append(a.level() == level ? " (used)" : "").append(" | ")
                    .append(a.level().describe()).append(" | ").append(count(a.suppressed())).append(" |\n");
        }
        md.append("\nPerformance columns (progress, grade, passed, certificate, and the activity counts only staff "
                + "see: active days, videos watched, problems attempted) are kept as the platform holds them, rounded "
                + "where stated. Combining this dataset with other data to find out who "
                + "a learner is goes against the terms under which it was shared.\n");
        return md.toString();
    }

    private static String coarsening(String column, Ladder.Level level, int k) {
        return switch (column) {
            case "year_of_birth_band" -> " In this export: " + (level.bandYears() == 0 ? "withheld."
                    : level.bandYears() + "-year bands.");
            case "gender" -> level.genderShown() ? "" : " In this export: withheld.";
            case "location" -> " In this export: " + switch (level.place()) {
                case COUNTRY -> "countries";
                case SUBREGION -> "sub-regions";
                case REGION -> "regions";
                case WORLD -> "World only";
            } + ", each shared by at least " + k + " learners of the course or folded further.";
            case "level_of_education" -> " In this export: " + switch (level.education()) {
                case SINGLE -> "single levels.";
                case GROUPED -> "groups.";
                case WITHHELD -> "withheld.";
            };
            case "enrolled_period" -> " In this export: " + level.enrolled().name().toLowerCase(Locale.ROOT) + ".";
            case "forum_posts_band" -> " In this export: " + switch (level.forumPosts()) {
                case FIVE_BANDS -> "0, 1, 2-4, 5-9, 10+.";
                case THREE_BANDS -> "0, 1-4, 5+.";
                case TWO_BANDS -> "0, 1+.";
                case WITHHELD -> "withheld.";
            };
            default -> "";
        };
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
