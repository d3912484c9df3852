package org.iqracity.console.api.breach;

/**
 * The notice channels one jurisdiction calls for. {@code region} is null for a whole country; {@code note} says what
 * the law there asks beyond the channel.
 */
public record JurisdictionDto(String country, String region, String label, boolean email, boolean letter,
                              String note) {
}
