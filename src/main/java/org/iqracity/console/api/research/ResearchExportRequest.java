package org.iqracity.console.api.research;

/**
 * What a research export is asked for. Both fields may be left out: {@code k} then is {@link #MIN_K}, and the
 * pseudonyms are made with a key of this export alone.
 *
 * @param k         the smallest group of learners any combination of quasi-identifiers may describe (R11: 5 or more)
 * @param stableKey true to pseudonymise with the Member's kept key, so that this export joins with others made so
 */
public record ResearchExportRequest(Integer k, Boolean stableKey) {
    /** R11: no combination of quasi-identifiers may describe fewer than five learners. */
    public static final int MIN_K = 5;
    /** Past this a course of ordinary size would lose most of its rows; the platform refuses it as a typing slip. */
    public static final int MAX_K = 1_000;

    public int kOrDefault() {
        return k == null ? MIN_K : k;
    }

    public boolean stableKeyOrDefault() {
        return stableKey != null && stableKey;
    }
}
