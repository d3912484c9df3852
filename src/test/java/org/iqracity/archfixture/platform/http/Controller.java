package org.iqracity.archfixture.platform.http;

import org.iqracity.archfixture.client.PlatformClient;
import org.iqracity.archfixture.ui.LearnersView;

/** A platform class that sees the client and the console. */
public final class Controller {
    public Object peek(PlatformClient client, LearnersView view) {
        return client.toString() + view;
    }
}
