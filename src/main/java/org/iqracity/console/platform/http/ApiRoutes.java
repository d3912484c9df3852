package org.iqracity.console.platform.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.service.accesslog.AccessLogService;
import org.iqracity.console.platform.service.auth.AuthService;

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
        RosterController roster = new RosterController(s.rosters(), s.conversions(), s.signingKeys(),
                s.limits());
        AccessLogController accessLog = new AccessLogController(s.accessLog(), s.limits());
        SponsorController sponsors = new SponsorController(s.sponsors());
        SystemController system = new SystemController(s.health());
        BreachController breach = new BreachController(s.breaches(), s.breachPreview(), s.breachRecords(), s.limits());
        ResearchExportController research = new ResearchExportController(s.research(), s.limits());
        InsightsController insights = new InsightsController(s.insights());
        AuthService auth = s.auth();
        AccessLogService refusals = s.accessLog();
        return List.of(
                open(HandlerType.POST, ApiPaths.SESSION, session::signIn),
                open(HandlerType.POST, ApiPaths.SESSION_REFRESH, session::refresh),
                authed(auth, refusals, HandlerType.DELETE, ApiPaths.SESSION, session::signOut),
                authed(auth, refusals, HandlerType.GET, ApiPaths.ME, session::me),
                authed(auth, refusals, HandlerType.GET, ApiPaths.COURSES, courses::list),
                authed(auth, refusals, HandlerType.GET, ApiPaths.COURSE, courses::get),
                authed(auth, refusals, HandlerType.GET, ApiPaths.COURSE_LEARNERS, learners::list),
                authed(auth, refusals, HandlerType.GET, ApiPaths.COURSE_LEARNER, learners::detail),
                authed(auth, refusals, HandlerType.GET, ApiPaths.COURSE_TRACKING, tracking::get),
                authed(auth, refusals, HandlerType.PUT, ApiPaths.COURSE_TRACKING, tracking::put),
                authed(auth, refusals, HandlerType.GET, ApiPaths.COURSE_TRACKING_HISTORY, tracking::history),
                authed(auth, refusals, HandlerType.POST, ApiPaths.COURSE_TRACKING_REVERT, tracking::revert),
                authed(auth, refusals, HandlerType.GET, ApiPaths.COURSE_TRACKING_EFFECTIVE, tracking::effective),
                authed(auth, refusals, HandlerType.GET, ApiPaths.COURSE_TRACKING_COVERAGE, tracking::coverage),
                authed(auth, refusals, HandlerType.GET, ApiPaths.COURSE_ROSTER, roster::roster),
                authed(auth, refusals, HandlerType.POST, ApiPaths.COURSE_RESEARCH_EXPORTS, research::export),
                authed(auth, refusals, HandlerType.GET, ApiPaths.COURSE_INSIGHTS, insights::course),
                open(HandlerType.GET, ApiPaths.SIGNING_KEY, roster::signingKey),
                authed(auth, refusals, HandlerType.POST, ApiPaths.ROSTER_CONVERSIONS, roster::conversion),
                authed(auth, refusals, HandlerType.GET, ApiPaths.SPONSOR_REPORTS, sponsors::summary),
                authed(auth, refusals, HandlerType.GET, ApiPaths.SPONSOR_REPORT, sponsors::report),
                authed(auth, refusals, HandlerType.GET, ApiPaths.SPONSOR_RELEASES, sponsors::releases),
                authed(auth, refusals, HandlerType.POST, ApiPaths.SPONSOR_RELEASES, sponsors::release),
                authed(auth, refusals, HandlerType.GET, ApiPaths.SPONSOR_RELEASE_CSV, sponsors::releaseCsv),
                authed(auth, refusals, HandlerType.GET, ApiPaths.SPONSOR_RELEASE_PDF, sponsors::releasePdf),
                authed(auth, refusals, HandlerType.GET, ApiPaths.ACCESS_LOG, accessLog::page),
                authed(auth, refusals, HandlerType.GET, ApiPaths.ACCESS_LOG_EXPORT, accessLog::export),
                authed(auth, refusals, HandlerType.GET, ApiPaths.ACCESS_LOG_VERIFY, accessLog::verify),
                authed(auth, refusals, HandlerType.GET, ApiPaths.BREACH_NOTICES, breach::list),
                authed(auth, refusals, HandlerType.POST, ApiPaths.BREACH_NOTICES, breach::create),
                authed(auth, refusals, HandlerType.GET, ApiPaths.BREACH_JURISDICTIONS, breach::jurisdictions),
                authed(auth, refusals, HandlerType.GET, ApiPaths.BREACH_NOTICE, breach::get),
                authed(auth, refusals, HandlerType.PUT, ApiPaths.BREACH_NOTICE, breach::update),
                authed(auth, refusals, HandlerType.GET, ApiPaths.BREACH_PREVIEW, breach::preview),
                authed(auth, refusals, HandlerType.GET, ApiPaths.BREACH_MESSAGE, breach::message),
                authed(auth, refusals, HandlerType.POST, ApiPaths.BREACH_SUBMIT, breach::submit),
                authed(auth, refusals, HandlerType.POST, ApiPaths.BREACH_RETURN, breach::returnToAuthor),
                authed(auth, refusals, HandlerType.POST, ApiPaths.BREACH_APPROVE, breach::approve),
                authed(auth, refusals, HandlerType.POST, ApiPaths.BREACH_SEND, breach::send),
                authed(auth, refusals, HandlerType.POST, ApiPaths.BREACH_CANCEL, breach::cancel),
                authed(auth, refusals, HandlerType.GET, ApiPaths.BREACH_DELIVERIES, breach::deliveries),
                authed(auth, refusals, HandlerType.POST, ApiPaths.BREACH_RETRY, breach::retry),
                authed(auth, refusals, HandlerType.POST, ApiPaths.BREACH_RESOLVE, breach::resolve),
                authed(auth, refusals, HandlerType.GET, ApiPaths.BREACH_LETTERS, breach::letters),
                authed(auth, refusals, HandlerType.GET, ApiPaths.BREACH_RECORD, breach::record),
                authed(auth, refusals, HandlerType.PUT, ApiPaths.BREACH_SITE_NOTICE, breach::postSiteNotice),
                authed(auth, refusals, HandlerType.DELETE, ApiPaths.BREACH_SITE_NOTICE, breach::withdrawSiteNotice),
                authed(auth, refusals, HandlerType.POST, ApiPaths.BREACH_SITE_NOTICE_APPROVE,
                        breach::approveSiteNotice),
                authed(auth, refusals, HandlerType.POST, ApiPaths.BREACH_REGULATOR, breach::regulatorNotified),
                open(HandlerType.GET, ApiPaths.PUBLIC_SITE_NOTICES, breach::publicSiteNotices),
                open(HandlerType.GET, ApiPaths.HEALTH, system::health),
                open(HandlerType.GET, ApiPaths.HEALTH_READY, system::health),
                open(HandlerType.GET, ApiPaths.HEALTH_LIVE, system::live),
                open(HandlerType.GET, ApiPaths.OPENAPI, system::openApi));
    }

    private static Route open(HandlerType method, String path, Handler handler) {
        return new Route(method, path, false, handler);
    }

    private static Route authed(AuthService auth, AccessLogService log, HandlerType method, String path,
                                AuthedHandler handler) {
        return new Route(method, path, true, ctx -> {
            Caller caller = auth.authenticate(Requests.bearer(ctx), Requests.origin(ctx), Requests.background(ctx));
            long wait = log.refusedTooOften(caller);
            if (wait > 0) {
                throw PlatformException.throttled(wait);
            }
            try {
                handler.handle(ctx, caller);
            } catch (PlatformException e) {
                // A refused attempt leaves a trace too (R12): who tried what, from where.
                if (e.status() == 403 || e.status() == 404) {
                    log.refused(caller, method.name(), path, e.status(),
                            path.contains("{courseId}") ? ctx.pathParam("courseId") : null);
                }
                throw e;
            }
        });
    }
}
