package org.iqracity.console.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Paths of the platform API (v1), relative to the server root. */
public final class ApiPaths {
    public static final String BASE = "/api/v1";
    /**
     * A request header: "true" marks a request the console made by itself (a periodic check), not one the person
     * made. The platform does not count it as activity, so an idle session still ends on time (R13).
     */
    public static final String BACKGROUND_HEADER = "Iqracity-Background";
    public static final String SESSION = BASE + "/session";
    public static final String SESSION_REFRESH = BASE + "/session/refresh";
    public static final String ME = BASE + "/me";
    public static final String COURSES = BASE + "/courses";
    public static final String COURSE = BASE + "/courses/{courseId}";
    public static final String COURSE_LEARNERS = BASE + "/courses/{courseId}/learners";
    public static final String COURSE_LEARNER = BASE + "/courses/{courseId}/learners/{learnerId}";
    public static final String COURSE_TRACKING = BASE + "/courses/{courseId}/tracking";
    public static final String COURSE_TRACKING_HISTORY = BASE + "/courses/{courseId}/tracking/history";
    public static final String COURSE_TRACKING_REVERT = BASE + "/courses/{courseId}/tracking/revert";
    public static final String COURSE_TRACKING_EFFECTIVE = BASE + "/courses/{courseId}/tracking/effective";
    public static final String COURSE_TRACKING_COVERAGE = BASE + "/courses/{courseId}/tracking/coverage";
    public static final String COURSE_ROSTER = BASE + "/courses/{courseId}/roster";
    /** R11: a de-identified dataset of one course, answered as a ZIP archive. */
    public static final String COURSE_RESEARCH_EXPORTS = BASE + "/courses/{courseId}/research-exports";
    /** Aggregated counts of a course's learners, small cells suppressed (R11). */
    public static final String COURSE_INSIGHTS = BASE + "/courses/{courseId}/insights";
    public static final String SIGNING_KEY = BASE + "/signing-key";
    /** Reports of unencrypted copies made of exported rosters, sent by the console when it is next online. */
    public static final String ROSTER_CONVERSIONS = BASE + "/roster-conversions";
    public static final String ACCESS_LOG = BASE + "/access-log";
    public static final String ACCESS_LOG_EXPORT = BASE + "/access-log/export";
    public static final String ACCESS_LOG_VERIFY = BASE + "/access-log/verify";
    public static final String SPONSOR_REPORTS = BASE + "/sponsor-reports";
    public static final String SPONSOR_REPORT = BASE + "/sponsor-reports/{sponsorId}";
    public static final String SPONSOR_RELEASES = BASE + "/sponsor-reports/{sponsorId}/releases";
    public static final String SPONSOR_RELEASE_CSV = BASE + "/sponsor-reports/{sponsorId}/releases/{releaseId}/csv";
    public static final String BREACH_NOTICES = BASE + "/breach-notices";
    public static final String BREACH_JURISDICTIONS = BASE + "/breach-notices/jurisdictions";
    public static final String BREACH_NOTICE = BASE + "/breach-notices/{incidentId}";
    public static final String BREACH_PREVIEW = BREACH_NOTICE + "/preview";
    public static final String BREACH_MESSAGE = BREACH_NOTICE + "/preview/message";
    public static final String BREACH_SUBMIT = BREACH_NOTICE + "/submit";
    public static final String BREACH_RETURN = BREACH_NOTICE + "/return";
    public static final String BREACH_APPROVE = BREACH_NOTICE + "/approve";
    public static final String BREACH_SEND = BREACH_NOTICE + "/send";
    public static final String BREACH_CANCEL = BREACH_NOTICE + "/cancel";
    public static final String BREACH_DELIVERIES = BREACH_NOTICE + "/deliveries";
    public static final String BREACH_RETRY = BREACH_NOTICE + "/deliveries/retry";
    public static final String BREACH_RESOLVE = BREACH_NOTICE + "/deliveries/{deliveryId}/resolve";
    public static final String BREACH_LETTERS = BREACH_NOTICE + "/letters";
    public static final String BREACH_RECORD = BREACH_NOTICE + "/record";
    public static final String BREACH_SITE_NOTICE = BREACH_NOTICE + "/site-notice";
    public static final String BREACH_SITE_NOTICE_APPROVE = BREACH_SITE_NOTICE + "/approve";
    /** That the supervisory authority was notified: the step that stops the 72-hour clock. */
    public static final String BREACH_REGULATOR = BREACH_NOTICE + "/regulator-notification";
    /** Public: the site notices a Member has up, as learners see them. */
    public static final String PUBLIC_SITE_NOTICES = BASE + "/public/members/{memberId}/site-notices";
    public static final String SPONSOR_RELEASE_PDF = BASE + "/sponsor-reports/{sponsorId}/releases/{releaseId}/pdf";
    /** Ready to serve: the database answers. The same as {@link #HEALTH_READY}, kept for earlier load balancers. */
    public static final String HEALTH = BASE + "/health";
    /** The process serves HTTP; asks nothing of the database (a restart would not help when that is down). */
    public static final String HEALTH_LIVE = BASE + "/health/live";
    /** Ready to take requests: the database answers within seconds. */
    public static final String HEALTH_READY = BASE + "/health/ready";
    public static final String OPENAPI = BASE + "/openapi.yaml";

    /** The API version this build speaks; the platform reports its own in {@link HealthDto}. */
    public static final int API_VERSION = 1;

    private ApiPaths() {
    }

    /** Percent-encodes one path segment (course ids carry ':' and '+'). */
    public static String segment(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String course(String courseId) {
        return COURSES + "/" + segment(courseId);
    }

    public static String courseLearners(String courseId) {
        return course(courseId) + "/learners";
    }

    public static String courseTracking(String courseId) {
        return course(courseId) + "/tracking";
    }

    public static String courseInsights(String courseId) {
        return course(courseId) + "/insights";
    }

    public static String breachNotice(String incidentId) {
        return BREACH_NOTICES + "/" + segment(incidentId);
    }

    public static String courseResearchExports(String courseId) {
        return course(courseId) + "/research-exports";
    }

    public static String courseLearner(String courseId, String learnerId) {
        return courseLearners(courseId) + "/" + segment(learnerId);
    }
}
