package org.iqracity.console.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.RosterSummary;

/** Reads the platform's roster stream: a header object, arrays of strings, and a summary object last. */
final class RosterNdjson {
    /** Reads one object out of the middle of the stream, so what follows it is not an error. */
    private static final ObjectReader TREE_READER = Json.tolerantMapper().reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private RosterNdjson() {
    }

    static RosterSummary read(InputStream in, RosterLines lines) throws IOException {
        try (JsonParser p = Json.tolerantMapper().getFactory().createParser(in)) {
            boolean headerSeen = false;
            List<String> values = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY) {
                    if (!headerSeen) {
                        throw new MalformedResponseException("roster rows before its header", null);
                    }
                    values.clear();
                    for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                        if (v != JsonToken.VALUE_STRING) {
                            throw new MalformedResponseException("a roster value is not text", null);
                        }
                        values.add(p.getText());
                    }
                    lines.row(List.copyOf(values));
                } else if (t == JsonToken.START_OBJECT) {
                    JsonNode node = TREE_READER.readTree(p);
                    String type = node.path("type").asText();
                    if ("header".equals(type)) {
                        List<String> fields = new ArrayList<>();
                        node.path("fields").forEach(f -> fields.add(f.asText()));
                        lines.header(fields);
                        headerSeen = true;
                    } else if (RosterSummary.TYPE.equals(type)) {
                        return Json.tolerantMapper().treeToValue(node, RosterSummary.class);
                    }
                } else {
                    throw new MalformedResponseException("unexpected content in a roster stream", null);
                }
            }
        }
        // A stream that ends without its summary broke off: its rows cannot be trusted.
        throw new MalformedResponseException("the roster stream ended before its summary", null);
    }
}
