package org.iqracity.console.platform.store;

import java.sql.SQLException;

/** A database failure. Its message is the SQL state only: SQL text and values never leave the store. */
public final class DataAccessException extends RuntimeException {
    public DataAccessException(SQLException cause) {
        super("database error (SQL state " + cause.getSQLState() + ")", cause);
    }

    /** Whether a row with the same key was there first (SQL state 23505, the same on H2 and PostgreSQL). */
    public boolean isDuplicateKey() {
        return getCause() instanceof SQLException e && "23505".equals(e.getSQLState());
    }
}
