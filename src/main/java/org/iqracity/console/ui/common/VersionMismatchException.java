package org.iqracity.console.ui.common;

/** The platform speaks another API version than this console. */
public final class VersionMismatchException extends RuntimeException {
    private final int consoleVersion;
    private final int platformVersion;

    public VersionMismatchException(int consoleVersion, int platformVersion) {
        super("console API " + consoleVersion + ", platform API " + platformVersion);
        this.consoleVersion = consoleVersion;
        this.platformVersion = platformVersion;
    }

    public int consoleVersion() {
        return consoleVersion;
    }

    public int platformVersion() {
        return platformVersion;
    }
}
