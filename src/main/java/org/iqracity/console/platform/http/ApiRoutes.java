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
        RosterController roster = new RosterController(s.rosters(), s.signingKeys(), s.limits());
        AccessLogController accessLog = new AccessLogController(s.accessLog(), s.limits());
        SponsorController sponsors = new SponsorController(s.sponsors());
        SystemController system = new SystemController(s.health());
        BreachController breach = new BreachController(s.breaches(), s.breachPreview(), s.breachRecords(), s.limits());
        InsightsController insights = new InsightsController(s.insights());
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
                authed(auth, HandlerType.GET, ApiPaths.COURSE_INSIGHTS, insights::course),
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
                authed(auth, HandlerType.GET, ApiPaths.BREACH_NOTICES, breach::list),
                authed(auth, HandlerType.POST, ApiPaths.BREACH_NOTICES, breach::create),
                authed(auth, HandlerType.GET, ApiPaths.BREACH_JURISDICTIONS, breach::jurisdictions),
                authed(auth, HandlerType.GET, ApiPaths.BREACH_NOTICE, breach::get),
                authed(auth, HandlerType.PUT, ApiPaths.BREACH_NOTICE, breach::update),
                authed(auth, HandlerType.GET, ApiPaths.BREACH_PREVIEW, breach::preview),
                authed(auth, HandlerType.GET, ApiPaths.BREACH_MESSAGE, breach::message),
                authed(auth, HandlerType.POST, ApiPaths.BREACH_SUBMIT, breach::submit),
                authed(auth, HandlerType.POST, ApiPaths.BREACH_RETURN, breach::returnToAuthor),
                authed(auth, HandlerType.POST, ApiPaths.BREACH_APPROVE, breach::approve),
                authed(auth, HandlerType.POST, ApiPaths.BREACH_SEND, breach::send),
                authed(auth, HandlerType.POST, ApiPaths.BREACH_CANCEL, breach::cancel),
                authed(auth, HandlerType.GET, ApiPaths.BREACH_DELIVERIES, breach::deliveries),
                authed(auth, HandlerType.POST, ApiPaths.BREACH_RETRY, breach::retry),
                authed(auth, HandlerType.POST, ApiPaths.BREACH_RESOLVE, breach::resolve),
                authed(auth, HandlerType.GET, ApiPaths.BREACH_LETTERS, breach::letters),
                authed(auth, HandlerType.GET, ApiPaths.BREACH_RECORD, breach::record),
                authed(auth, HandlerType.PUT, ApiPaths.BREACH_SITE_NOTICE, breach::postSiteNotice),
                authed(auth, HandlerType.DELETE, ApiPaths.BREACH_SITE_NOTICE, breach::withdrawSiteNotice),
                open(HandlerType.GET, ApiPaths.PUBLIC_SITE_NOTICES, breach::publicSiteNotices),
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
