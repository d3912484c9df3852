package org.iqracity.console.platform.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One endpoint of the API. The route table is the single list the server registers, the OpenAPI check reads and
 * the authorization tests walk, so a route cannot exist without being seen by all three.
 *
 * @param path Javalin path with {@code {param}} placeholders, under {@link org.iqracity.console.api.ApiPaths#BASE}
 * @param authenticated whether a bearer token is needed
 */
public record Route(HandlerType method, String path, boolean authenticated, Handler handler) {
}
