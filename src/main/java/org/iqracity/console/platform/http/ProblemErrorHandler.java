package org.iqracity.console.platform.http;

import java.io.IOException;
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
    private final boolean tls;

    ProblemErrorHandler(boolean tls) {
        this.tls = tls;
    }

    /** Jetty writes a body for GET, POST and HEAD only; a refused PUT or DELETE would otherwise answer empty. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        Problem problem = Problems.forStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        // A request Jetty could not parse never reached the customizer that sets these.
        SecurityHeaders.apply(response.getHeaders(), tls);
        // A HEAD answer carries the headers a GET would, and no body: a body would corrupt the connection's framing.
        byte[] body = "HEAD".equals(request.getMethod()) ? new byte[0] : Json.mapper().writeValueAsBytes(problem);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
