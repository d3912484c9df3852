package org.iqracity.console.platform.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.Problem;

/** Errors Jetty answers by itself (an unparsable URI, a bad header) come out as problem+json too, never HTML. */
final class ProblemErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws java.io.IOException {
        Problem problem = Problems.forStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(Json.mapper().writeValueAsBytes(problem)), callback);
    }
}
