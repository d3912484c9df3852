package org.iqracity.console.platform.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** A database failure. Its message is the SQL state only: SQL text and values never leave the store. */
public final class DataAccessException extends RuntimeException {
    public DataAccessException(SQLException cause) {
        super("database error (SQL state " + cause.getSQLState() + ")", cause);
    }

    /**
     * Whether the database could not be reached (no connection within the pool's timeout, or a connection error,
     * SQL state class 08): the request may succeed later, so it is answered 503, not 500.
     */
    public boolean isUnavailable() {
        return getCause() instanceof SQLTransientConnectionException
                || getCause() instanceof SQLException e && e.getSQLState() != null && e.getSQLState().startsWith("08");
    }

    /** Whether a row with the same key was there first (SQL state 23505, the same on H2 and PostgreSQL). */
    public boolean isDuplicateKey() {
        return getCause() instanceof SQLException e && "23505".equals(e.getSQLState());
    }
}
