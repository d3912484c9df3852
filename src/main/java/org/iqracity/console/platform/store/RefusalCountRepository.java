package org.iqracity.console.platform.store;

/**
 * Refused requests per staff member and minute, as every node of a shared PostgreSQL counts them: past a number in
 * a minute, the staff member waits for the next one on whichever node they reach.
 */
public final class RefusalCountRepository {
    private final Jdbc jdbc;

    public RefusalCountRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String staffId, long minute) {
        jdbc.update("INSERT INTO refusal_count (staff_id, epoch_minute, refusals) VALUES (?, ?, 1) "
                + "ON CONFLICT (staff_id, epoch_minute) DO UPDATE SET refusals = refusal_count.refusals + 1", staffId,
                minute);
    }

    /** One look-up by primary key: it runs before every signed-in request. */
    public int count(String staffId, long minute) {
        return jdbc.queryOne("SELECT refusals FROM refusal_count WHERE staff_id = ? AND epoch_minute = ?",
                rs -> rs.getInt(1), staffId, minute).orElse(0);
    }

    /** Minutes before {@code minute}: nobody waits on them any more. */
    public int forgetBefore(long minute) {
        return jdbc.update("DELETE FROM refusal_count WHERE epoch_minute < ?", minute);
    }
}
