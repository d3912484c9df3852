package org.iqracity.console.platform.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Failed sign-ins as every node of a shared PostgreSQL counts them: one row per failure, per account and per network
 * address, for as long as the throttle's window looks back. Accounts and addresses are kept as hashes only, so the
 * table never holds a username (nor a password typed into the username field by mistake) or an address.
 */
public final class LoginFailureRepository {
    private final Jdbc jdbc;

    public LoginFailureRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The failures since a moment: the account's number and latest, the address's number and earliest. */
    public record Tally(int accountFailures, Instant accountLatest, int addressFailures, Instant addressEarliest) {
        public static final Tally NONE = new Tally(0, null, 0, null);
    }

    /** One indexed statement: it runs before every sign-in is heard. */
    public Tally tally(String account, String address, Instant since) {
        String a = subject("a", account);
        String n = subject("n", address);
        Tally[] t = {Tally.NONE};
        jdbc.query("SELECT subject, COUNT(*), MIN(failed_at), MAX(failed_at) FROM login_failure "
                + "WHERE subject IN (?, ?) AND failed_at >= ? GROUP BY subject", rs -> {
                    int count = rs.getInt(2);
                    t[0] = a.equals(rs.getString(1))
                            ? new Tally(count, Jdbc.instant(rs, 4), t[0].addressFailures(), t[0].addressEarliest())
                            : new Tally(t[0].accountFailures(), t[0].accountLatest(), count, Jdbc.instant(rs, 3));
                    return null;
                }, a, n, since);
        return t[0];
    }

    /** Counts a failure; answers the account's failures since {@code since}, this one included. */
    public int add(String account, String address, Instant at, Instant since) {
        String a = subject("a", account);
        if (address == null) {
            jdbc.update("INSERT INTO login_failure (subject, failed_at) VALUES (?, ?)", a, at);
        } else {
            jdbc.update("INSERT INTO login_failure (subject, failed_at) VALUES (?, ?), (?, ?)", a, at,
                    subject("n", address), at);
        }
        return jdbc.queryOne("SELECT COUNT(*) FROM login_failure WHERE subject = ? AND failed_at >= ?",
                rs -> rs.getInt(1), a, since).orElse(0);
    }

    /** The account signed in: its failures are forgiven. */
    public void clear(String account) {
        jdbc.update("DELETE FROM login_failure WHERE subject = ?", subject("a", account));
    }

    /** Failures older than any window looks back. Answers how many went. */
    public int forgetBefore(Instant before) {
        return jdbc.update("DELETE FROM login_failure WHERE failed_at < ?", before);
    }

    private static String subject(String kind, String value) {
        if (value == null) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return kind + ":" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
