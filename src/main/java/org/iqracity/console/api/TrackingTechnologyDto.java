package org.iqracity.console.api;

import java.util.List;

/**
 * One tracking technology of a course. {@code id} is kept from version to version; a new technology may leave it
 * null and the platform assigns one.
 *
 * @param sets what it stores or loads: cookie names and domains, pixel hosts, local-storage keys
 * @param retention how long what it sets is kept, in plain words ("13 months", "session")
 * @param optOutUrl the provider's own opt-out page, https only, where the provider offers one
 * @param necessityJustification why the course cannot work without it; required where
 *        {@link TrackingNecessity#needsJustification} says so, kept only for strictly necessary technologies
 * @param necessityFlag set by the platform on what it returns (see {@link NecessityFlag}); ignored when sent
 */
public record TrackingTechnologyDto(String id, String name, TrackingKind kind, TrackingParty party, String provider,
                                   TrackingCategory category, String purpose, List<String> sets, String retention,
                                   List<TrackingSurface> runsOn, String optOutUrl, String necessityJustification,
                                   NecessityFlag necessityFlag) {

    /** A technology with no justification and no flag, as before justifications existed. */
    public TrackingTechnologyDto(String id, String name, TrackingKind kind, TrackingParty party, String provider,
                                 TrackingCategory category, String purpose, List<String> sets, String retention,
                                 List<TrackingSurface> runsOn, String optOutUrl) {
        this(id, name, kind, party, provider, category, purpose, sets, retention, runsOn, optOutUrl, null, null);
    }

    public TrackingTechnologyDto withNecessityJustification(String justification) {
        return new TrackingTechnologyDto(id, name, kind, party, provider, category, purpose, sets, retention, runsOn,
                optOutUrl, justification, necessityFlag);
    }

    public TrackingTechnologyDto withNecessityFlag(NecessityFlag flag) {
        return new TrackingTechnologyDto(id, name, kind, party, provider, category, purpose, sets, retention, runsOn,
                optOutUrl, necessityJustification, flag);
    }
}
