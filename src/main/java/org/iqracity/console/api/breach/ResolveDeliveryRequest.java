package org.iqracity.console.api.breach;

/** Body of the call that settles an in-doubt delivery. */
public record ResolveDeliveryRequest(DeliveryResolution resolution) {
}
