package org.iqracity.console.platform.service;

/** Opens the package-private suppression rule to tests in other packages. */
public final class TrackingServiceProbe {
    private TrackingServiceProbe() {
    }

    public static String display(long value, long total) {
        return TrackingService.count(value, total).display();
    }
}
