package org.iqracity.console.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Every event the platform logs at INFO and above while it is open (the tests' own configuration keeps the platform
 * at WARN): the platform's loggers and the request log are raised to INFO and put back on close.
 */
final class LogCapture implements AutoCloseable {
    private static final List<String> RAISED = List.of("org.iqracity", "platform.request");

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<String, Level> previous = new HashMap<>();

    LogCapture() {
        LoggerContext context = context();
        appender.setContext(context);
        appender.start();
        for (String name : RAISED) {
            Logger logger = context.getLogger(name);
            previous.put(name, logger.getLevel());
            logger.setLevel(Level.INFO);
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    /** What was logged so far, in order. */
    synchronized List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    List<ILoggingEvent> from(String loggerName) {
        return events().stream().filter(e -> e.getLoggerName().equals(loggerName)).toList();
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    @Override
    public void close() {
        LoggerContext context = context();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        previous.forEach((name, level) -> context.getLogger(name).setLevel(level));
        appender.stop();
    }
}
