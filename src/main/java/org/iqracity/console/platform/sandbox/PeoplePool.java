package org.iqracity.console.platform.sandbox;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;

/** Names, places and words that sandbox learners are made of. Everything here is invented. */
final class PeoplePool {
    static final String[] FIRST = {
        "Amina", "Chidi", "Fatou", "Kwame", "Zanele", "Youssef", "Layla", "Omar", "Mariam", "Ibrahim",
        "Priya", "Arjun", "Ananya", "Rohan", "Mei", "Wei", "Hiroshi", "Yuki", "Min-jun", "Seo-yeon",
        "José", "María", "Lucía", "Mateo", "Camila", "Diego", "João", "Beatriz", "Valentina", "Santiago",
        "Emma", "Liam", "Olivia", "Noah", "Sophie", "Lukas", "Zoë", "Élodie", "Łukasz", "Øyvind",
        "Hannah", "Jacob", "Grace", "Ethan", "Aisha", "Tariq", "Nour", "Leila", "Dmitri", "Olga",
        "Thandiwe", "Sipho", "Ngozi", "Emeka", "Abebe", "Selam", "Nguyen", "Linh", "Ravi", "Sana"};
    static final String[] LAST = {
        "Okafor", "Mensah", "Diallo", "Ndlovu", "Haddad", "Khan", "Rahman", "Patel", "Sharma", "Iyer",
        "Chen", "Wang", "Tanaka", "Sato", "Kim", "Park", "García", "Rodríguez", "Silva", "Santos",
        "Müller", "Schmidt", "Dubois", "Lefèvre", "Kowalski", "Nowak", "Hansen", "Johansson", "Smith", "Johnson",
        "Williams", "Brown", "Taylor", "Murphy", "O'Brien", "MacLeod", "Rossi", "Bianchi", "Ivanova", "Petrov",
        "Adeyemi", "Balogun", "Kamau", "Otieno", "Tesfaye", "Bekele", "Nguyễn", "Trần", "Hassan", "Mahmoud",
        "Cohen", "Levi", "Yilmaz", "Demir", "Nakamura", "Fernández", "López", "Gómez", "Andersson", "Novak"};
    static final String[] DOMAINS = {"example.com", "example.org", "example.net", "mail.example", "learn.example"};

    /** Countries with a weight; US, Canada and Australia carry regions because breach-notice law differs by region. */
    static final String[] COUNTRIES = {
        "US", "IN", "NG", "EG", "BR", "GB", "DE", "FR", "PK", "ID", "MX", "CA", "KE", "ZA", "ES", "IT",
        "BD", "PH", "TR", "GH", "SN", "ML", "MA", "AU", "JP", "KR", "CN", "VN", "PL", "NL", "SE", "IE",
        "ET", "CO", "AR", "NZ", "IS", "LU"};
    static final int[] COUNTRY_WEIGHTS = {
        180, 150, 70, 45, 55, 50, 35, 30, 30, 28, 30, 25, 25, 20, 20, 15,
        15, 18, 14, 14, 10, 6, 10, 12, 10, 9, 20, 12, 8, 7, 5, 4,
        8, 10, 8, 3, 1, 1};
    static final String[] US_REGIONS = {"California", "New York", "Texas", "Florida", "Massachusetts",
        "Illinois", "Washington", "Georgia", "Ohio", "New Jersey"};
    static final String[] CA_REGIONS = {"Ontario", "Quebec", "British Columbia", "Alberta"};
    static final String[] AU_REGIONS = {"New South Wales", "Victoria", "Queensland"};
    static final String[] EDUCATION = {"p", "m", "b", "a", "hs", "jhs", "el", "none", "other"};
    static final String[] GENDERS = {"f", "m", "o"};
    static final String[] GOALS = {
        "Change careers into software development.", "Prepare for my university entrance exams.",
        "Keep learning after retirement.", "Get a certificate for my employer.",
        "Improve my English for work.", "Start my own business.", "+1 new skill every month.",
        "=Excel wizard by summer, data analyst by winter."};
    static final String[] BIOS = {
        "Teacher and lifelong learner.", "Nurse studying in the evenings.", "Farmer interested in new methods.",
        "Student who loves mathematics.", "Engineer, father of two.", "Librarian and amateur photographer.",
        "@work I run a small bakery; @home I study.", "- retired nurse, now learning to code -"};
    static final String[] STREETS = {"Market Street", "Station Road", "Rue des Écoles", "Calle Mayor",
        "Hauptstraße", "Independence Avenue", "Lake View Road"};

    private static final int COUNTRY_TOTAL;

    static {
        int sum = 0;
        for (int w : COUNTRY_WEIGHTS) {
            sum += w;
        }
        COUNTRY_TOTAL = sum;
    }

    private PeoplePool() {
    }

    static String pick(SplittableRandom rng, String[] values) {
        return values[rng.nextInt(values.length)];
    }

    static String country(SplittableRandom rng) {
        int r = rng.nextInt(COUNTRY_TOTAL);
        for (int i = 0; i < COUNTRIES.length; i++) {
            r -= COUNTRY_WEIGHTS[i];
            if (r < 0) {
                return COUNTRIES[i];
            }
        }
        return COUNTRIES[0];
    }

    static String region(SplittableRandom rng, String country) {
        return switch (country) {
            case "US" -> pick(rng, US_REGIONS);
            case "CA" -> pick(rng, CA_REGIONS);
            case "AU" -> pick(rng, AU_REGIONS);
            default -> null;
        };
    }

    static String language(String country) {
        return switch (country) {
            case "FR", "SN", "ML" -> "fr";
            case "DE" -> "de";
            case "ES", "MX", "CO", "AR" -> "es";
            case "BR" -> "pt";
            case "EG", "MA" -> "ar";
            case "JP" -> "ja";
            case "CN" -> "zh";
            case "IT" -> "it";
            case "TR" -> "tr";
            default -> "en";
        };
    }

    /** Lower-case ASCII for usernames and mailboxes: "Łukasz Nguyễn" becomes "lukasz", "nguyen". */
    static String ascii(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace("Ł", "L").replace("ł", "l").replace("Ø", "O")
                .replace("ø", "o").replace("đ", "d").replace("Đ", "D");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
