package org.iqracity.archfixture.client;

import org.iqracity.archfixture.platform.service.WebService;
import org.iqracity.archfixture.ui.LearnersView;

/** A client that calls the server in-process and pokes the console. */
public final class PlatformClient {
    public String call(WebService service, LearnersView view) {
        return service.toString() + view;
    }
}
