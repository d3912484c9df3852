package org.iqracity.console.platform.store;

import java.time.Instant;
import java.util.Optional;

/** Staff sessions and their tokens; tokens are looked up by their SHA-256 only. */
public final class SessionRepository {
    public static final String ACCESS = "ACCESS";
    public static final String REFRESH = "REFRESH";

    private final Jdbc jdbc;

    public SessionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public record SessionRow(String id, String staffId, Instant createdAt, Instant lastUsedAt,
                             Instant absoluteExpiresAt, Instant revokedAt) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    public record TokenRow(String tokenHash, String kind, Instant expiresAt, Instant rotatedAt, SessionRow session) {
    }

    public void createSession(String id, String staffId, Instant now, Instant absoluteExpiry, String client,
                              String address) {
        jdbc.update("INSERT INTO staff_session (id, staff_id, created_at, last_used_at, absolute_expires_at, client, "
                + "address) VALUES (?, ?, ?, ?, ?, ?, ?)", id, staffId, now, now, absoluteExpiry, client, address);
    }

    public void addToken(String tokenHash, String sessionId, String kind, Instant issued, Instant expires) {
        jdbc.update("INSERT INTO session_token (token_hash, session_id, kind, issued_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?)", tokenHash, sessionId, kind, issued, expires);
    }

    public Optional<TokenRow> findToken(String tokenHash) {
        return jdbc.queryOne("SELECT t.token_hash, t.kind, t.expires_at, t.rotated_at, s.id, s.staff_id, "
                + "s.created_at, s.last_used_at, s.absolute_expires_at, s.revoked_at FROM session_token t "
                + "JOIN staff_session s ON s.id = t.session_id WHERE t.token_hash = ?", rs -> new TokenRow(
                rs.getString(1), rs.getString(2), Jdbc.instant(rs, "expires_at"), Jdbc.instant(rs, "rotated_at"),
                new SessionRow(rs.getString(5), rs.getString(6), Jdbc.instant(rs, "created_at"),
                        Jdbc.instant(rs, "last_used_at"), Jdbc.instant(rs, "absolute_expires_at"),
                        Jdbc.instant(rs, "revoked_at"))), tokenHash);
    }

    /** Marks a refresh token used; false when it already was (a replay). */
    public boolean rotate(String tokenHash, Instant now) {
        return jdbc.update("UPDATE session_token SET rotated_at = ? WHERE token_hash = ? AND rotated_at IS NULL",
                now, tokenHash) == 1;
    }

    /** Ends every token of the session at once. */
    public void revoke(String sessionId, Instant now, String reason) {
        jdbc.update("UPDATE staff_session SET revoked_at = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL",
                now, reason, sessionId);
    }

    public void revokeAllOf(String staffId, Instant now, String reason) {
        jdbc.update("UPDATE staff_session SET revoked_at = ?, revoke_reason = ? WHERE staff_id = ? "
                + "AND revoked_at IS NULL", now, reason, staffId);
    }

    public void touch(String sessionId, Instant now) {
        jdbc.update("UPDATE staff_session SET last_used_at = ? WHERE id = ?", now, sessionId);
    }
}
