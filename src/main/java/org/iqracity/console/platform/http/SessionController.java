package org.iqracity.console.platform.http;

import io.javalin.http.Context;
import org.iqracity.console.api.RefreshRequest;
import org.iqracity.console.api.SessionRequest;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.auth.AuthService;

final class SessionController {
    private final AuthService auth;

    SessionController(AuthService auth) {
        this.auth = auth;
    }

    void signIn(Context ctx) {
        ctx.json(auth.signIn(Requests.body(ctx, SessionRequest.class), Requests.origin(ctx)));
    }

    void refresh(Context ctx) {
        ctx.json(auth.refresh(Requests.body(ctx, RefreshRequest.class).refreshToken(), Requests.origin(ctx),
                Requests.background(ctx)));
    }

    void signOut(Context ctx, Caller caller) {
        auth.signOut(caller);
        ctx.status(204);
    }

    void me(Context ctx, Caller caller) {
        ctx.json(auth.me(caller));
    }
}
