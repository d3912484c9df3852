package org.iqracity.archfixture.platform.store;

import org.iqracity.archfixture.platform.http.Controller;

/** A repository that calls up into the web layer. */
public final class StoreThatRoutes {
    public Controller controller() {
        return new Controller();
    }
}
