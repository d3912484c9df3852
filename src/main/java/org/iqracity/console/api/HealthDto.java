package org.iqracity.console.api;

/** {@code status} is UP or DOWN; {@code database} UP or DOWN; {@code apiVersion} lets a client spot a mismatch. */
public record HealthDto(String status, String database, int apiVersion, String version) {
}
