package org.iqracity.console.platform.store.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.iqracity.console.platform.store.Jdbc;

/**
 * The people search's words ({@link SearchText#words}) of every enrollment, one row a word in
 * {@code enrollment_token}, and the name order's key ({@link SearchText#nameKey}) in {@code enrollment.name_key}: both
 * made from what the list shows of the learner, so whatever writes a learner's name, username, status or an
 * enrollment's e-mail writes them again here ({@link #learnerChanged}). The sandbox writes them with its rows, V23 for
 * the enrollments of an older database.
 *
 * <p>A row's {@code id} is the enrollment's id times {@value #PER_ENROLLMENT} plus the word's place: on H2 a single
 * BIGINT primary key is the table's own row key, so the table needs no index beside the search's
 * ({@code course_id, token, id}) and an enrollment's words are one range of it. (Enrollment ids are not negative.)
 */
public final class SearchTokens {
    public static final String TABLE = "enrollment_token";
    public static final String[] COLUMNS = {"id", "course_id", "token"};
    /** Ids an enrollment's words take: {@link SearchText#MAX_WORDS}. */
    static final int PER_ENROLLMENT = SearchText.MAX_WORDS;
    private static final int SHIFT = Integer.numberOfTrailingZeros(PER_ENROLLMENT);

    private SearchTokens() {
    }

    /**
     * The table, if it is not there yet (the sandbox's bulk load makes it before V23 runs, to fill it with its rows).
     * PostgreSQL compares the words by code point ({@code COLLATE "C"}), so that {@code LIKE 'chen%'} is one range of
     * the index, as on H2.
     */
    public static void createTable(Connection c) throws SQLException {
        boolean postgres = Jdbc.isPostgres(c);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id BIGINT NOT NULL PRIMARY KEY, "
                    + "course_id VARCHAR(200) NOT NULL, token VARCHAR(" + SearchText.WORD_LENGTH + ")"
                    + (postgres ? " COLLATE \"C\"" : "") + " NOT NULL)");
        }
    }

    /** The rows of one enrollment's words, in {@link #COLUMNS}' order. */
    public static List<Object[]> rows(long enrollmentId, String courseId, List<String> words) {
        List<Object[]> rows = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            rows.add(new Object[] {firstId(enrollmentId) + i, courseId, words.get(i)});
        }
        return rows;
    }

    /** The enrollment a word's row belongs to. */
    public static long enrollmentOf(long tokenId) {
        return tokenId >>> SHIFT;
    }

    /** In SQL: the enrollment id of the word row {@code column}. */
    static String enrollmentOfSql(String column) {
        return column + " / " + PER_ENROLLMENT;
    }

    private static long firstId(long enrollmentId) {
        return enrollmentId << SHIFT;
    }

    /**
     * After a learner's name, username, e-mail or status changed (a retirement, R6, above all): the words and name
     * keys of each of their enrollments, made again from the rows as they now are. Runs in the caller's transaction.
     * A learner's enrollments are found course by course through the enrollment's unique key, so no enrollment
     * index on the learner is needed.
     */
    public static void learnerChanged(Connection c, String learnerId) throws SQLException {
        List<Long> enrollments = Jdbc.query(c, "SELECT e.id FROM course co JOIN enrollment e ON e.course_id = co.id "
                + "AND e.learner_id = ?", rs -> rs.getLong(1), learnerId);
        if (enrollments.isEmpty()) {
            return;
        }
        rewrite(c, "e.id IN (" + String.join(", ", Collections.nCopies(enrollments.size(), "?")) + ")",
                enrollments.toArray(), true);
    }

    /**
     * Writes the words and name keys of the enrollments of ids above {@code after}, at most {@code limit} of them in
     * id order, and returns the last id written, or -1 when there were none. For enrollments without words yet
     * (V23): their words are only added.
     */
    public static long fill(Connection c, long after, int limit) throws SQLException {
        return rewrite(c, "e.id > ? ORDER BY e.id LIMIT " + limit, new Object[] {after}, false);
    }

    private static long rewrite(Connection c, String where, Object[] params, boolean replace) throws SQLException {
        long last = -1;
        try (PreparedStatement read = c.prepareStatement("SELECT e.id, e.course_id, e.email, l.username, l.name, "
                + "l.status FROM enrollment e JOIN learner l ON l.id = e.learner_id WHERE " + where);
             PreparedStatement delete = c.prepareStatement("DELETE FROM " + TABLE + " WHERE id >= ? AND id < ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " (id, course_id, token) "
                     + "VALUES (?, ?, ?)");
             PreparedStatement key = c.prepareStatement("UPDATE enrollment SET name_key = ? WHERE id = ?")) {
            Jdbc.bind(read, params);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String course = rs.getString(2);
                    String username = rs.getString(4);
                    String name = rs.getString(5);
                    boolean retired = "RETIRED".equals(rs.getString(6));
                    if (replace) {
                        delete.setLong(1, firstId(id));
                        delete.setLong(2, firstId(id + 1));
                        delete.addBatch();
                    }
                    for (Object[] row : rows(id, course, SearchText.words(name, username, rs.getString(3), retired))) {
                        insert.setLong(1, (Long) row[0]);
                        insert.setString(2, course);
                        insert.setString(3, (String) row[2]);
                        insert.addBatch();
                    }
                    key.setString(1, SearchText.nameKey(name, username, retired));
                    key.setLong(2, id);
                    key.addBatch();
                    last = Math.max(last, id);
                }
            }
            if (replace) {
                delete.executeBatch();
            }
            insert.executeBatch();
            key.executeBatch();
        }
        return last;
    }
}
