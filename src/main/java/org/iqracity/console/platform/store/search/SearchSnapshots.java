package org.iqracity.console.platform.store.search;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.iqracity.console.platform.store.EnrollmentChanges;
import org.iqracity.console.platform.store.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SearchSnapshot}s of a platform's large courses, read in the background and used only while no enrollment
 * has changed since.
 *
 * <p>Currency: a statement trigger on the enrollment table counts every statement that changes it. On H2 it counts
 * in this JVM ({@link EnrollmentChanges}, V11); on PostgreSQL in a row of the database (V13), so that a change made
 * by any program or any other platform instance on that server is counted. A snapshot is read only if the count did
 * not move while it was read, and used only while the count still equals the one it was read at (on PostgreSQL that
 * is one indexed read of one row per search). A search that finds no current snapshot runs on the indexes as before,
 * so answers never depend on whether a snapshot was ready.
 *
 * <p>Memory: about 310 bytes an enrollment, its search words included. Snapshots are kept for at most
 * {@code budgetRows} enrollments, least recently used given up first.
 */
public final class SearchSnapshots implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(SearchSnapshots.class);
    /**
     * Heap a held enrollment costs, for the budget (measured: 310 bytes a row for a course of 500,000, words included).
     */
    private static final long BYTES_PER_ROW = 320;

    private final Jdbc jdbc;
    private final boolean postgres;
    private final long minEnrollments;
    private final long budgetRows;
    private final boolean inline;
    private final ExecutorService reader;
    private final Map<String, Entry> byCourse = new LinkedHashMap<>(16, 0.75f, true);
    private volatile boolean closed;

    private record Entry(SearchSnapshot snapshot, long version) {
    }

    private SearchSnapshots(Jdbc jdbc, boolean postgres, long minEnrollments, long budgetRows, boolean inline) {
        this.jdbc = jdbc;
        this.postgres = postgres;
        this.minEnrollments = minEnrollments;
        this.budgetRows = budgetRows;
        this.inline = inline;
        this.reader = inline ? null : Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
                .name("search-snapshots").priority(Thread.MIN_PRIORITY).factory());
    }

    /**
     * Snapshots of courses of at least {@code minEnrollments}, read on a background thread; the budget is an eighth
     * of the heap.
     */
    public static SearchSnapshots background(Jdbc jdbc, boolean postgres, long minEnrollments) {
        return new SearchSnapshots(jdbc, postgres, minEnrollments,
                Runtime.getRuntime().maxMemory() / 8 / BYTES_PER_ROW, false);
    }

    /** Snapshots of every course, read on the caller's thread when first needed (tests of the snapshot path). */
    static SearchSnapshots inline(Jdbc jdbc, boolean postgres) {
        return new SearchSnapshots(jdbc, postgres, 0, Long.MAX_VALUE, true);
    }

    /** The count of enrollment-changing statements; on PostgreSQL -1 while V13 has not made its row. */
    private long version() {
        if (!postgres) {
            return EnrollmentChanges.version();
        }
        return jdbc.queryOne("SELECT changes FROM enrollment_change WHERE id = 1", rs -> rs.getLong(1))
                .orElse(-1L);
    }

    /**
     * The course's current snapshot, or null. When there is none and the course is large enough, one is read (in
     * the background: this call does not wait for it).
     */
    public SearchSnapshot current(String courseId, long enrollments) {
        if (closed || enrollments < minEnrollments || enrollments > budgetRows) {
            return null;
        }
        long version = version();
        if (version < 0) {
            return null;
        }
        synchronized (byCourse) {
            Entry entry = byCourse.get(courseId);
            if (entry != null && entry.snapshot == null) {
                return null;
            }
            if (entry != null && entry.version == version) {
                return entry.snapshot;
            }
            if (entry != null) {
                byCourse.remove(courseId);
            }
        }
        if (inline) {
            return read(courseId);
        }
        startReading(courseId, version);
        return null;
    }

    /** Starts reading the course's snapshot in the background unless it is current, being read, or too small. */
    public void prepare(String courseId, long enrollments) {
        if (closed || inline || enrollments < minEnrollments || enrollments > budgetRows) {
            return;
        }
        long version = version();
        if (version >= 0) {
            startReading(courseId, version);
        }
    }

    /**
     * Starts reading the snapshots of the largest courses, largest first, as long as they fill at most half the budget
     * (the rest is for the courses people open). A platform just started then answers a jump into the middle of a
     * 500,000-learner course from memory within seconds, instead of counting index entries up to it until someone has
     * opened the course and its snapshot has been read. The reads run one at a time on the low-priority reader.
     */
    public void warm() {
        if (closed || inline) {
            return;
        }
        long room = budgetRows / 2;
        for (Object[] course : jdbc.query("SELECT id, enrollment_count FROM course WHERE enrollment_count >= ? "
                + "ORDER BY enrollment_count DESC, id", rs -> new Object[] {rs.getString(1), rs.getLong(2)},
                minEnrollments)) {
            long enrollments = (Long) course[1];
            if (enrollments > room) {
                continue;
            }
            room -= enrollments;
            prepare((String) course[0], enrollments);
        }
    }

    /** {@link #prepare} for a course already found large enough, with the count of changes just read. */
    private void startReading(String courseId, long version) {
        synchronized (byCourse) {
            Entry entry = byCourse.get(courseId);
            if (entry != null && (entry.snapshot == null || entry.version == version)) {
                return;
            }
            byCourse.put(courseId, new Entry(null, -1));
        }
        reader.execute(() -> {
            try {
                read(courseId);
            } catch (RuntimeException e) {
                // The indexes still answer; the next search of the course tries again.
                LOGGER.warn("Search snapshot of a course could not be read: {}", e.toString());
            } finally {
                synchronized (byCourse) {
                    Entry entry = byCourse.get(courseId);
                    if (entry != null && entry.snapshot == null) {
                        byCourse.remove(courseId);
                    }
                }
            }
        });
    }

    private SearchSnapshot read(String courseId) {
        long version = version();
        long t0 = System.nanoTime();
        SearchSnapshot snapshot = version < 0 ? null : SearchSnapshot.read(jdbc, courseId, postgres, () -> closed);
        if (snapshot == null || version() != version) {
            return null;
        }
        synchronized (byCourse) {
            byCourse.put(courseId, new Entry(snapshot, version));
            long held = 0;
            for (Entry e : byCourse.values()) {
                held += e.snapshot == null ? 0 : e.snapshot.size();
            }
            // Access order: the first entries are the least recently used.
            for (Iterator<Map.Entry<String, Entry>> it = byCourse.entrySet().iterator(); held > budgetRows
                    && it.hasNext(); ) {
                Map.Entry<String, Entry> e = it.next();
                if (e.getValue().snapshot != null && e.getValue().snapshot != snapshot) {
                    held -= e.getValue().snapshot.size();
                    it.remove();
                }
            }
        }
        LOGGER.info("Search snapshot of a course of {} enrollments read in {} ms ({} MiB)", snapshot.size(),
                (System.nanoTime() - t0) / 1_000_000, snapshot.bytes() >> 20);
        return snapshot;
    }

    /** Whether a snapshot of the course is held (current or not), without starting to read one. */
    boolean holds(String courseId) {
        synchronized (byCourse) {
            Entry entry = byCourse.get(courseId);
            return entry != null && entry.snapshot != null;
        }
    }

    @Override
    public void close() {
        closed = true;
        if (reader != null) {
            reader.shutdownNow();
        }
        synchronized (byCourse) {
            byCourse.clear();
        }
    }
}
