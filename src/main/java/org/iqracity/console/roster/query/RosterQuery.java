package org.iqracity.console.roster.query;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Search, filters and sort over an opened roster, client-side, producing the row indexes to show. Pure and
 * cancellable: it runs in the background and gives up as soon as a newer query supersedes it.
 *
 * @param search     prefix of the username, the email or any word of the name (case-insensitive); blank for all
 * @param equals     column index to the exact value a row must have there
 * @param sortColumn -1 keeps the file's order (course, then username)
 */
public record RosterQuery(String search, Map<Integer, String> equals, int sortColumn, boolean descending) {
    static final List<String> SEARCHED = List.of("username", "name", "email");
    private static final int CHECK_EVERY = 4096;

    public RosterQuery {
        search = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        equals = Map.copyOf(equals);
    }

    public static RosterQuery all() {
        return new RosterQuery("", Map.of(), -1, false);
    }

    public int[] run(OfflineRoster roster, BooleanSupplier cancelled) {
        int[] searched = SEARCHED.stream().mapToInt(roster::columnOf).filter(i -> i >= 0).toArray();
        int nameColumn = roster.columnOf("name");
        // Compared as stored (UTF-8 bytes), so that looking at a row makes no strings.
        byte[] asciiSearch = search.chars().allMatch(c -> c < 0x80) ? search.getBytes(StandardCharsets.US_ASCII)
                : null;
        int[] filterColumns = equals.keySet().stream().mapToInt(Integer::intValue).toArray();
        byte[][] filterValues = new byte[filterColumns.length][];
        for (int i = 0; i < filterColumns.length; i++) {
            filterValues[i] = equals.get(filterColumns[i]).getBytes(StandardCharsets.UTF_8);
        }
        int[] matches = new int[roster.rowCount()];
        int count = 0;
        for (int row = 0; row < roster.rowCount(); row++) {
            if ((row & (CHECK_EVERY - 1)) == 0) {
                check(cancelled);
            }
            if (passesFilters(roster, row, filterColumns, filterValues)
                    && matchesSearch(roster, row, searched, nameColumn, asciiSearch)) {
                matches[count++] = row;
            }
        }
        int[] shown = Arrays.copyOf(matches, count);
        return sortColumn < 0 ? (descending ? reversed(shown) : shown) : sorted(roster, shown, cancelled);
    }

    private static boolean passesFilters(OfflineRoster roster, int row, int[] columns, byte[][] values) {
        for (int i = 0; i < columns.length; i++) {
            if (!roster.is(columns[i], row, values[i])) {
                return false;
            }
        }
        return true;
    }

    private boolean matchesSearch(OfflineRoster roster, int row, int[] searched, int nameColumn, byte[] asciiSearch) {
        if (search.isEmpty()) {
            return true;
        }
        if (asciiSearch != null) {
            boolean askText = false;
            for (int column : searched) {
                switch (roster.startsWith(column, row, asciiSearch, column == nameColumn)) {
                    case YES -> {
                        return true;
                    }
                    case ASK_TEXT -> askText = true;
                    case NO -> {
                        // the next column may match
                    }
                }
            }
            if (!askText) {
                return false;
            }
        }
        return matchesText(roster, row, searched, nameColumn);
    }

    /** The same match on the decoded text, for what the bytes alone cannot decide. */
    private boolean matchesText(OfflineRoster roster, int row, int[] searched, int nameColumn) {
        for (int column : searched) {
            String value = roster.value(column, row);
            if (value.regionMatches(true, 0, search, 0, search.length())) {
                return true;
            }
            if (column == nameColumn) {
                for (int space = value.indexOf(' '); space >= 0; space = value.indexOf(' ', space + 1)) {
                    if (value.regionMatches(true, space + 1, search, 0, search.length())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The rows in the order of the sort column. The first sort that covers much of the roster sorts all of it once
     * and keeps that order; every later sort of the column (the other direction, after a new search) then only
     * picks its rows out of it, in linear time. A narrow search's few rows are sorted by themselves. Descending is
     * ascending read backwards, which also puts equal keys in descending row order, as a reversed comparator does.
     */
    private int[] sorted(OfflineRoster roster, int[] rows, BooleanSupplier cancelled) {
        int n = roster.rowCount();
        if (roster.order(sortColumn) == null && rows.length < n / 8) {
            int[] ascending = roster.sorted(sortColumn, rows, cancelled);
            return descending ? reversed(ascending) : ascending;
        }
        int[] order = roster.ordered(sortColumn, cancelled);
        if (rows.length == n) {
            return descending ? reversed(order) : order.clone();
        }
        boolean[] wanted = new boolean[n];
        for (int row : rows) {
            wanted[row] = true;
        }
        int[] out = new int[rows.length];
        int k = 0;
        for (int i = 0; i < n && k < out.length; i++) {
            int row = order[descending ? n - 1 - i : i];
            if (wanted[row]) {
                out[k++] = row;
            }
        }
        return out;
    }

    private static int[] reversed(int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[rows.length - 1 - i];
        }
        return out;
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("superseded");
        }
    }
}
