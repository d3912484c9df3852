package org.iqracity.console.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.Problem.FieldError;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.service.RequestOrigin;

/** Reading requests: the body as a record, query parameters with per-field errors, and where the call came from. */
final class Requests {
    static final int MAX_BODY_BYTES = 64 * 1024;
    /**
     * The shared strict mapper, minus Jackson's one remaining leniency: a number or boolean where a string belongs
     * (a username of 12345) would be read as its text. Requests refuse it as the wrong type.
     */
    private static final ObjectMapper READER = strictStrings(Json.mapper().copy());

    private Requests() {
    }

    /** RFC 3986 path characters besides letters, digits and escapes; no ';', which starts a path parameter. */
    private static final String PATH_PUNCTUATION = "-._~!$&'()*+,=:@/";

    /**
     * Refuses a request path Jetty let through but Javalin cannot decode. Jetty does not check the escapes of a
     * ';' path parameter, and Javalin matches and decodes the raw path: "/courses/;%1" failed there with a 500.
     * A loop, not a regular expression: a repeated alternation recurses per character and overflows on long paths.
     */
    static void checkPath(Context ctx) {
        String raw = ctx.req().getRequestURI();
        if (raw == null || !wellFormedPath(raw)) {
            throw PlatformException.badRequest(ProblemCode.MALFORMED_REQUEST, "The request address is not valid.");
        }
        // A broken escape in the query (?q=%zz) was dropped with its parameter: the list came back unfiltered.
        String query = ctx.req().getQueryString();
        if (query != null && !wellFormedPath(query)) {
            throw PlatformException.badRequest(ProblemCode.MALFORMED_REQUEST, "The request's query is not valid: "
                    + "a % must be followed by two hexadecimal digits.");
        }
    }

    /** Headers that would have a request act as another method: a GET must never release or send anything. */
    static final List<String> METHOD_OVERRIDES = List.of("X-HTTP-Method-Override", "X-HTTP-Method",
            "X-Method-Override");

    /** Refuses any method override: the framework would otherwise route a GET as the POST its header names. */
    static void refuseMethodOverride(Context ctx) {
        for (String h : METHOD_OVERRIDES) {
            if (ctx.req().getHeader(h) != null) {
                throw PlatformException.badRequest(ProblemCode.MALFORMED_REQUEST, "The " + h + " header is not "
                        + "accepted: send the request with its own method.");
            }
        }
    }

    static boolean wellFormedPath(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || !HexFormat.isHexDigit(raw.charAt(i + 1))
                        || !HexFormat.isHexDigit(raw.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (!(c < 128 && (Character.isLetterOrDigit(c) || PATH_PUNCTUATION.indexOf(c) >= 0))) {
                return false;
            }
        }
        return true;
    }

    /** The client's address as {@link TrustedProxies} read it, set before any handler runs. */
    static final String CLIENT_ADDRESS = "iqracity.clientAddress";

    static RequestOrigin origin(Context ctx) {
        String client = ctx.header("X-Client");
        if (client == null) {
            client = ctx.header("User-Agent");
        }
        String address = ctx.attribute(CLIENT_ADDRESS);
        return new RequestOrigin(asSent(client), address == null ? ctx.ip() : address);
    }

    /**
     * A header's text as the client sent it: HTTP hands header bytes over as ISO-8859-1, so a client name in UTF-8
     * ("Konsole für Büro") arrived as "KonsoleÂ fÃ¼r" and was stored so. Bytes that are not UTF-8 stay as they came.
     */
    static String asSent(String header) {
        if (header == null || header.chars().anyMatch(c -> c > 0xFF)) {
            return header;
        }
        byte[] bytes = header.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return header;
        }
    }

    /** Whether the client marked this request as its own periodic check rather than the person's action. */
    static boolean background(Context ctx) {
        return "true".equalsIgnoreCase(ctx.header(ApiPaths.BACKGROUND_HEADER));
    }

    static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }

    static <T> T body(Context ctx, Class<T> type) {
        return body(ctx, type, MAX_BODY_BYTES);
    }

    /** As {@link #body(Context, Class)}, for the few requests that may carry more, such as a pasted list. */
    static <T> T body(Context ctx, Class<T> type, int maxBytes) {
        if (!utf8Json(ctx.header("Content-Type"))) {
            throw new PlatformException(415, ProblemCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "Send the request body as application/json in UTF-8.", List.of(), null);
        }
        long declared = ctx.contentLength();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] bytes;
        try (var in = ctx.bodyInputStream()) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw PlatformException.badRequest(ProblemCode.MALFORMED_REQUEST, "The request body could not be read.");
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try {
            T value = READER.readValue(bytes, type);
            if (value == null) {
                throw malformed();
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw PlatformException.invalid(e.getPropertyName(), "This field is not accepted here.");
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "body" : e.getPath().getLast().getFieldName();
            throw PlatformException.invalid(field == null ? "body" : field, "This field has the wrong type.");
        } catch (StreamReadException e) {
            String duplicate = duplicateField(e);
            if (duplicate != null) {
                throw PlatformException.invalid(duplicate, "This field appears more than once.");
            }
            throw malformed();
        } catch (JsonProcessingException e) {
            throw malformed();
        } catch (IOException e) {
            throw malformed();
        }
    }

    /**
     * Whether a Content-Type header says JSON in UTF-8 (RFC 8259: JSON between systems is UTF-8). Read from the raw
     * header: the servlet's own parsing looks the charset up and throws on an unknown one, which was a 500.
     */
    /** The field a strict parser found twice ("Duplicate field 'k'"), or null. */
    private static String duplicateField(StreamReadException e) {
        String m = e.getOriginalMessage();
        if (m == null || !m.startsWith("Duplicate field '")) {
            return null;
        }
        int end = m.indexOf('\'', "Duplicate field '".length());
        return end < 0 ? "body" : m.substring("Duplicate field '".length(), end);
    }

    static boolean utf8Json(String header) {
        if (header == null) {
            return false;
        }
        String[] parts = header.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param[0].strip().equalsIgnoreCase("charset")) {
                String value = param.length < 2 ? "" : param[1].strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                if (!value.equalsIgnoreCase("utf-8") && !value.equalsIgnoreCase("utf8")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static ObjectMapper strictStrings(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    private static PlatformException malformed() {
        return PlatformException.badRequest(ProblemCode.MALFORMED_REQUEST, "The request body is not valid JSON.");
    }

    private static PlatformException tooLarge(int maxBytes) {
        return new PlatformException(413, ProblemCode.PAYLOAD_TOO_LARGE, "Payload too large",
                "The request body is larger than " + maxBytes + " bytes.", List.of(), null);
    }

    /** Collects query-parameter errors so one answer names every bad field. */
    static final class Params {
        private final Context ctx;
        private final List<FieldError> errors = new ArrayList<>();

        Params(Context ctx, Set<String> allowed) {
            this.ctx = ctx;
            for (String name : ctx.queryParamMap().keySet()) {
                if (!allowed.contains(name)) {
                    errors.add(new FieldError(name, "Unknown parameter."));
                } else if (ctx.queryParams(name).size() > 1) {
                    errors.add(new FieldError(name, "Give this parameter once."));
                }
            }
        }

        String string(String name) {
            String v = ctx.queryParam(name);
            return v == null || v.isEmpty() ? null : v;
        }

        Boolean bool(String name) {
            String v = string(name);
            if (v == null) {
                return null;
            }
            return switch (v) {
                case "true" -> true;
                case "false" -> false;
                default -> {
                    errors.add(new FieldError(name, "Must be true or false."));
                    yield null;
                }
            };
        }

        Double fraction(String name) {
            String v = string(name);
            if (v == null) {
                return null;
            }
            try {
                double d = Double.parseDouble(v);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                errors.add(new FieldError(name, "Must be a number from 0 to 1."));
                return null;
            }
        }

        int integer(String name, int fallback) {
            Integer v = optionalInteger(name);
            return v == null ? fallback : v;
        }

        /** A whole number, or null when the parameter is absent or not one (then named among the errors). */
        Integer optionalInteger(String name) {
            String v = string(name);
            if (v == null) {
                return null;
            }
            try {
                // Integer.parseInt also reads non-ASCII digits (a fullwidth 5 is 5); the wire takes ASCII only.
                if (!v.matches("[+-]?[0-9]{1,10}")) {
                    throw new NumberFormatException();
                }
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                errors.add(new FieldError(name, "Must be a whole number."));
                return null;
            }
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type) {
            String v = string(name);
            if (v == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(name, "Not one of the accepted values."));
                return null;
            }
        }

        void error(String name, String message) {
            errors.add(new FieldError(name, message));
        }

        void check() {
            if (!errors.isEmpty()) {
                throw PlatformException.invalid(errors);
            }
        }
    }
}
