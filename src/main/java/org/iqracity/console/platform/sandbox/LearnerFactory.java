package org.iqracity.console.platform.sandbox;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;
import org.iqracity.console.platform.service.Tokens;

/** Makes one sandbox learner and their enrollments from a random stream seeded by the learner's index. */
final class LearnerFactory {
    static final String INSERT_LEARNER = "INSERT INTO learner (id, username, name, email, country, region, language, "
            + "year_of_birth, gender, level_of_education, goals, bio, mailing_address, profile_visibility, "
            + "shared_fields, status, retired_at, id_verified, cookie_analytics, cookie_functional, cookie_marketing, "
            + "global_privacy_control, date_joined, platform_password_hash, platform_government_id, "
            + "platform_payment_reference, platform_id_image_reference, platform_financial_aid_note) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String INSERT_ENROLLMENT = "INSERT INTO enrollment (id, course_id, learner_id, member_id, mode, "
            + "enrolled_at, unenrolled_at, active, email, username_key, name_key, email_key, country, grade, progress, "
            + "passed, certificate, grade_breakdown, last_activity_at, activity_key, active_days, videos_watched, "
            + "problems_attempted, forum_posts, sponsor_id, sponsored_name, sponsor_reference) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String[] MODES = {"AUDIT", "VERIFIED", "PROFESSIONAL", "HONOR", "MASTERS"};
    private static final double[] MODE_WEIGHTS = {0.55, 0.30, 0.05, 0.08, 0.02};
    private static final String[] SHAREABLE = {"name", "country", "language", "bio", "goals", "levelOfEducation"};
    private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final double PASS_MARK = 0.6;

    private final String[] firstAscii = new String[PeoplePool.FIRST.length];
    private final String[] lastAscii = new String[PeoplePool.LAST.length];
    private final long seed;

    record Learner(String id, String username, String name, String email, String country, boolean retired,
                   boolean verified, String firstAscii, String lastAscii) {
    }

    LearnerFactory(long seed) {
        this.seed = seed;
        for (int i = 0; i < firstAscii.length; i++) {
            firstAscii[i] = PeoplePool.ascii(PeoplePool.FIRST[i]);
        }
        for (int i = 0; i < lastAscii.length; i++) {
            lastAscii[i] = PeoplePool.ascii(PeoplePool.LAST[i]);
        }
    }

    Learner learner(int index, SplittableRandom rng) {
        String id = opaqueId(rng);
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
        return new Learner(id, username, PeoplePool.FIRST[f] + " " + PeoplePool.LAST[l], email,
                PeoplePool.country(rng), false, rng.nextDouble() < 0.3, first, last);
    }

    void bindLearner(PreparedStatement ps, Learner learner) throws SQLException {
        SplittableRandom rng = new SplittableRandom(learner.id().hashCode() ^ seed);
        Instant joined = SandboxGenerator.EPOCH.minusSeconds(60L + rng.nextLong(10L * 365 * 24 * 3600));
        ps.setString(1, learner.id());
        ps.setString(2, learner.username());
        if (learner.retired()) {
            for (int col = 3; col <= 13; col++) {
                ps.setNull(col, col == 8 ? Types.INTEGER : Types.VARCHAR);
            }
            ps.setString(14, "limited");
            ps.setString(15, "");
            ps.setString(16, "RETIRED");
            setTime(ps, 17, joined.plusSeconds(86_400L * (1 + rng.nextInt(300))));
        } else {
            String country = learner.country();
            boolean full = rng.nextDouble() < 0.4;
            ps.setString(3, learner.name());
            ps.setString(4, learner.email());
            ps.setString(5, country);
            ps.setString(6, PeoplePool.region(rng, country));
            ps.setString(7, PeoplePool.language(country));
            setNullable(ps, 8, rng.nextDouble() < 0.8 ? 1950 + rng.nextInt(58) : null);
            ps.setString(9, rng.nextDouble() < 0.7 ? PeoplePool.pick(rng, PeoplePool.GENDERS) : null);
            ps.setString(10, rng.nextDouble() < 0.75 ? PeoplePool.pick(rng, PeoplePool.EDUCATION) : null);
            ps.setString(11, rng.nextDouble() < 0.3 ? PeoplePool.pick(rng, PeoplePool.GOALS) : null);
            ps.setString(12, rng.nextDouble() < 0.2 ? PeoplePool.pick(rng, PeoplePool.BIOS) : null);
            ps.setString(13, rng.nextDouble() < 0.15
                    ? (1 + rng.nextInt(200)) + " " + PeoplePool.pick(rng, PeoplePool.STREETS) : null);
            ps.setString(14, full ? "full" : "limited");
            ps.setString(15, full ? sharedFields(rng) : "");
            ps.setString(16, "ACTIVE");
            setTime(ps, 17, null);
        }
        ps.setBoolean(18, learner.verified());
        ps.setBoolean(19, rng.nextDouble() < 0.6);
        ps.setBoolean(20, rng.nextDouble() < 0.7);
        ps.setBoolean(21, rng.nextDouble() < 0.3);
        ps.setBoolean(22, rng.nextDouble() < 0.1);
        setTime(ps, 23, joined);
        // What the platform holds and a Member must never see (R5).
        ps.setString(24, learner.retired() ? null : "pbkdf2_sha256$870000$" + opaqueId(rng) + "$" + opaqueId(rng));
        ps.setString(25, learner.verified() ? "GOVID-" + (100_000_000 + rng.nextInt(899_999_999)) : null);
        ps.setString(26, learner.verified() ? "pay_" + opaqueId(rng) : null);
        ps.setString(27, learner.verified() ? "idv-vault://" + opaqueId(rng) + ".jpg" : null);
        ps.setString(28, rng.nextDouble() < 0.02 ? "FINAID-household income statement " + opaqueId(rng) : null);
    }

    /** Binds one enrollment; answers whether it is active. */
    boolean bindEnrollment(PreparedStatement ps, long id, Learner learner, EnrollmentPlanner.CourseRef course,
                           SplittableRandom rng) throws SQLException {
        Instant start = course.earlierRun() ? Instant.parse("2025-06-01T00:00:00Z") : Instant.parse("2026-01-15T00:00:00Z");
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
                : enrolled.plusSeconds(rng.nextLong(Math.max(1, SandboxGenerator.EPOCH.getEpochSecond() - enrolled.getEpochSecond())));
        String email = learner.retired() ? null
                : rng.nextDouble() < 0.06 ? learner.firstAscii() + "." + learner.lastAscii() + "@staff.example.org"
                : learner.email();
        String name = learner.name();
        ps.setLong(1, id);
        ps.setString(2, course.id());
        ps.setString(3, learner.id());
        ps.setString(4, course.memberId());
        ps.setString(5, mode);
        setTime(ps, 6, enrolled);
        setTime(ps, 7, active ? null : enrolled.plusSeconds(86_400L * (1 + rng.nextInt(60))));
        ps.setBoolean(8, active);
        ps.setString(9, email);
        ps.setString(10, learner.username().toLowerCase(Locale.ROOT));
        ps.setString(11, name == null ? "" : name.toLowerCase(Locale.ROOT));
        ps.setString(12, email == null ? "" : email.toLowerCase(Locale.ROOT));
        ps.setString(13, learner.country());
        ps.setDouble(14, grade);
        ps.setDouble(15, progress);
        ps.setBoolean(16, passed);
        ps.setBoolean(17, passed && !"AUDIT".equals(mode));
        ps.setString(18, breakdown.toString());
        setTime(ps, 19, lastActivity);
        ps.setLong(20, lastActivity == null ? 0 : lastActivity.getEpochSecond());
        ps.setInt(21, (int) Math.round(progress * (5 + rng.nextInt(80))));
        ps.setInt(22, (int) Math.round(progress * rng.nextInt(120)));
        ps.setInt(23, (int) Math.round(progress * rng.nextInt(200)));
        ps.setInt(24, rng.nextDouble() < 0.15 ? rng.nextInt(40) : 0);
        SandboxCatalog.SponsorSpec sponsor = sponsorFor(course, rng);
        ps.setString(25, sponsor == null ? null : sponsor.id());
        ps.setString(26, sponsor == null || learner.retired() ? null : name);
        ps.setString(27, sponsor == null ? null : sponsor.referencePrefix() + (10_000 + rng.nextInt(89_999)));
        return active;
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
        char[] out = new char[16];
        long bits = rng.nextLong();
        long more = rng.nextLong();
        for (int i = 0; i < 16; i++) {
            long source = i < 12 ? bits >>> (i * 5) : more >>> ((i - 12) * 5);
            out[i] = ID_ALPHABET.charAt((int) (source & 31));
        }
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

    private static void setNullable(PreparedStatement ps, int col, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(col, Types.INTEGER);
        } else {
            ps.setInt(col, v);
        }
    }

    private static void setTime(PreparedStatement ps, int col, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(col, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(col, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        }
    }
}
