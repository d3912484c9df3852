package org.iqracity.console.platform.store.search;

import java.util.BitSet;

/**
 * A course's search words in memory, as the word index (V23) holds them: each word with the row of its enrollment,
 * ordered as Java orders strings, which is also H2's order. The enrollments with a word starting with a search word
 * are one range of that order, found by two binary searches.
 */
final class WordIndex {
    private final PackedText words;
    private final int[] rows;
    /** Word numbers in the words' order. */
    private final int[] order;

    /** {@code rows[i]} is the row of word {@code i}; the words in any order (they are sorted here). */
    WordIndex(PackedText words, int[] rows, int[] order) {
        this.words = words;
        this.rows = rows;
        this.order = order;
    }

    int size() {
        return rows.length;
    }

    /** Heap the words take, with their rows and order. */
    long bytes() {
        return words.bytes() + 8L * rows.length;
    }

    /** Marks in {@code into} the rows with a word that starts with {@code term}. */
    void mark(String term, BitSet into) {
        String upper = SearchText.upperBound(term);
        // [term, upper) in Java's string order is exactly "starts with term".
        int end = upper == null ? order.length : lowerBound(upper);
        for (int i = lowerBound(term); i < end; i++) {
            into.set(rows[order[i]]);
        }
    }

    /** The first position whose word is not less than {@code text}. */
    private int lowerBound(String text) {
        int lo = 0;
        int hi = order.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (words.compareTo(order[mid], text) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
