package org.iqracity.console.bench;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.iqracity.console.api.RosterField;

/**
 * Roster rows as an export writes them (every field, in the platform's text), made one at a time so a million of
 * them never sit in memory as strings: names with accents and now and then all in capitals or in lower case, mixed
 * case emails, weighted countries, ISO instants, decimals as {@link Double#toString}, empty personal fields for
 * retired accounts and empty optional ones.
 */
final class RosterRows implements Iterable<List<String>> {
    static final List<String> HEADER = Arrays.stream(RosterField.values()).map(RosterField::column).toList();

    private static final String[] FIRST = {"Amina", "Chidi", "Fatou", "Kwame", "Zanele", "Youssef", "Layla", "Omar",
        "Mariam", "Ibrahim", "Priya", "Arjun", "Ananya", "Rohan", "Mei", "Wei", "Hiroshi", "Yuki", "Min-jun",
        "Seo-yeon", "José", "María", "Lucía", "Mateo", "Camila", "Diego", "João", "Beatriz", "Valentina", "Santiago",
        "Emma", "Liam", "Olivia", "Noah", "Sophie", "Lukas", "Zoë", "Élodie", "Łukasz", "Øyvind", "Hannah", "Jacob",
        "Grace", "Ethan", "Aisha", "Tariq", "Nour", "Leila", "Dmitri", "Olga", "Thandiwe", "Sipho", "Ngozi", "Emeka",
        "Abebe", "Selam", "Nguyen", "Linh", "Ravi", "Sana", "İlkay", "Σοφία", "Ἀλέξανδρος", "Nikolaj"};
    private static final String[] LAST = {"Okafor", "Mensah", "Diallo", "Ndlovu", "Haddad", "Khan", "Rahman",
        "Patel", "Sharma", "Iyer", "Chen", "Wang", "Tanaka", "Sato", "Kim", "Park", "García", "Rodríguez", "Silva",
        "Santos", "Müller", "Schmidt", "Dubois", "Lefèvre", "Kowalski", "Nowak", "Hansen", "Johansson", "Smith",
        "Johnson", "Williams", "Brown", "Taylor", "Murphy", "O'Brien", "MacLeod", "Rossi", "Bianchi", "Ivanova",
        "Petrov", "Adeyemi", "Balogun", "Kamau", "Otieno", "Tesfaye", "Bekele", "Nguyễn", "Trần", "Hassan",
        "Mahmoud", "Cohen", "Levi", "Yılmaz", "Demir", "Nakamura", "Fernández", "López", "Gómez", "Andersson",
        "Novak", "ΠΑΠΑΔΟΠΟΥΛΟΣ", "Straße", "van der Berg", "de la Cruz"};
    private static final String[] DOMAINS = {"example.com", "example.org", "example.net", "mail.example",
        "learn.example", "Example.COM"};
    private static final String[] COUNTRIES = {"US", "IN", "NG", "EG", "BR", "GB", "DE", "FR", "PK", "ID", "MX",
        "CA", "KE", "ZA", "ES", "IT", "BD", "PH", "TR", "GH", "SN", "JP", "CN", "VN", "PL", "AU"};
    private static final String[] REGIONS = {"California", "New York", "Texas", "Ontario", "Québec", "Victoria"};
    private static final String[] LANGUAGES = {"en", "fr", "es", "pt", "ar", "de", "zh"};
    private static final String[] EDUCATION = {"p", "m", "b", "a", "hs", "jhs", "el", "none", "other"};
    private static final String[] MODES = {"AUDIT", "VERIFIED", "PROFESSIONAL", "HONOR", "MASTERS"};
    private static final String[] COURSES = {"course-v1:Northbridge+CS101+2026_T1",
        "course-v1:Northbridge+MA201+2026_T1", "course-v1:Northbridge+BIO110+2025_T3"};
    private static final Instant START = Instant.parse("2025-05-01T00:00:00Z");
    private static final long SPAN = 280L * 86_400;
    private static final String[] FIRST_ASCII = Arrays.stream(FIRST).map(RosterRows::ascii)
            .toArray(String[]::new);
    private static final String[] LAST_ASCII = Arrays.stream(LAST).map(RosterRows::ascii)
            .toArray(String[]::new);

    private final int count;
    private final long seed;

    RosterRows(int count, long seed) {
        this.count = count;
        this.seed = seed;
    }

    @Override
    public Iterator<List<String>> iterator() {
        SplittableRandom rng = new SplittableRandom(seed);
        return new Iterator<>() {
            private int made;

            @Override
            public boolean hasNext() {
                return made < count;
            }

            @Override
            public List<String> next() {
                return row(made++, rng);
            }
        };
    }

    private List<String> row(int index, SplittableRandom rng) {
        String course = COURSES[Math.min(COURSES.length - 1, index * COURSES.length / count)];
        int f = rng.nextInt(FIRST.length);
        int l = rng.nextInt(LAST.length);
        String first = FIRST[f];
        String last = LAST[l];
        String firstAscii = FIRST_ASCII[f];
        String lastAscii = LAST_ASCII[l];
        boolean retired = rng.nextDouble() < 0.02;
        String username = retired ? "retired_user_" + Long.toHexString(rng.nextLong())
                : switch (rng.nextInt(4)) {
                    case 0 -> firstAscii + "." + lastAscii + index;
                    case 1 -> firstAscii + "_" + lastAscii + index;
                    case 2 -> firstAscii.charAt(0) + lastAscii + index;
                    default -> firstAscii + lastAscii + index;
                };
        String name = first + " " + last;
        double nameCase = rng.nextDouble();
        name = nameCase < 0.03 ? name.toUpperCase(Locale.ROOT) : nameCase < 0.06 ? name.toLowerCase(Locale.ROOT) : name;
        String email = (rng.nextDouble() < 0.05 ? firstAscii.substring(0, 1).toUpperCase(Locale.ROOT)
                + firstAscii.substring(1) : firstAscii) + "."
                + lastAscii + index + "@" + DOMAINS[rng.nextInt(DOMAINS.length)];
        String country = rng.nextDouble() < 0.1 ? "" : COUNTRIES[Math.min(rng.nextInt(COUNTRIES.length),
                rng.nextInt(COUNTRIES.length))];
        Instant enrolled = START.plusSeconds(rng.nextLong(SPAN));
        double progress = Math.round(Math.min(1.0, Math.pow(rng.nextDouble(), 1.4) * 1.1) * 1000) / 1000.0;
        double grade = Math.round(progress * (0.55 + rng.nextDouble() * 0.45) * 1000) / 1000.0;
        String lastActivity = progress == 0 ? ""
                : enrolled.plusSeconds(rng.nextLong(SPAN)).plusMillis(rng.nextInt(4) == 0 ? rng.nextInt(1000) : 0)
                .toString();
        return List.of(course, opaqueId(rng), username, retired ? "" : name, retired ? "" : email,
                retired ? "" : country, retired || rng.nextDouble() < 0.8 ? "" : REGIONS[rng.nextInt(REGIONS.length)],
                retired ? "" : LANGUAGES[rng.nextInt(LANGUAGES.length)],
                retired || rng.nextDouble() < 0.2 ? "" : Integer.toString(1950 + rng.nextInt(58)),
                retired || rng.nextDouble() < 0.3 ? "" : new String[] {"f", "m", "o"}[rng.nextInt(3)],
                retired || rng.nextDouble() < 0.25 ? "" : EDUCATION[rng.nextInt(EDUCATION.length)],
                MODES[rng.nextInt(MODES.length)], enrolled.toString(), Boolean.toString(rng.nextDouble() >= 0.08),
                Double.toString(progress), Double.toString(grade), Boolean.toString(grade >= 0.6),
                Boolean.toString(grade >= 0.6 && rng.nextBoolean()), lastActivity,
                Integer.toString((int) Math.round(progress * (5 + rng.nextInt(80)))),
                Boolean.toString(rng.nextDouble() < 0.05), Boolean.toString(retired));
    }

    private static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("Ł", "L").replace("ł", "l").replace("Ø", "O").replace("ø", "o").replace("ı", "i")
                .replace("ß", "ss").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "").transform(a -> a.isEmpty()
                        ? "x" + Integer.toHexString(s.hashCode() & 0xfff) : a);
    }

    private static String opaqueId(SplittableRandom rng) {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        char[] out = new char[16];
        for (int i = 0; i < out.length; i++) {
            out[i] = alphabet.charAt(rng.nextInt(alphabet.length()));
        }
        return new String(out);
    }
}
