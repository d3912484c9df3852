package org.iqracity.console.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import org.iqracity.console.api.Json;

/** The manifest as pretty JSON, since people may open it by hand. */
final class RosterJson {
    private RosterJson() {
    }

    static byte[] write(RosterManifest manifest) {
        try {
            return Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static RosterManifest read(byte[] bytes) throws IOException {
        return Json.tolerantMapper().readValue(bytes, RosterManifest.class);
    }
}
