package org.iqracity.console.platform.store;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.api.Trigger;
import org.iqracity.console.platform.store.search.SearchSnapshots;

/**
 * H2 calls this after every statement that inserts, updates or deletes enrollments (the trigger V11 creates): it
 * counts them, so that {@link SearchSnapshots} can tell a snapshot from before a change. One count for the JVM: a
 * change in any embedded database makes every snapshot old, which costs a re-read, never a wrong answer.
 */
public final class EnrollmentChanges implements Trigger {
    private static final AtomicLong VERSION = new AtomicLong();

    /** The number of enrollment-changing statements seen so far in this JVM. */
    public static long version() {
        return VERSION.get();
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
        VERSION.incrementAndGet();
    }
}
