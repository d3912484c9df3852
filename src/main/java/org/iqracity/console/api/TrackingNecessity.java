package org.iqracity.console.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When "strictly necessary" may be believed (R9). Shared by the platform, which enforces it, and the console, which
 * warns while the course administrator types, so both read the same words the same way.
 *
 * <p>Words are matched whole and case-insensitively in a technology's name, purpose and provider, after splitting
 * joined capitals ("AdNetwork" reads "Ad Network"), so "ad" never matches inside "download", "headers" or "loads".
 * <ul>
 *   <li>{@link #ADVERTISING}: advertising is never necessary; such a technology is refused outright.</li>
 *   <li>{@link #MARKETING_LEANING}: words that can be innocent ("conversion" of a video) but often mean marketing;
 *       such a technology, like any third-party one, needs a written justification.</li>
 * </ul>
 */
public final class TrackingNecessity {
    /** Longest justification kept, in characters. */
    public static final int MAX_JUSTIFICATION = 1000;
    /** Shortest justification accepted, so that "n/a" is not one. */
    public static final int MIN_JUSTIFICATION = 10;

    /** Obvious advertising, single words or phrases of whole words. */
    public static final List<String> ADVERTISING = List.of(
            "ad", "ads", "advert", "adverts", "advertise", "advertiser", "advertisers", "advertising",
            "advertisement", "advertisements", "adnetwork", "ad network", "ad networks", "adtech", "ad tech",
            "targeted", "targeting", "retargeting", "remarketing", "marketing", "campaign", "campaigns",
            "affiliate", "affiliates", "behavioural advertising", "behavioral advertising", "interest based");

    /** Words that lean towards marketing without proving it. */
    public static final List<String> MARKETING_LEANING = List.of(
            "promotion", "promotions", "promotional", "attribution", "conversion", "conversions", "audience",
            "audiences", "profiling", "referral", "referrals", "sponsored", "lead generation");

    private TrackingNecessity() {
    }

    /** A word of {@code list} found in {@code t}'s name, purpose or provider, with where. */
    public record Match(String word, String field) {
    }

    public static Optional<Match> advertising(TrackingTechnologyDto t) {
        return find(t, ADVERTISING);
    }

    public static Optional<Match> marketingLeaning(TrackingTechnologyDto t) {
        return find(t, MARKETING_LEANING);
    }

    private static boolean necessary(TrackingTechnologyDto t) {
        return t != null && t.category() == TrackingCategory.STRICTLY_NECESSARY;
    }

    /** Filed as necessary while its words read as advertising: refused. */
    public static boolean refused(TrackingTechnologyDto t) {
        return necessary(t) && advertising(t).isPresent();
    }

    /** Filed as necessary by a third party or with marketing-leaning words: a justification is needed. */
    public static boolean needsJustification(TrackingTechnologyDto t) {
        return necessary(t) && (t.party() == TrackingParty.THIRD_PARTY || marketingLeaning(t).isPresent());
    }

    /** Why {@code t} is flagged, or null. */
    public static NecessityFlag flag(TrackingTechnologyDto t) {
        if (refused(t)) {
            return NecessityFlag.ADVERTISING;
        }
        if (!needsJustification(t)) {
            return null;
        }
        if (blank(t.necessityJustification())) {
            return NecessityFlag.UNJUSTIFIED;
        }
        return t.party() == TrackingParty.THIRD_PARTY ? NecessityFlag.THIRD_PARTY : NecessityFlag.MARKETING_WORDING;
    }

    /** {@code t} with its flag as the platform computes it, whatever flag it came with. */
    public static TrackingTechnologyDto withFlag(TrackingTechnologyDto t) {
        NecessityFlag flag = flag(t);
        return flag == t.necessityFlag() ? t : t.withNecessityFlag(flag);
    }

    /** What is wrong with a justification as written, or null; a blank one is a missing one, for the caller. */
    public static String justificationProblem(String text) {
        if (blank(text)) {
            return null;
        }
        if (text.length() > MAX_JUSTIFICATION) {
            return "At most " + MAX_JUSTIFICATION + " characters.";
        }
        if (text.strip().length() < MIN_JUSTIFICATION) {
            return "Write at least " + MIN_JUSTIFICATION + " characters: say why the course cannot work without it.";
        }
        if (text.codePoints().anyMatch(TrackingNecessity::control)) {
            return "Use plain text, without control characters.";
        }
        return null;
    }

    /** Control characters, including line breaks, and the bidirectional overrides that can disguise text. */
    private static boolean control(int c) {
        return Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static Optional<Match> find(TrackingTechnologyDto t, List<String> phrases) {
        if (t == null) {
            return Optional.empty();
        }
        for (String[] field : new String[][] {{"name", t.name()}, {"purpose", t.purpose()},
                {"provider", t.provider()}}) {
            List<String> words = words(field[1]);
            for (String phrase : phrases) {
                if (contains(words, phrase.split(" "))) {
                    return Optional.of(new Match(phrase, field[0]));
                }
            }
        }
        return Optional.empty();
    }

    /** Lower-case whole words; "AdNetwork" and "ad-network" both give "ad", "network". */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String split = text.replaceAll("(\\p{Ll})(\\p{Lu})", "$1 $2").toLowerCase(Locale.ROOT);
        for (String w : split.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean contains(List<String> words, String[] phrase) {
        for (int i = 0; i + phrase.length <= words.size(); i++) {
            boolean all = true;
            for (int j = 0; j < phrase.length && all; j++) {
                all = words.get(i + j).equals(phrase[j]);
            }
            // "ad hoc" is Latin, not advertising
            if (all && !(phrase.length == 1 && "ad".equals(phrase[0]) && i + 1 < words.size()
                    && "hoc".equals(words.get(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
