package org.iqracity.console.platform.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keys the platform makes once and keeps in its database, so they survive restarts; sealed with the master key, so
 * the database file alone gives none of them away (R13).
 */
public final class PlatformSecrets {
    private static final String CURSOR_KEY = "cursor-hmac";

    private final Jdbc jdbc;
    private final Clock clock;
    private final SecretBox box;

    public PlatformSecrets(Jdbc jdbc, Clock clock, SecretBox box) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.box = box;
    }

    private static String place(String name) {
        return "platform_secret.secret:" + name;
    }

    public byte[] cursorKey() {
        return Base64.getDecoder().decode(getOrCreate(CURSOR_KEY, () -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        }));
    }

    /** The named secret, made by {@code maker} and stored the first time it is asked for. */
    public synchronized String getOrCreate(String name, Supplier<String> maker) {
        return jdbc.queryOne("SELECT secret FROM platform_secret WHERE name = ?", rs -> rs.getString(1), name)
                .map(sealed -> box.open(place(name), sealed))
                .orElseGet(() -> {
                    String value = maker.get();
                    jdbc.update("INSERT INTO platform_secret (name, secret, created_at) VALUES (?, ?, ?)", name,
                            box.seal(place(name), value), clock.instant());
                    return value;
                });
    }

    /**
     * Seals what an older version kept in plain text (the platform's keys, officers' second-factor secrets, the
     * Members' research keys), and re-seals under {@code box} what {@code previous} sealed when a master key is being
     * rotated. One transaction: a stop half-way leaves every value as it was. Answers how many values it wrote (the
     * embedded database then compacts at its next stop, so the old values leave the file too).
     */
    public static int seal(Jdbc jdbc, SecretBox box, SecretBox previous) {
        record Column(String table, String key, String value, Function<String, String> place) {
        }
        List<Column> columns = List.of(
                new Column("platform_secret", "name", "secret", PlatformSecrets::place),
                new Column("staff", "id", "totp_secret", StaffRepository::totpPlace),
                new Column("research_key", "member_id", "secret", ResearchRepository::place));
        return jdbc.inTransaction(c -> {
            int written = 0;
            for (Column col : columns) {
                for (String[] row : Jdbc.query(c, "SELECT " + col.key() + ", " + col.value() + " FROM " + col.table()
                        + " WHERE " + col.value() + " IS NOT NULL", rs -> new String[] {rs.getString(1),
                        rs.getString(2)})) {
                    String where = col.place().apply(row[0]);
                    String plain = plainOrNull(box, previous, where, row[1]);
                    if (plain != null) {
                        written += Jdbc.update(c, "UPDATE " + col.table() + " SET " + col.value() + " = ? WHERE "
                                + col.key() + " = ?", box.seal(where, plain), row[0]);
                    }
                }
            }
            return written;
        });
    }

    /** The secret to seal again: plain text, or sealed by the previous key; null when the current key sealed it. */
    private static String plainOrNull(SecretBox box, SecretBox previous, String where, String value) {
        if (!SecretBox.isSealed(value)) {
            return value;
        }
        try {
            box.open(where, value);
            return null;
        } catch (IllegalStateException notThisKey) {
            if (previous == null) {
                throw notThisKey;
            }
            return previous.open(where, value);
        }
    }
}
