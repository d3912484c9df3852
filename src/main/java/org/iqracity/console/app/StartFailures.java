package org.iqracity.console.app;

import java.io.IOException;
import java.sql.SQLException;

/** Why the platform did not start, told to a person: the platform command's last line, the console's sandbox status. */
final class StartFailures {
    private StartFailures() {
    }

    /**
     * One or two sentences: a set-up problem the platform already put in words (a folder held by another process, a
     * database that does not open) as it said it; anything else by {@link #reason}.
     */
    static String sentences(Throwable failure) {
        if (failure instanceof IllegalStateException && failure.getMessage() != null && !wrapsItsCause(failure)) {
            String message = failure.getMessage().strip();
            return message.endsWith(".") ? message : message + ".";
        }
        String reason = reason(failure);
        return Character.toUpperCase(reason.charAt(0)) + reason.substring(1) + ".";
    }

    /** {@code new IllegalStateException(cause)}: its message is the cause's, whatever that quotes. */
    private static boolean wrapsItsCause(Throwable failure) {
        return failure.getCause() != null && failure.getMessage().equals(failure.getCause().toString());
    }

    /**
     * Why a start failed, in words that carry no value from the database: an operating-system error (a full disk, a
     * folder it may not write) as the system words it, a database error by its SQL state alone (database messages
     * can quote the row they failed on).
     */
    static String reason(Throwable failure) {
        IOException io = null;
        SQLException sql = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException i && io == null) {
                io = i;
            } else if (t instanceof SQLException q && sql == null) {
                sql = q;
            }
        }
        if (io != null && io.getClass() == IOException.class && io.getMessage() != null) {
            return "the system said \"" + io.getMessage() + "\"";
        }
        if (io != null) {
            return "a file could not be read or written (" + io.getClass().getSimpleName() + ")";
        }
        if (sql != null) {
            return "a database error (SQL state " + sql.getSQLState() + ")";
        }
        return "an unexpected " + failure.getClass().getSimpleName();
    }
}
