package org.iqracity.archfixture.api;

import org.iqracity.archfixture.platform.service.WebService;

/** The wire contract reaching into the platform: api may use Jackson and the JDK only. */
public record LeakyDto(WebService service) {
}
