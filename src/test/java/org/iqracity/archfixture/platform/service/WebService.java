package org.iqracity.archfixture.platform.service;

import io.javalin.http.Context;
import org.iqracity.archfixture.api.LeakyDto;

/** A service that knows the web framework, and forms a cycle with the api package. */
public final class WebService {
    public String read(Context ctx, LeakyDto dto) {
        return ctx.path() + dto;
    }
}
