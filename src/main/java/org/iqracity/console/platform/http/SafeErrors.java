package org.iqracity.console.platform.http;

import java.sql.SQLException;

/**
 * Describes a failure for the log without its messages: database and parser messages can quote the values they
 * choked on, and those may be personal data or secrets.
 */
final class SafeErrors {
    private SafeErrors() {
    }

    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable c = t; c != null && depth < 8; c = c.getCause(), depth++) {
            if (depth > 0) {
                sb.append(" <- ");
            }
            sb.append(c.getClass().getName());
            if (c instanceof SQLException sql) {
                sb.append("[state=").append(sql.getSQLState()).append(']');
            }
            StackTraceElement[] trace = c.getStackTrace();
            if (trace.length > 0) {
                sb.append(" at ").append(trace[0]);
            }
        }
        return sb.toString();
    }
}
