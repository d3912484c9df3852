package org.iqracity.console.platform;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %node} in a log pattern: the node this process runs as ({@link PlatformLog#node()}). */
public final class LogNodeConverter extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return PlatformLog.node();
    }
}
