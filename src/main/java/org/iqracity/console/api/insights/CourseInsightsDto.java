package org.iqracity.console.api.insights;

import java.time.Instant;
import java.util.List;

/**
 * Aggregated insights into one course: counts of learners only, never a learner (R11). Every count from 1 to 4 is
 * suppressed ({@link InsightCell#suppressed()}), and so is, within each breakdown, whatever else would let such a
 * count be worked out by subtracting the cells that are shown from the total or from the funnel.
 *
 * <p>When fewer than 5 learners are enrolled, {@code suppressed} is true and nothing else is sent: the lists are
 * empty and {@code enrolled} is a suppressed cell.
 *
 * <p>Definitions (all dates in UTC):
 * <ul>
 *   <li>{@code enrollmentsByMonth}: one series per enrollment mode ({@code name} is the mode), one cell per calendar
 *       month ({@code key} "2026-01") from the month of the first enrollment to that of the last; every enrollment
 *       counts in the month it was made, including those later ended. A course of several years stays readable by
 *       month, where weeks would be hundreds of points.</li>
 *   <li>{@code activeByWeek}: one cell per ISO week ({@code key} the Monday, "2026-01-12") from the first enrollment's
 *       week to the latest activity's. The platform keeps only each learner's <em>last</em> activity in a course, not
 *       every visit, so a learner counts as active in week W when they had enrolled by the end of W and their last
 *       activity falls in W or later: their span of activity covers W. This is an upper bound of the learners seen
 *       that week; a learner with no recorded activity never counts.</li>
 *   <li>{@code progress} and {@code grades}: ten buckets of 10 points ({@code key} "0-10" ... "90-100"); a bucket
 *       holds values from its lower bound up to but not including its upper one, the last also holds 100 %.</li>
 *   <li>{@code funnel}: one cell per {@link FunnelStage}, in order ({@code key} the stage's name); each stage counts
 *       the learners who also reached every stage before it.</li>
 *   <li>{@code countries}: {@code key} an ISO 3166 country code, or {@link #NOT_STATED}; retired accounts (R6) count
 *       as not stated. {@code education}: {@code key} the platform's level-of-education code ("p", "m", "b", "a",
 *       "hs", "jhs", "el", "none", "other") or {@link #NOT_STATED}.</li>
 * </ul>
 * Each breakdown (the month-by-mode cells together, progress, grades, countries, education) adds up to
 * {@code enrolled}; suppressed cells keep that sum from giving any of them away.
 *
 * @param computedAt when the platform counted; a view may be up to a minute old
 */
public record CourseInsightsDto(String courseId, String courseTitle, Instant computedAt, boolean suppressed,
                                InsightCell enrolled, List<InsightSeries> enrollmentsByMonth,
                                List<InsightCell> activeByWeek, List<InsightCell> progress,
                                List<InsightCell> grades, List<InsightCell> funnel, List<InsightCell> countries,
                                List<InsightCell> education) {

    /** The key of learners who did not give a country or a level of education, or whose account was deleted. */
    public static final String NOT_STATED = "NOT_STATED";

    /** Counts under this are never shown. */
    public static final int SMALL_CELL = 5;

    public CourseInsightsDto {
        enrollmentsByMonth = List.copyOf(enrollmentsByMonth);
        activeByWeek = List.copyOf(activeByWeek);
        progress = List.copyOf(progress);
        grades = List.copyOf(grades);
        funnel = List.copyOf(funnel);
        countries = List.copyOf(countries);
        education = List.copyOf(education);
    }
}
