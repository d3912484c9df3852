package org.iqracity.console.platform.service.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.iqracity.console.api.EnrollmentMode;
import org.iqracity.console.api.insights.CourseInsightsDto;
import org.iqracity.console.api.insights.FunnelStage;
import org.iqracity.console.api.insights.InsightCell;
import org.iqracity.console.api.insights.InsightSeries;
import org.iqracity.console.platform.service.SmallCells;
import org.iqracity.console.platform.store.InsightsRepository;
import org.iqracity.console.platform.store.InsightsRepository.Counts;

/**
 * Turns a course's raw counts into what may be shown (R11): the breakdowns of {@link CourseInsightsDto}, each
 * protected by {@link SmallCells}. Pure: the same counts always give the same insight.
 */
final class InsightsAssembler {
    /** The platform's level-of-education codes, in the order of the levels. */
    static final List<String> EDUCATION = List.of("p", "m", "b", "a", "hs", "jhs", "el", "none", "other");
    /** A weekly series longer than twenty years keeps its latest weeks. */
    static final int MAX_WEEKS = 1_044;

    private InsightsAssembler() {
    }

    static CourseInsightsDto assemble(String courseId, String title, Instant at, Counts counts) {
        long[] parts = new long[FunnelStage.values().length];
        long[] progress = new long[InsightsRepository.BUCKETS];
        long[] grades = new long[InsightsRepository.BUCKETS];
        for (InsightsRepository.Performance p : counts.performance()) {
            parts[p.stage()] += p.count();
            progress[p.progressBucket()] += p.count();
            grades[p.gradeBucket()] += p.count();
        }
        long enrolled = sum(parts);
        if (enrolled > 0 && enrolled < SmallCells.THRESHOLD) {
            return withheld(courseId, title, at);
        }
        long[] stages = new long[parts.length];
        for (int k = parts.length - 1; k >= 0; k--) {
            stages[k] = (k + 1 < parts.length ? stages[k + 1] : 0) + parts[k];
        }
        SmallCells.Decision funnel = SmallCells.funnel(parts);
        SmallCells.Decision progressDecision = SmallCells.linked(progress, stages, funnel.suppressed());
        SmallCells.Decision gradeDecision = SmallCells.linked(grades, stages, funnel.suppressed());

        Months months = months(counts.enrollments());
        SmallCells.Decision monthDecision = SmallCells.breakdown(months.cells());
        Breakdown countries = countries(counts.profiles());
        SmallCells.Decision countryDecision = SmallCells.breakdown(countries.values());
        Breakdown education = education(counts.profiles());
        SmallCells.Decision educationDecision = SmallCells.breakdown(education.values());
        if (funnel.exposed() || progressDecision.exposed() || gradeDecision.exposed() || monthDecision.exposed()
                || countryDecision.exposed() || educationDecision.exposed()) {
            return withheld(courseId, title, at);
        }

        List<InsightCell> funnelCells = new ArrayList<>();
        for (FunnelStage stage : FunnelStage.values()) {
            funnelCells.add(cell(stage.name(), stages[stage.ordinal()], funnel.isSuppressed(stage.ordinal())));
        }
        return new CourseInsightsDto(courseId, title, at, false, InsightCell.of("enrolled", enrolled),
                months.series(monthDecision), activeByWeek(counts), buckets(progress, progressDecision),
                buckets(grades, gradeDecision), funnelCells, countries.cells(countryDecision),
                education.cells(educationDecision));
    }

    /** Fewer than 5 learners, or counts nothing could protect: the course's insight is withheld whole. */
    private static CourseInsightsDto withheld(String courseId, String title, Instant at) {
        return new CourseInsightsDto(courseId, title, at, true, InsightCell.hidden("enrolled"), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static InsightCell cell(String key, long count, boolean suppressed) {
        return suppressed ? InsightCell.hidden(key) : InsightCell.of(key, count);
    }

    private static List<InsightCell> buckets(long[] counts, SmallCells.Decision decision) {
        List<InsightCell> cells = new ArrayList<>();
        for (int b = 0; b < counts.length; b++) {
            cells.add(cell(b * 10 + "-" + (b + 1) * 10, counts[b], decision.isSuppressed(b)));
        }
        return cells;
    }

    /** Named counts in the order they are sent. */
    private record Breakdown(List<String> keys, long[] values) {
        List<InsightCell> cells(SmallCells.Decision decision) {
            List<InsightCell> cells = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                cells.add(cell(keys.get(i), values[i], decision.isSuppressed(i)));
            }
            return cells;
        }
    }

    /**
     * Countries present, by code, then "not stated". The order is the codes', never the counts': an order by size
     * would tell where a hidden count falls among the shown ones.
     */
    private static Breakdown countries(List<InsightsRepository.Profile> profiles) {
        return grouped(profiles, p -> p.country() == null ? CourseInsightsDto.NOT_STATED : p.country(), List.of());
    }

    private static Breakdown education(List<InsightsRepository.Profile> profiles) {
        return grouped(profiles, p -> p.education() == null ? CourseInsightsDto.NOT_STATED
                : EDUCATION.contains(p.education()) ? p.education() : "other", EDUCATION);
    }

    private static Breakdown grouped(List<InsightsRepository.Profile> profiles,
                                     Function<InsightsRepository.Profile, String> key, List<String> always) {
        Map<String, Long> byKey = new LinkedHashMap<>();
        always.forEach(k -> byKey.put(k, 0L));
        Map<String, Long> found = new TreeMap<>();
        for (InsightsRepository.Profile p : profiles) {
            found.merge(key.apply(p), p.count(), Long::sum);
        }
        Long notStated = found.remove(CourseInsightsDto.NOT_STATED);
        found.forEach((k, v) -> byKey.merge(k, v, Long::sum));
        byKey.put(CourseInsightsDto.NOT_STATED, notStated == null ? 0L : notStated);
        return new Breakdown(List.copyOf(byKey.keySet()), byKey.values().stream().mapToLong(Long::longValue).toArray());
    }

    /** The month-by-mode table: one series per mode that has enrollments, every month from the first to the last. */
    private record Months(List<String> modes, List<YearMonth> months, long[] cells) {
        List<InsightSeries> series(SmallCells.Decision decision) {
            List<InsightSeries> out = new ArrayList<>();
            for (int m = 0; m < modes.size(); m++) {
                List<InsightCell> cellsOfMode = new ArrayList<>();
                for (int i = 0; i < months.size(); i++) {
                    int index = m * months.size() + i;
                    cellsOfMode.add(cell(months.get(i).toString(), cells[index], decision.isSuppressed(index)));
                }
                out.add(new InsightSeries(modes.get(m), cellsOfMode));
            }
            return out;
        }
    }

    private static Months months(List<InsightsRepository.DayMode> days) {
        if (days.isEmpty()) {
            return new Months(List.of(), List.of(), new long[0]);
        }
        TreeSet<String> modes = new TreeSet<>(Comparator.comparingInt(InsightsAssembler::modeOrder)
                .thenComparing(Comparator.naturalOrder()));
        YearMonth first = null;
        YearMonth last = null;
        for (InsightsRepository.DayMode d : days) {
            modes.add(d.mode());
            YearMonth month = YearMonth.from(LocalDate.ofEpochDay(d.day()));
            first = first == null || month.isBefore(first) ? month : first;
            last = last == null || month.isAfter(last) ? month : last;
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        List<String> modeList = List.copyOf(modes);
        long[] cells = new long[modeList.size() * months.size()];
        for (InsightsRepository.DayMode d : days) {
            YearMonth month = YearMonth.from(LocalDate.ofEpochDay(d.day()));
            int index = modeList.indexOf(d.mode()) * months.size() + months.indexOf(month);
            cells[index] += d.count();
        }
        return new Months(modeList, months, cells);
    }

    private static int modeOrder(String mode) {
        for (EnrollmentMode m : EnrollmentMode.values()) {
            if (m.name().equals(mode)) {
                return m.ordinal();
            }
        }
        return EnrollmentMode.values().length;
    }

    /**
     * Learners whose span of activity covers each week: from the week of enrollment (or of the last activity, if a
     * record says it came first) to the week of the last activity. Counts under 5 are suppressed; these counts add
     * up to nothing that is shown, so nothing can be subtracted.
     */
    private static List<InsightCell> activeByWeek(Counts counts) {
        if (counts.enrollments().isEmpty()) {
            return List.of();
        }
        long firstDay = counts.enrollments().stream().mapToLong(InsightsRepository.DayMode::day).min().orElseThrow();
        long lastDay = counts.enrollments().stream().mapToLong(InsightsRepository.DayMode::day).max().orElseThrow();
        long from = Math.floorDiv(firstDay - 4, 7);
        long to = Math.floorDiv(lastDay - 4, 7);
        for (InsightsRepository.WeekSpan s : counts.activity()) {
            from = Math.min(from, Math.min(s.firstWeek(), s.lastWeek()));
            to = Math.max(to, s.lastWeek());
        }
        from = Math.max(from, to - MAX_WEEKS + 1);
        long[] change = new long[(int) (to - from + 2)];
        for (InsightsRepository.WeekSpan s : counts.activity()) {
            long start = Math.max(from, Math.min(s.firstWeek(), s.lastWeek()));
            if (s.lastWeek() < from) {
                continue;
            }
            change[(int) (start - from)] += s.count();
            change[(int) (s.lastWeek() - from + 1)] -= s.count();
        }
        List<InsightCell> cells = new ArrayList<>();
        long active = 0;
        for (long w = from; w <= to; w++) {
            active += change[(int) (w - from)];
            String monday = LocalDate.ofEpochDay(InsightsRepository.mondayOfWeek(w)).toString();
            cells.add(cell(monday, active, active > 0 && active < SmallCells.THRESHOLD));
        }
        return cells;
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }
}
