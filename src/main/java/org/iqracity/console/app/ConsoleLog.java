package org.iqracity.console.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.iqracity.console.documents.OwnerOnly;
import org.slf4j.LoggerFactory;

/**
 * The desktop console's log file, {@code <app data>/logs/member-console.log}: a double-clicked application has
 * no terminal, so stderr alone would lose what support needs. Added to the root logger beside stderr, so the file
 * holds exactly the lines every other appender gets (and, like them, no personal data: the code never hands any to
 * a logger). Rolls daily and at {@value #MAX_FILE_SIZE}, keeps {@value #MAX_DAYS} days and at most
 * {@value #TOTAL_CAP} in all. Only the console installs it: {@code platform} on a server logs to stderr for the
 * service manager to keep.
 */
final class ConsoleLog implements AutoCloseable {
    static final String FILE_NAME = "member-console.log";
    static final String MAX_FILE_SIZE = "10MB";
    static final int MAX_DAYS = 14;
    static final String TOTAL_CAP = "100MB";
    private static final String APPENDER_NAME = "CONSOLE_FILE";
    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    private final RollingFileAppender<ILoggingEvent> appender;
    private final Path file;

    private ConsoleLog(RollingFileAppender<ILoggingEvent> appender, Path file) {
        this.appender = appender;
        this.file = file;
    }

    static ConsoleLog install(Path dataDir) {
        return install(dataDir, FileSize.valueOf(MAX_FILE_SIZE));
    }

    /** The size limit is a parameter so a test can watch a file roll without writing 10 MB. */
    static ConsoleLog install(Path dataDir, FileSize maxFileSize) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Path logs = dataDir.toAbsolutePath().resolve("logs");
        Path file = logs.resolve(FILE_NAME);

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER_NAME);
        appender.setFile(file.toString());

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        // Forward slashes: logback reads a backslash in the pattern as an escape, and Windows takes either.
        policy.setFileNamePattern(logs.resolve("member-console.%d{yyyy-MM-dd}.%i.log").toString().replace('\\', '/'));
        policy.setMaxFileSize(maxFileSize);
        policy.setMaxHistory(MAX_DAYS);
        policy.setTotalSizeCap(FileSize.valueOf(TOTAL_CAP));
        policy.start();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder);
        ownerOnly(logs, file);
        // Creates the folder; if it cannot, logback reports it on its status channel and stderr logging goes on.
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return new ConsoleLog(appender, file);
    }

    /**
     * The folder and the file made owner-only before logback opens them: logback would make them with the process's
     * umask, readable by the machine's other accounts (this runs beside the data folder's own set-up, and may be
     * first to make it). A file logback makes later, when it rolls, is inside this folder.
     */
    private static void ownerOnly(Path logs, Path file) {
        try {
            OwnerOnly.folder(logs);
            if (!Files.exists(file)) {
                OwnerOnly.write(file, new byte[0]);
            }
        } catch (IOException e) {
            // logback tries the same folder and reports on its status channel what it cannot do; stderr goes on
        }
    }

    Path file() {
        return file;
    }

    /** Detaches and closes the file. Only tests need it: every line is flushed as it is written. */
    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
    }
}
