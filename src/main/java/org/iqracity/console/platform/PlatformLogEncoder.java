package org.iqracity.console.platform;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;

/**
 * logback's pattern encoder that writes JSON lines instead while {@link PlatformLog#json()} says so, so one
 * configuration serves both and the platform command can switch at its start.
 */
public final class PlatformLogEncoder extends PatternLayoutEncoder {
    private boolean stackTraces = true;

    /** False for a logger whose stack traces are dropped (the text pattern says so with {@code %nopex}). */
    public void setStackTraces(boolean on) {
        this.stackTraces = on;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        if (PlatformLog.json()) {
            return PlatformLog.jsonLine(event, stackTraces).getBytes(StandardCharsets.UTF_8);
        }
        return super.encode(event);
    }
}
