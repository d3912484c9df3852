package org.iqracity.console.platform.store.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the learner list finds and orders people, in one place for the database's search words, the name order and
 * the in-memory snapshot alike.
 *
 * <p>Search: every word of a learner's name, username and e-mail local part is a place a search may start. A learner
 * has one <em>search word</em> for each such place: the folded text from there to the end of the field (capped at
 * {@link #WORD_LENGTH}), so that "chen", "zhang ch" and "amina.okafor12@exa" all find by one prefix. A search's own
 * words must each start one of them. Folding takes case, accents and compatibility forms away (NFKD), and the letters
 * that do not decompose: ł, ø, đ, ð, ħ, ŧ, ı to their base letter, ß to ss, æ to ae, œ to oe, þ to th. Apostrophes are
 * dropped ("O'Brien" is "obrien"). A retired account (R6) has no name or e-mail to show, so only its username gives
 * words, whatever the rows still hold.
 *
 * <p>Order: {@link #nameKey} makes a key whose plain string order is a human order of names.
 */
public final class SearchText {
    /** Longest search word kept, and longest search word used: a longer one is cut to this. */
    public static final int WORD_LENGTH = 32;
    /** Search words kept for one enrollment (a name of more words than that is found by its first ones). */
    public static final int MAX_WORDS = 64;
    /** Words one search may hold. */
    public static final int MAX_TERMS = 8;
    /** Longest name key, the column's width. */
    static final int NAME_KEY_LENGTH = 255;
    /** Name keys at or past this begin the learners without a name, retired accounts last: see {@link #nameKey}. */
    public static final String UNNAMED = "2";

    private SearchText() {
    }

    /** Lower case, without accents, marks and apostrophes, with the letters that do not decompose spelled out. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            switch (c) {
                case '\'', '\u2019', '\u02bc', '\u2018' -> { }
                case '\u0142', '\u0140' -> out.append('l');
                case '\u00f8' -> out.append('o');
                case '\u0111', '\u00f0' -> out.append('d');
                case '\u0127' -> out.append('h');
                case '\u0167' -> out.append('t');
                case '\u0131' -> out.append('i');
                case '\u00df' -> out.append("ss");
                case '\u00e6' -> out.append("ae");
                case '\u0153' -> out.append("oe");
                case '\u00fe' -> out.append("th");
                default -> out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /**
     * A search's words, folded, as the index is asked for them: split at white space, each from its first letter or
     * digit, cut to {@link #WORD_LENGTH}, and without words another one already implies ("ana anastasia" is
     * "anastasia"). Empty when the search holds no letter or digit: it then matches nobody.
     */
    public static List<String> terms(String query) {
        Set<String> words = new LinkedHashSet<>();
        for (String part : fold(query).split("[\\s\\p{Z}]+")) {
            int start = 0;
            while (start < part.length() && !Character.isLetterOrDigit(part.codePointAt(start))) {
                start += Character.charCount(part.codePointAt(start));
            }
            if (start < part.length()) {
                words.add(cut(part.substring(start), WORD_LENGTH));
            }
        }
        List<String> terms = new ArrayList<>();
        for (String w : words) {
            boolean implied = false;
            for (String other : words) {
                if (!other.equals(w) && other.startsWith(w)) {
                    implied = true;
                    break;
                }
            }
            if (!implied) {
                terms.add(w);
            }
        }
        return terms;
    }

    /**
     * An enrollment's search words: from each start of a word of the username, of the e-mail's local part (running
     * on into the domain, so that an address typed whole is found) and of the name, the folded rest of the field.
     * A word that starts another of them adds nothing a prefix could find, so it is left out; at most
     * {@link #MAX_WORDS}, username and e-mail first. A retired account's words come from its username alone (R6).
     */
    public static List<String> words(String name, String username, String email, boolean retired) {
        List<String> candidates = new ArrayList<>();
        addWords(candidates, fold(username), Integer.MAX_VALUE);
        if (!retired) {
            String mail = fold(email);
            addWords(candidates, mail, mail.lastIndexOf('@') < 0 ? Integer.MAX_VALUE : mail.lastIndexOf('@'));
            addWords(candidates, fold(name), Integer.MAX_VALUE);
        }
        List<String> words = new ArrayList<>();
        for (int i = 0; i < candidates.size() && words.size() < MAX_WORDS; i++) {
            String w = candidates.get(i);
            boolean covered = false;
            for (int j = 0; j < candidates.size() && !covered; j++) {
                String other = candidates.get(j);
                // Another word starting with this one covers it; of two equal words the first stays.
                covered = j != i && other.startsWith(w) && (other.length() > w.length() || j < i);
            }
            if (!covered) {
                words.add(w);
            }
        }
        return words;
    }

    /** The rest of {@code text} from every word start before {@code before}. */
    private static void addWords(List<String> out, String text, int before) {
        boolean inWord = false;
        for (int i = 0; i < text.length() && i < before; ) {
            int c = text.codePointAt(i);
            boolean letter = Character.isLetterOrDigit(c);
            if (letter && !inWord) {
                out.add(cut(text.substring(i), WORD_LENGTH));
            }
            inWord = letter;
            i += Character.charCount(c);
        }
    }

    /**
     * The name order's key, whose plain string order (Java's, and any database collation's, which all put digits
     * in their order) is a human order:
     * <ul>
     *   <li>{@code "1"}, the name's folded words (so "Łukasz" sorts as "lukasz", among the Ls, and "García" beside
     *       "Garcia"), then as tie-breaks the name in lower case with its accents and the name as written;</li>
     *   <li>{@code "2"} and the folded username for an account without a name;</li>
     *   <li>{@code "3"} and the folded username for a retired account (R6), which shows no name: last.</li>
     * </ul>
     * The list keeps keys from {@link #UNNAMED} on after the named learners in either direction.
     */
    public static String nameKey(String name, String username, boolean retired) {
        if (retired) {
            return cut("3" + fold(username), NAME_KEY_LENGTH);
        }
        String folded = fold(name);
        StringBuilder words = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            boolean letter = Character.isLetterOrDigit(c);
            if (letter) {
                if (!inWord && !words.isEmpty()) {
                    words.append(' ');
                }
                words.appendCodePoint(c);
            }
            inWord = letter;
            i += Character.charCount(c);
        }
        if (words.isEmpty()) {
            return cut("2" + fold(username), NAME_KEY_LENGTH);
        }
        String written = Normalizer.normalize(name, Normalizer.Form.NFC);
        return cut("1" + words + '\u0001' + written.toLowerCase(Locale.ROOT) + '\u0001' + written, NAME_KEY_LENGTH);
    }

    /** Whether a name key belongs to a learner without a name or a retired one (see {@link #nameKey}). */
    public static boolean unnamed(String nameKey) {
        return nameKey.compareTo(UNNAMED) >= 0;
    }

    /** The first {@code length} UTF-16 units of {@code text}, without splitting a surrogate pair. */
    static String cut(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }

    /** The smallest string greater than every string starting with {@code prefix}, or null if there is none. */
    public static String upperBound(String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        while (!sb.isEmpty()) {
            char last = sb.charAt(sb.length() - 1);
            if (last < Character.MAX_VALUE) {
                sb.setCharAt(sb.length() - 1, (char) (last + 1));
                return sb.toString();
            }
            sb.setLength(sb.length() - 1);
        }
        return null;
    }

    /** {@code s} as a LIKE pattern's literal text, with backslash as the escape. */
    public static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
