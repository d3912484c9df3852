package org.iqracity.console.platform.service.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.iqracity.console.api.insights.CourseInsightsDto;
import org.iqracity.console.platform.service.AccessLog;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.CourseService;
import org.iqracity.console.platform.store.CourseRepository.CourseRow;
import org.iqracity.console.platform.store.InsightsRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A course's insights (R11): who may see them is who may see the course's learners (R1, R3); what they see are
 * counts with small cells suppressed. Each view is written to the access log (R12): the counts hold no learner, but
 * they describe the course's learners, and the log is where a security officer looks for who looked at what.
 */
public final class InsightsService {
    private static final Logger LOGGER = LoggerFactory.getLogger(InsightsService.class);
    /** Insights change slowly; a course of 500,000 is counted at most once a minute however often it is viewed. */
    static final Duration TTL = Duration.ofSeconds(60);

    private final CourseService courses;
    private final InsightsRepository repository;
    private final AccessLog accessLog;
    private final Clock clock;
    private final Map<String, Counted> cache = new ConcurrentHashMap<>();

    /** An insight and when its counting ended: the minute of validity starts then, however long counting took. */
    private record Counted(CourseInsightsDto insights, Instant at) {
    }

    public InsightsService(CourseService courses, InsightsRepository repository, AccessLog accessLog, Clock clock) {
        this.courses = courses;
        this.repository = repository;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    public CourseInsightsDto insights(Caller caller, String courseId) {
        CourseRow course = courses.learnerCourse(caller, courseId);
        Instant now = clock.instant();
        Counted hit = cache.get(courseId);
        CourseInsightsDto insights;
        if (hit != null && hit.at().plus(TTL).isAfter(now)) {
            insights = hit.insights();
        } else {
            long started = System.nanoTime();
            insights = InsightsAssembler.assemble(courseId, course.dto().title(), now.truncatedTo(ChronoUnit.SECONDS),
                    repository.counts(courseId));
            LOGGER.info("counted the insights of a course of {} enrollments in {} ms",
                    course.enrollments(), (System.nanoTime() - started) / 1_000_000);
            if (cache.size() > 1_000) {
                cache.clear();
            }
            cache.put(courseId, new Counted(insights, clock.instant()));
        }
        // Written before anything is returned: no log entry, no data (R12).
        accessLog.record(AccessLog.by(caller, "INSIGHTS_VIEW", "COURSE", courseId, courseId));
        return insights;
    }
}
