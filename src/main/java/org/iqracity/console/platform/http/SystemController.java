package org.iqracity.console.platform.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Supplier;
import org.iqracity.console.api.HealthDto;

final class SystemController {
    static final String OPENAPI_RESOURCE = "/org/iqracity/console/platform/openapi.yaml";

    private final Supplier<HealthDto> health;
    private final byte[] openApi;

    SystemController(Supplier<HealthDto> health) {
        this.health = health;
        this.openApi = load();
    }

    void health(Context ctx) {
        HealthDto h = health.get();
        ctx.status("UP".equals(h.status()) ? 200 : 503).json(h);
    }

    /** Alive while it can answer at all: nothing is asked of the database. */
    void live(Context ctx) {
        ctx.status(200).json(Map.of("status", "UP"));
    }

    void openApi(Context ctx) {
        ctx.contentType("application/yaml").result(openApi);
    }

    static byte[] load() {
        try (InputStream in = SystemController.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("openapi.yaml unreadable", e);
        }
    }
}
