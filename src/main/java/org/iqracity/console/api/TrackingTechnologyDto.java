package org.iqracity.console.api;

import java.util.List;

/**
 * One tracking technology of a course. {@code id} is kept from version to version; a new technology may leave it
 * null and the platform assigns one.
 *
 * @param sets what it stores or loads: cookie names and domains, pixel hosts, local-storage keys
 * @param retention how long what it sets is kept, in plain words ("13 months", "session")
 * @param optOutUrl the provider's own opt-out page, https only, where the provider offers one
 */
public record TrackingTechnologyDto(String id, String name, TrackingKind kind, TrackingParty party, String provider,
                                   TrackingCategory category, String purpose, List<String> sets, String retention,
                                   List<TrackingSurface> runsOn, String optOutUrl) {
}
