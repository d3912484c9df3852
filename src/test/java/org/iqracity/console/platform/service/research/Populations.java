package org.iqracity.console.platform.service.research;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Made-up learner records for the de-identification tests: skewed like a real course, rare values included. */
final class Populations {
    static final String[] COUNTRIES = {"US", "IN", "NG", "EG", "BR", "GB", "DE", "FR", "KE", "IS", "LU", "NZ", "SN",
        "ML", "XX", null};
    static final String[] GENDERS = {"f", "m", "o", null};
    static final String[] EDUCATION = {"p", "m", "b", "a", "hs", "jhs", "el", "none", "other", null};
    static final Instant START = Instant.parse("2025-11-20T00:00:00Z");

    private Populations() {
    }

    static LearnerRecord record(String pseudonym, Integer yob, String country, String gender, String education,
                                Instant enrolled) {
        return new LearnerRecord(pseudonym, yob, country, gender, education, enrolled, "AUDIT", true, enrolled,
                0.5, 0.6, true, false, 3, 4, 5, 0);
    }

    /** {@code n} records; the first values of each list are the common ones, as in a real course. */
    static List<LearnerRecord> random(long seed, int n) {
        Random rng = new Random(seed);
        List<LearnerRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Integer yob = rng.nextDouble() < 0.2 ? null : 1945 + (int) Math.abs(rng.nextGaussian() * 12 + 40) % 65;
            out.add(new LearnerRecord(String.format("%032x", rng.nextLong() & Long.MAX_VALUE) + i, yob,
                    skewed(rng, COUNTRIES), skewed(rng, GENDERS), skewed(rng, EDUCATION),
                    START.plusSeconds(rng.nextInt(300 * 86_400)), rng.nextBoolean() ? "AUDIT" : "VERIFIED",
                    rng.nextDouble() < 0.9, rng.nextDouble() < 0.1 ? null
                            : START.plusSeconds(rng.nextInt(400 * 86_400)),
                    rng.nextDouble(), rng.nextDouble(), rng.nextBoolean(), rng.nextBoolean(), rng.nextInt(90),
                    rng.nextInt(120), rng.nextInt(200), rng.nextInt(30)));
        }
        return out;
    }

    private static String skewed(Random rng, String[] values) {
        int i = (int) Math.min(values.length - 1, Math.floor(-Math.log(1 - rng.nextDouble()) * values.length / 3));
        return values[i];
    }
}
