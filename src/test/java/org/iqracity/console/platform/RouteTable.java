package org.iqracity.console.platform;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.iqracity.console.platform.http.ApiServer;
import org.iqracity.console.platform.http.PlatformServices;
import org.iqracity.console.platform.http.Route;

/**
 * The platform's route table, read by building a server that is never started. The services are all null (the
 * handlers are not run), filled in by reflection so that a new service on {@link PlatformServices} needs no change.
 */
final class RouteTable {
    private RouteTable() {
    }

    static List<Route> routes() {
        RecordComponent[] components = PlatformServices.class.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            PlatformServices none = PlatformServices.class.getDeclaredConstructor(types)
                    .newInstance(new Object[components.length]);
            return new ApiServer(none, "127.0.0.1", 0).routes();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build the route table", e);
        }
    }
}
