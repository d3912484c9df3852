package org.iqracity.console.platform.sandbox;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/** Where generated rows go: batched inserts on H2, COPY on PostgreSQL (several times faster there). */
interface RowSink extends AutoCloseable {
    void add(Object[] row) throws SQLException;

    void flush() throws SQLException;

    @Override
    void close() throws SQLException;

    static RowSink open(Connection c, boolean postgres, String table, String[] columns) throws SQLException {
        return postgres ? new Copy(c, table, columns) : new Batch(c, table, columns);
    }

    final class Batch implements RowSink {
        private final PreparedStatement ps;

        Batch(Connection c, String table, String[] columns) throws SQLException {
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + "?, ".repeat(columns.length - 1) + "?)";
            this.ps = c.prepareStatement(sql);
        }

        @Override
        public void add(Object[] row) throws SQLException {
            for (int i = 0; i < row.length; i++) {
                Object v = row[i];
                if (v == null) {
                    ps.setNull(i + 1, Types.NULL);
                } else if (v instanceof Instant t) {
                    ps.setObject(i + 1, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
                } else {
                    ps.setObject(i + 1, v);
                }
            }
            ps.addBatch();
        }

        @Override
        public void flush() throws SQLException {
            ps.executeBatch();
        }

        @Override
        public void close() throws SQLException {
            ps.close();
        }
    }

    final class Copy implements RowSink {
        private final CopyManager copy;
        private final String sql;
        private final StringBuilder buffer = new StringBuilder(1 << 20);

        Copy(Connection c, String table, String[] columns) throws SQLException {
            this.copy = new CopyManager(c.unwrap(BaseConnection.class));
            this.sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
        }

        @Override
        public void add(Object[] row) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    buffer.append(',');
                }
                Object v = row[i];
                switch (v) {
                    case null -> { }
                    case String s -> buffer.append('"').append(s.replace("\"", "\"\"")).append('"');
                    case Boolean b -> buffer.append(b ? 't' : 'f');
                    default -> buffer.append(v);
                }
            }
            buffer.append('\n');
        }

        @Override
        public void flush() throws SQLException {
            if (buffer.isEmpty()) {
                return;
            }
            try {
                copy.copyIn(sql, new StringReader(buffer.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY failed", e);
            }
            buffer.setLength(0);
        }

        @Override
        public void close() {
            buffer.setLength(0);
        }
    }

    /**
     * Writes another sink's rows on a thread and connection of its own, committing every few batches, so that one
     * table loads while the caller generates and writes the next (two cores: about a third off a million learners on
     * H2). One batch is written while the next fills; an error surfaces at the next flush or at close.
     */
    final class Background implements RowSink {
        /** Opens the target sink on the background connection. */
        interface Opener {
            RowSink open(Connection c) throws SQLException;
        }

        private static final int COMMIT_EVERY_BATCHES = 10;

        private final Connection connection;
        private final RowSink target;
        private final ExecutorService writer;
        private List<Object[]> filling = new ArrayList<>();
        private Future<?> writing;
        /** Batches written, counted on the writer thread only. */
        private int written;

        /** Takes {@code connection} over: it is closed with the sink, or at once if the target cannot open. */
        Background(Connection connection, Opener opener, String threadName) throws SQLException {
            this.connection = connection;
            try {
                connection.setAutoCommit(false);
                this.target = opener.open(connection);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            this.writer = Executors.newSingleThreadExecutor(r -> new Thread(r, threadName));
        }

        @Override
        public void add(Object[] row) {
            filling.add(row);
        }

        @Override
        public void flush() throws SQLException {
            awaitWriting();
            List<Object[]> batch = filling;
            filling = new ArrayList<>(batch.size());
            writing = writer.submit(() -> {
                for (Object[] row : batch) {
                    target.add(row);
                }
                target.flush();
                if (++written % COMMIT_EVERY_BATCHES == 0) {
                    connection.commit();
                }
                return null;
            });
        }

        private void awaitWriting() throws SQLException {
            if (writing == null) {
                return;
            }
            try {
                writing.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof SQLException sql ? sql
                        : new SQLException("bulk load failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("bulk load interrupted", e);
            } finally {
                writing = null;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                if (!filling.isEmpty()) {
                    flush();
                }
                awaitWriting();
                connection.commit();
            } finally {
                writer.shutdownNow();
                try {
                    target.close();
                } finally {
                    connection.close();
                }
            }
        }
    }
}
