package org.iqracity.console.platform.store.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** A search snapshot's columns, growing while they are read; repeated short texts (mode, country) share one String. */
final class SnapshotColumns {
    private final Map<String, String> shared = new HashMap<>();
    long[] ids = new long[1024];
    final PackedText[] keys = {new PackedText(), new PackedText()};
    String lastEmailKey;
    long[] enrolledAt = new long[1024];
    double[] progress = new double[1024];
    double[] grade = new double[1024];
    long[] activity = new long[1024];
    String[] mode = new String[1024];
    String[] country = new String[1024];
    boolean[] active = new boolean[1024];
    boolean[] passed = new boolean[1024];
    int size;
    /** Row numbers in id order, once the rows are read ({@link #indexIds}). */
    int[] byId;
    final PackedText words = new PackedText();
    int[] wordRow = new int[1024];
    int wordCount;
    String lastWord;
    long lastWordId;
    /** A word of an enrollment not among the rows read: they changed meanwhile. */
    boolean strayWords;

    void add(ResultSet rs) throws SQLException {
        if (size == ids.length) {
            grow(size * 2);
        }
        ids[size] = rs.getLong(1);
        keys[0].add(rs.getString(2));
        keys[1].add(rs.getString(3));
        lastEmailKey = rs.getString(4);
        enrolledAt[size] = SearchSnapshot.nanos(rs.getObject(5, OffsetDateTime.class).toInstant());
        progress[size] = rs.getDouble(6);
        grade[size] = rs.getDouble(7);
        activity[size] = rs.getLong(8);
        mode[size] = share(rs.getString(9));
        country[size] = share(rs.getString(10));
        active[size] = rs.getBoolean(11);
        passed[size] = rs.getBoolean(12);
        size++;
    }

    void indexIds() {
        long[] held = ids;
        byId = SearchSnapshot.sorted(size, (a, c) -> Long.compare(held[a], held[c]));
    }

    /** A row of the word table: its id names the enrollment. */
    void addWord(ResultSet rs) throws SQLException {
        lastWordId = rs.getLong(1);
        lastWord = rs.getString(2);
        int row = rowOf(SearchTokens.enrollmentOf(lastWordId));
        if (row < 0) {
            strayWords = true;
            return;
        }
        if (wordCount == wordRow.length) {
            wordRow = Arrays.copyOf(wordRow, wordCount * 2);
        }
        words.add(lastWord);
        wordRow[wordCount++] = row;
    }

    private int rowOf(long id) {
        return SearchSnapshot.rowOf(ids, byId, size, id);
    }

    private String share(String s) {
        return s == null ? null : shared.computeIfAbsent(s, v -> v);
    }

    private void grow(int n) {
        ids = Arrays.copyOf(ids, n);
        enrolledAt = Arrays.copyOf(enrolledAt, n);
        progress = Arrays.copyOf(progress, n);
        grade = Arrays.copyOf(grade, n);
        activity = Arrays.copyOf(activity, n);
        mode = Arrays.copyOf(mode, n);
        country = Arrays.copyOf(country, n);
        active = Arrays.copyOf(active, n);
        passed = Arrays.copyOf(passed, n);
    }

    /** Ids in the order a query gave them. */
    static final class Ids {
        final long[] ids;
        int size;

        Ids(int expected) {
            ids = new long[expected];
        }

        void add(long id) {
            if (size < ids.length) {
                ids[size] = id;
            }
            size++;
        }
    }
}
