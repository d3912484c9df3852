package org.iqracity.console.platform;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the platform's log lines look: each names its date and time (UTC) and the node that wrote it, as text (the
 * default) or as one JSON object per line ({@code --log-format json}, {@code PLATFORM_LOG_FORMAT=json}) for a log
 * collector. The node is the one the platform runs as, once it has started; before that, {@code PLATFORM_NODE_ID} or
 * the host's name.
 */
public final class PlatformLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static volatile String node = defaultNode();
    private static volatile boolean json = "json".equalsIgnoreCase(System.getenv("PLATFORM_LOG_FORMAT"));

    private PlatformLog() {
    }

    /** The name the log lines carry from now on. */
    public static void useNode(String name) {
        node = name;
    }

    public static String node() {
        return node;
    }

    /** JSON lines from now on (true), or text. */
    public static void useJson(boolean on) {
        json = on;
    }

    public static boolean json() {
        return json;
    }

    /** One event as one line of JSON: time, node, level, logger, thread, message and, when asked, the stack. */
    static String jsonLine(ILoggingEvent event, boolean stackTraces) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", TIME.format(Instant.ofEpochMilli(event.getTimeStamp())));
        line.put("node", node);
        line.put("level", event.getLevel().toString());
        line.put("logger", event.getLoggerName());
        line.put("thread", event.getThreadName());
        line.put("message", event.getFormattedMessage());
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.put("error", thrown.getClassName());
            if (stackTraces) {
                line.put("stack", ThrowableProxyUtil.asString(thrown));
            }
        }
        try {
            return JSON.writeValueAsString(line) + "\n";
        } catch (JsonProcessingException e) {
            return "{\"message\":\"a log line could not be written as JSON\"}\n";
        }
    }

    private static String defaultNode() {
        String env = System.getenv("PLATFORM_NODE_ID");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "platform";
        }
    }
}
