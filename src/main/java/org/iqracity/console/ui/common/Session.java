package org.iqracity.console.ui.common;

import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.Role;
import org.iqracity.console.client.PlatformClient;

/** A signed-in person on one platform. */
public record Session(PlatformClient client, MeDto me) {

    /** The platform's address, as the person typed it when signing in. */
    public String address() {
        return client.baseUri().toString();
    }

    public boolean has(Role role) {
        return me.has(role);
    }

    @Override
    public String toString() {
        return "Session[" + client.baseUri() + "]";
    }
}
