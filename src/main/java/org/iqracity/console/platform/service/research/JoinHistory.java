package org.iqracity.console.platform.service.research;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What the earlier stable-key exports of one Member released about each pseudonym (R11). Such exports share
 * pseudonyms, so whoever holds several can join them; what a learner looks like in the join is everything those
 * exports showed about them, and which of them left the learner out. That is kept as one digest per pseudonym: a
 * chain, in the order the exports were made, over (export number, quasi-identifiers released). Two pseudonyms with
 * the same digest were left out of the same exports and shown alike in all the others, so no join of those exports
 * tells them apart. A pseudonym no earlier export released has no digest.
 *
 * <p>Only the digests of the course's pseudonyms are held, with how many of the Member's pseudonyms share each:
 * the learners of a digest this export leaves out are told apart, in the joins, by being left out.
 */
public final class JoinHistory {
    /** An export that joins with none: made with a key of its own. */
    public static final JoinHistory NONE = new JoinHistory(0, Map.of(), Map.of());

    private static final int DIGEST_HEX = 32;

    private final int exports;
    private final Map<String, String> digests;
    private final Map<String, Integer> sharedBy;

    /**
     * @param exports  how many stable-key exports the Member made before
     * @param digests  pseudonym to digest, for the pseudonyms of this export that earlier ones released
     * @param sharedBy digest to the number of the Member's pseudonyms that have it, in any course
     */
    public JoinHistory(int exports, Map<String, String> digests, Map<String, Integer> sharedBy) {
        this.exports = exports;
        this.digests = digests;
        this.sharedBy = sharedBy;
    }

    public int exports() {
        return exports;
    }

    /** The number this export gets in the Member's chain. */
    public int nextExport() {
        return exports + 1;
    }

    /** The pseudonym's digest, or null when no earlier stable-key export released it. */
    public String of(String pseudonym) {
        return digests.get(pseudonym);
    }

    /** How many of the Member's pseudonyms have this digest. */
    int sharedBy(String digest) {
        return sharedBy.getOrDefault(digest, 0);
    }

    /** Whether any pseudonym of this export was released before: if not, the history changes nothing. */
    boolean isEmpty() {
        return digests.isEmpty();
    }

    /** The digests the released rows have once this export is made: pseudonym to new digest. */
    public Map<String, String> after(List<KAnonymity.Row> released) {
        int export = nextExport();
        Map<String, String> next = HashMap.newHashMap(released.size());
        for (KAnonymity.Row row : released) {
            String pseudonym = row.record().pseudonym();
            next.put(pseudonym, next(of(pseudonym), export, row.qi()));
        }
        return next;
    }

    /** The digest after export number {@code export} released {@code qi}, from the one before (null: none). */
    public static String next(String previous, int export, QuasiIdentifiers qi) {
        String link = (previous == null ? "" : previous) + "\n" + export + "\n" + String.join("\u001f", qi.values());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(link.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, DIGEST_HEX / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
