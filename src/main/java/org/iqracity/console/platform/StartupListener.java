package org.iqracity.console.platform;

/** Told how far the platform's start has come: opening the database, migrating, seeding the sandbox, serving. */
@FunctionalInterface
public interface StartupListener {
    StartupListener NONE = (stage, fraction) -> { };

    /** @param fraction 0..1 for the whole start, or negative when unknown */
    void progress(String stage, double fraction);
}
