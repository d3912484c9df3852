package org.iqracity.console.platform.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.platform.service.AuthService;
import org.iqracity.console.platform.service.Caller;

/** The route table: every endpoint the platform serves, in one list. */
public final class ApiRoutes {
    @FunctionalInterface
    interface AuthedHandler {
        void handle(Context ctx, Caller caller) throws Exception;
    }

    private ApiRoutes() {
    }

    static List<Route> build(PlatformServices s) {
        SessionController session = new SessionController(s.auth());
        CourseController courses = new CourseController(s.courses());
        LearnerController learners = new LearnerController(s.learners());
        TrackingController tracking = new TrackingController(s.tracking());
        RosterController roster = new RosterController(s.rosters(), s.signingKeys());
        AccessLogController accessLog = new AccessLogController(s.accessLog());
        SponsorController sponsors = new SponsorController(s.sponsors());
        SystemController system = new SystemController(s.health());
        AuthService auth = s.auth();
        return List.of(
                open(HandlerType.POST, ApiPaths.SESSION, session::signIn),
                open(HandlerType.POST, ApiPaths.SESSION_REFRESH, session::refresh),
                authed(auth, HandlerType.DELETE, ApiPaths.SESSION, session::signOut),
                authed(auth, HandlerType.GET, ApiPaths.ME, session::me),
                authed(auth, HandlerType.GET, ApiPaths.COURSES, courses::list),
                authed(auth, HandlerType.GET, ApiPaths.COURSE, courses::get),
                authed(auth, HandlerType.GET, ApiPaths.COURSE_LEARNERS, learners::list),
                authed(auth, HandlerType.GET, ApiPaths.COURSE_LEARNER, learners::detail),
                authed(auth, HandlerType.GET, ApiPaths.COURSE_TRACKING, tracking::get),
                authed(auth, HandlerType.PUT, ApiPaths.COURSE_TRACKING, tracking::put),
                authed(auth, HandlerType.GET, ApiPaths.COURSE_TRACKING_HISTORY, tracking::history),
                authed(auth, HandlerType.POST, ApiPaths.COURSE_TRACKING_REVERT, tracking::revert),
                authed(auth, HandlerType.GET, ApiPaths.COURSE_TRACKING_EFFECTIVE, tracking::effective),
                authed(auth, HandlerType.GET, ApiPaths.COURSE_TRACKING_COVERAGE, tracking::coverage),
                authed(auth, HandlerType.GET, ApiPaths.COURSE_ROSTER, roster::roster),
                open(HandlerType.GET, ApiPaths.SIGNING_KEY, roster::signingKey),
                authed(auth, HandlerType.GET, ApiPaths.SPONSOR_REPORTS, sponsors::summary),
                authed(auth, HandlerType.GET, ApiPaths.SPONSOR_REPORT, sponsors::report),
                authed(auth, HandlerType.GET, ApiPaths.SPONSOR_RELEASES, sponsors::releases),
                authed(auth, HandlerType.POST, ApiPaths.SPONSOR_RELEASES, sponsors::release),
                authed(auth, HandlerType.GET, ApiPaths.SPONSOR_RELEASE_CSV, sponsors::releaseCsv),
                authed(auth, HandlerType.GET, ApiPaths.SPONSOR_RELEASE_PDF, sponsors::releasePdf),
                authed(auth, HandlerType.GET, ApiPaths.ACCESS_LOG, accessLog::page),
                authed(auth, HandlerType.GET, ApiPaths.ACCESS_LOG_EXPORT, accessLog::export),
                authed(auth, HandlerType.GET, ApiPaths.ACCESS_LOG_VERIFY, accessLog::verify),
                open(HandlerType.GET, ApiPaths.HEALTH, system::health),
                open(HandlerType.GET, ApiPaths.OPENAPI, system::openApi));
    }

    private static Route open(HandlerType method, String path, Handler handler) {
        return new Route(method, path, false, handler);
    }

    private static Route authed(AuthService auth, HandlerType method, String path, AuthedHandler handler) {
        return new Route(method, path, true, ctx -> {
            Caller caller = auth.authenticate(Requests.bearer(ctx), Requests.origin(ctx));
            handler.handle(ctx, caller);
        });
    }
}
