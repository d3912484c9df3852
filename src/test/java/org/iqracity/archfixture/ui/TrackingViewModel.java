package org.iqracity.archfixture.ui;

import org.iqracity.archfixture.client.PlatformClient;

/** A screen's ViewModel holding the whole client, session and every area, where it needs one part. */
public final class TrackingViewModel {
    private final PlatformClient client;

    public TrackingViewModel(PlatformClient client) {
        this.client = client;
    }

    public PlatformClient client() {
        return client;
    }
}
