package org.iqracity.console.roster.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import org.iqracity.console.roster.RosterReader;

/** An opened roster, held compactly in memory by column; read-only once built. */
public final class OfflineRoster {
    private static final Set<String> NUMERIC = Set.of("progress", "grade", "active_days", "year_of_birth");

    private final List<String> header;
    private final TextColumn[] columns;
    private final int rows;

    /** Each column's rows in sort order (ascending, ties by row), made by the first sort that needs it. */
    private final AtomicReferenceArray<int[]> orders;

    private OfflineRoster(List<String> header, TextColumn[] columns) {
        this.header = List.copyOf(header);
        this.columns = columns;
        this.rows = columns.length == 0 ? 0 : columns[0].size();
        this.orders = new AtomicReferenceArray<>(columns.length);
    }

    /** The column's rows in sort order if a sort has made it already, else null (see {@link RosterQuery}). */
    public int[] order(int column) {
        return orders.get(column);
    }

    /**
     * The column's rows in ascending order, ties by row: kept from an earlier sort, or sorted now and kept for every
     * later sort of the column (the roster never changes, so neither does it).
     */
    public int[] ordered(int column, BooleanSupplier cancelled) {
        int[] order = orders.get(column);
        if (order == null) {
            order = ColumnSort.ascending(columns[column], numeric(column), null, cancelled);
            orders.compareAndSet(column, null, order);
        }
        return order;
    }

    /** Whether every column's order is kept. */
    public boolean allOrdered() {
        for (int c = 0; c < orders.length(); c++) {
            if (orders.get(c) == null) {
                return false;
            }
        }
        return true;
    }

    /** The rows (ascending row numbers) in the column's ascending order, ties by row; nothing is kept. */
    int[] sorted(int column, int[] rows, BooleanSupplier cancelled) {
        return ColumnSort.ascending(columns[column], numeric(column), rows, cancelled);
    }

    /** Sorted as numbers (empty and unreadable values first) rather than as text. */
    boolean numeric(int column) {
        return NUMERIC.contains(header.get(column));
    }

    public List<String> header() {
        return header;
    }

    public int rowCount() {
        return rows;
    }

    /** -1 when the roster has no such column. */
    public int columnOf(String name) {
        return header.indexOf(name);
    }

    public String value(int column, int row) {
        return columns[column].get(row);
    }

    /** See {@link TextColumn#startsWith}. */
    TextColumn.Match startsWith(int column, int row, byte[] asciiLowerPrefix, boolean anyWord) {
        return columns[column].startsWith(row, asciiLowerPrefix, anyWord);
    }

    boolean is(int column, int row, byte[] utf8) {
        return columns[column].is(row, utf8);
    }

    public List<String> row(int row) {
        List<String> values = new ArrayList<>(columns.length);
        for (TextColumn c : columns) {
            values.add(c.get(row));
        }
        return values;
    }

    /** Collects rows as {@link RosterReader} reads them; stops when {@code cancelled} says so. */
    public static final class Builder implements RosterReader.RowSink {
        private final BooleanSupplier cancelled;
        private List<String> header = List.of();
        private TextColumn[] columns = new TextColumn[0];

        public Builder(BooleanSupplier cancelled) {
            this.cancelled = cancelled;
        }

        @Override
        public void header(List<String> fields) {
            header = fields;
            columns = new TextColumn[fields.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = new TextColumn();
            }
        }

        @Override
        public void row(List<String> values) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("reading cancelled");
            }
            for (int i = 0; i < columns.length; i++) {
                columns[i].add(values.get(i));
            }
        }

        public OfflineRoster build() {
            for (TextColumn c : columns) {
                c.trim();
            }
            return new OfflineRoster(header, columns);
        }
    }

    /** For tests, tools and benchmarks: a roster from rows in memory or made as they are read. */
    public static OfflineRoster of(List<String> header, Iterable<List<String>> rows) {
        Builder b = new Builder(() -> false);
        b.header(header);
        rows.forEach(b::row);
        return b.build();
    }
}
