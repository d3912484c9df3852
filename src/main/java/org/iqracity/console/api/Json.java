package org.iqracity.console.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;

/** The one JSON mapper shared by the platform and the console, so both sides read the wire the same way. */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // Registered after JavaTimeModule, so it reads instants first (see InstantText).
            .addModule(new SimpleModule("instant-text").addDeserializer(Instant.class, new InstantText()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Unknown fields are refused so that a client cannot smuggle fields it must not set (mass assignment).
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // 5.5 where a whole number is asked is a mistake to name, not a 5 to guess
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // {"k":5,"k":50}: which one the sender meant is not ours to pick
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS,
                    JsonInclude.Include.ALWAYS))
            .build();

    private static final ObjectMapper LENIENT = MAPPER.copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    /** Strict mapper: the platform reads requests with it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Tolerant reader: the console reads responses with it, so a newer platform may add fields. */
    public static ObjectMapper tolerantMapper() {
        return LENIENT;
    }
}
