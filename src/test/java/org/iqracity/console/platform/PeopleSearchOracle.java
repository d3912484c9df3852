package org.iqracity.console.platform;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iqracity.console.platform.store.Jdbc;

/**
 * What a people search must find and how names must order, worked out here with regular expressions and the JDK's
 * normaliser, apart from the platform's own code (store/search/SearchText), so that tests compare the platform with a
 * second reading of the rules: a search word matches where a word of the name, the username or the e-mail's local
 * part starts, in any case and with or without accents; every search word must match; a retired learner (R6) is
 * found by the username the list shows alone.
 */
final class PeopleSearchOracle {
    private static final Pattern WORD_START = Pattern.compile("(?<![\\p{L}\\p{N}])[\\p{L}\\p{N}]");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** One enrollment as the list shows it, with what the filters read. */
    record Shown(long enrollmentId, String learnerId, String username, String name, String email, boolean retired,
                 double grade, long activity) {
    }

    private PeopleSearchOracle() {
    }

    static List<Shown> course(Jdbc jdbc, String courseId) {
        return jdbc.query("SELECT e.id, l.id, l.username, l.name, e.email, l.status, e.grade, e.activity_key "
                + "FROM enrollment e JOIN learner l ON l.id = e.learner_id WHERE e.course_id = ? ORDER BY e.id",
                rs -> new Shown(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        "RETIRED".equals(rs.getString(6)), rs.getDouble(7), rs.getLong(8)), courseId);
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return plain.replace("ł", "l").replace("ø", "o").replace("đ", "d").replace("ð", "d").replace("ß", "ss")
                .replace("æ", "ae").replace("œ", "oe").replace("ı", "i").replace("þ", "th").replace("ħ", "h")
                .replace("ŧ", "t").replaceAll("['’ʼ‘]", "");
    }

    /** The search's words: folded, split at spaces, each from its first letter or digit. */
    static List<String> terms(String q) {
        return Arrays.stream(fold(q).split("\\s+")).map(t -> t.replaceFirst("^[^\\p{L}\\p{N}]+", ""))
                .filter(t -> !t.isEmpty()).toList();
    }

    static boolean matches(Shown s, String q) {
        List<String> terms = terms(q);
        if (terms.isEmpty()) {
            return false;
        }
        for (String term : terms) {
            boolean found = startsAWord(s.username(), term, Integer.MAX_VALUE);
            if (!s.retired()) {
                String email = fold(s.email());
                found |= startsAWord(s.email(), term, email.lastIndexOf('@') < 0 ? Integer.MAX_VALUE
                        : email.lastIndexOf('@'));
                found |= startsAWord(s.name(), term, Integer.MAX_VALUE);
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsAWord(String field, String term, int before) {
        String folded = fold(field);
        Matcher m = WORD_START.matcher(folded);
        while (m.find() && m.start() < before) {
            if (folded.startsWith(term, m.start())) {
                return true;
            }
        }
        return false;
    }

    /** The enrollments a search must find, in enrollment order. */
    static List<Long> found(List<Shown> course, String q) {
        return course.stream().filter(s -> matches(s, q)).map(Shown::enrollmentId).toList();
    }

    /** The folded words of a name joined by spaces: what name order compares first. */
    static String nameWords(String name) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(fold(name));
        while (m.find()) {
            words.add(m.group());
        }
        return String.join(" ", words);
    }
}
