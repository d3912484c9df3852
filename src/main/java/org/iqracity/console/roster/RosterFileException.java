package org.iqracity.console.roster;

/** Why a roster file cannot be opened, as a kind the console turns into words, and never with file contents. */
public final class RosterFileException extends Exception {
    public enum Kind {
        WRONG_PASSPHRASE,
        WRONG_KEY_PASSPHRASE,
        NO_MATCHING_KEY,
        NOT_A_KEY,
        NOT_A_ROSTER,
        DAMAGED,
        MANIFEST_MISMATCH,
        NEWER_FORMAT,
        EXPIRED,
        SIGNATURE_INVALID
    }

    private final Kind kind;

    public RosterFileException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RosterFileException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
