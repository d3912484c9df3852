package org.iqracity.console.platform.sandbox;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
            } catch (java.io.IOException e) {
                throw new SQLException("COPY failed", e);
            }
            buffer.setLength(0);
        }

        @Override
        public void close() {
            buffer.setLength(0);
        }
    }
}
