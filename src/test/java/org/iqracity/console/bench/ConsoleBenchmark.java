package org.iqracity.console.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.collections.ListChangeListener;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.client.PlatformConnector;
import org.iqracity.console.ui.learners.LearnerRow;
import org.iqracity.console.ui.learners.LearnersViewModel.State;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue #3: the console's learners screen (real View, ViewModel and HTTP client) against platforms running in
 * their own processes. {@code mvn -Pbenchmark test -Dtest=ConsoleBenchmark} forks a console JVM with
 * {@code -Xmx512m}; {@link #main} is that JVM. Settings are {@code cbench.*} system properties (see {@link #P}).
 * Prints a table and writes {@code target/console-benchmark.md}; a missed target is a FAIL row, not an error.
 */
@Tag("benchmark")
class ConsoleBenchmark {

    /** Settings, each a system property {@code cbench.<name>}. */
    static final class P {
        /** An H2 data folder or a jdbc:postgresql: address. */
        static final String BIG_DATA = prop("bigData", "target/cbench-data/h2-1m");
        static final int BIG_LEARNERS = Integer.parseInt(prop("bigLearners", "1000000"));
        static final String SMALL_DATA = prop("smallData", "target/cbench-data/h2-2k");
        static final int SMALL_LEARNERS = Integer.parseInt(prop("smallLearners", "2000"));
        static final String COURSE = prop("course", "course-v1:Northbridge+CS101+2026_T1");
        static final String OTHER_COURSE = prop("otherCourse", "course-v1:Northbridge+DS200+2026_T1");
        static final String USER = prop("user", "nb-admin");
        static final String PASSWORD = prop("password", "sandbox-password");
        static final int WARMUP = Integer.parseInt(prop("warmup", "3"));
        static final int SELECTIONS = Integer.parseInt(prop("selections", "20"));
        static final int SEARCHES = Integer.parseInt(prop("searches", "30"));
        /** The console's own debounce (ConsoleApp). */
        static final int DEBOUNCE_MS = Integer.parseInt(prop("debounceMs", "200"));
        static final int KEY_INTERVAL_MS = Integer.parseInt(prop("keyIntervalMs", "90"));
        static final int SCROLL_STEP = Integer.parseInt(prop("scrollStep", "200"));
        static final int SCROLL_TIMEOUT_S = Integer.parseInt(prop("scrollTimeoutSec", "1500"));
        static final String PLATFORM_HEAP = prop("platformHeap", "3g");
        static final String CONSOLE_HEAP = prop("consoleHeap", "512m");
        static final Path OUT = Path.of(prop("out", "target/console-benchmark.md"));
        static final long SEED = Long.parseLong(prop("seed", "3"));
        /** Jumps measured: each on a fresh list, the bar set at once to a place in the course (issue #27). */
        static final int JUMPS = Integer.parseInt(prop("jumps", "6"));
        static final int JUMP_TIMEOUT_S = Integer.parseInt(prop("jumpTimeoutSec", "300"));
        /**
         * Seconds the platform runs before the jumps: a platform serving for a while holds its large courses'
         * snapshots (read at start and when a course is opened); 0 measures a platform just started.
         */
        static final int JUMP_WARM_S = Integer.parseInt(prop("jumpWarmSec", "30"));
        /** Jumps made first and not counted, while the console's code is compiled. */
        static final int JUMP_WARMUPS = Integer.parseInt(prop("jumpWarmups", "4"));
        /** "all", "search" (keystroke to results only), "scroll" (scroll and heap only) or "jump": quicker runs. */
        static final String ONLY = prop("only", "all");

        private static String prop(String name, String fallback) {
            return System.getProperty("cbench." + name, fallback);
        }
    }

    private static final double MB = 1024.0 * 1024.0;

    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** Forks the console JVM with the heap the issue allows and fails only if the benchmark could not run. */
    @Test
    void consoleAgainstSeparatePlatform() throws Exception {
        List<String> command = new ArrayList<>(List.of(SeparatePlatform.javaBinary(), "-Xmx" + P.CONSOLE_HEAP,
                "--enable-native-access=ALL-UNNAMED", "-Dglass.platform=Headless", "-Dprism.order=sw",
                "-Djavafx.cachedir=target/openjfx-cache"));
        // -Dcbench.consoleJvm="..." adds options to the console's JVM, e.g. a flight recording to profile it.
        String extra = System.getProperty("cbench.consoleJvm", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("cbench."))
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.addAll(List.of("-cp", classpath(), ConsoleBenchmark.class.getName()));
        // Surefire owns this JVM's native streams: relay the console JVM's output through System.out.
        Process console = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Stopped with this JVM, which then stops its platforms (SeparatePlatform.stopOnExit).
        Thread hook = SeparatePlatform.stopOnExit(console);
        try (var out = new BufferedReader(new InputStreamReader(console.getInputStream(),
                StandardCharsets.UTF_8))) {
            out.lines().forEach(System.out::println);
        }
        assertThat(console.waitFor()).as("console benchmark JVM exit code").isZero();
        SeparatePlatform.forget(hook);
    }

    public static void main(String[] args) throws Exception {
        int exit = 0;
        try {
            new ConsoleBenchmark().run();
        } catch (Throwable e) {
            e.printStackTrace();
            exit = 1;
        }
        Platform.exit();
        System.exit(exit);
    }

    /** The test class path: surefire's manifest-only jar hides it from java.class.path. */
    static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    private void run() throws Exception {
        Instant started = Instant.now();
        notes.add("Started " + started + "; load average " + loadAverage() + "; " + Runtime.getRuntime()
                .availableProcessors() + " cores; console max heap " + Math.round(Runtime.getRuntime().maxMemory() / MB)
                + " MiB; platform heap " + P.PLATFORM_HEAP + "; JDK " + System.getProperty("java.version")
                + "; debounce " + P.DEBOUNCE_MS + " ms.");
        notes.add("Busiest processes at start: " + busiest());
        Path logs = P.OUT.toAbsolutePath().getParent().resolve("cbench-logs");
        ConsoleUnderTest.startToolkit();
        try (SeparatePlatform small = SeparatePlatform.start(P.SMALL_DATA, P.SMALL_LEARNERS, P.PLATFORM_HEAP,
                logs.resolve("platform-small.log"), 30);
             SeparatePlatform big = SeparatePlatform.start(P.BIG_DATA, P.BIG_LEARNERS, P.PLATFORM_HEAP,
                     logs.resolve("platform-big.log"), 60)) {
            notes.add("Platforms: " + P.BIG_DATA + " (pid " + big.pid() + "), " + P.SMALL_DATA + " (pid "
                    + small.pid() + "), each its own JVM.");
            boolean all = "all".equals(P.ONLY);
            BenchStats smallOpen = null;
            CourseDto smallCourse = null;
            if (all) {
                try (ConsoleUnderTest console = open(small)) {
                    smallCourse = console.course(P.COURSE);
                    smallOpen = selections(console, small, "1k");
                }
            }
            try (ConsoleUnderTest console = open(big)) {
                CourseDto bigCourse = console.course(P.COURSE);
                if (all) {
                    BenchStats bigOpen = selections(console, big, "500k");
                    reportSelections(bigCourse, bigOpen, smallCourse, smallOpen);
                } else {
                    select(console, bigCourse, firstId(direct(big), bigCourse));
                }
                if (all || "search".equals(P.ONLY)) {
                    search(console, big);
                }
                if (all || "jump".equals(P.ONLY)) {
                    jumps(console, big, bigCourse);
                }
                if (all || "scroll".equals(P.ONLY)) {
                    idlePulses(console);
                    scroll(console, bigCourse);
                }
            }
        } finally {
            notes.add("Finished " + Instant.now() + " (" + Duration.between(started, Instant.now()).toSeconds()
                    + " s); load average " + loadAverage() + ".");
            write();
        }
    }

    private static ConsoleUnderTest open(SeparatePlatform platform) {
        ConsoleUnderTest console = ConsoleUnderTest.open(platform.baseUri(), P.USER, P.PASSWORD,
                Duration.ofMillis(P.DEBOUNCE_MS));
        waitFor("courses listed", 60, () -> !console.vm.courses().isEmpty()
                && console.vm.stateProperty().get() == State.READY);
        return console;
    }

    // ---- 1. selecting a course --------------------------------------------------------------------------------

    private BenchStats selections(ConsoleUnderTest console, SeparatePlatform platform, String label) {
        CourseDto target = console.course(P.COURSE);
        CourseDto other = console.course(P.OTHER_COURSE);
        PlatformClient direct = direct(platform);
        String targetFirst = firstId(direct, target);
        String otherFirst = firstId(direct, other);
        notes.add(String.format("Selection %s: %s has %,d learners; alternated with %s (%,d). Load average before: %s.",
                label, target.id(), target.enrollmentCount(), other.id(), other.enrollmentCount(), loadAverage()));
        List<Double> samples = new ArrayList<>();
        List<Double> toSent = new ArrayList<>();
        List<Double> answer = new ArrayList<>();
        List<Double> toShown = new ArrayList<>();
        for (int i = 0; i < P.WARMUP + P.SELECTIONS; i++) {
            select(console, other, otherFirst);
            double ms = select(console, target, targetFirst);
            if (i >= P.WARMUP) {
                samples.add(ms);
                toSent.add((console.firstPageSent - lastSelectStart) / 1e6);
                answer.add((console.firstPageAnswered - console.firstPageSent) / 1e6);
                toShown.add((lastSelectShown - console.firstPageAnswered) / 1e6);
            }
        }
        BenchStats stats = BenchStats.ofMillis(samples);
        BenchStats sent = BenchStats.ofMillis(toSent);
        BenchStats answered = BenchStats.ofMillis(answer);
        BenchStats shownAfter = BenchStats.ofMillis(toShown);
        row("  select " + String.format("%,d", target.enrollmentCount())
                + ": pick → request sent / request → answer read"
                        + " / answer → first rows, median ms (p95)",
                String.format("%.1f (%.1f) / %.1f (%.1f) / %.1f (%.1f)", sent.median(), sent.percentile(95),
                        answered.median(), answered.percentile(95), shownAfter.median(), shownAfter.percentile(95)),
                "(diagnosis)", null);
        List<Double> http = new ArrayList<>();
        for (int i = 0; i < P.SELECTIONS; i++) {
            long t0 = System.nanoTime();
            direct.learners().page(target.id(), LearnerQuery.firstPage());
            http.add((System.nanoTime() - t0) / 1e6);
            direct.learners().page(other.id(), LearnerQuery.firstPage());
        }
        BenchStats alone = BenchStats.ofMillis(http);
        System.out.printf("selection %s: %s; HTTP alone %s%n", label, stats.summary(), alone.summary());
        row("first page of " + String.format("%,d", target.enrollmentCount()) + ", HTTP request alone, p95 ms (median)",
                String.format("%.1f (%.1f)", alone.percentile(95), alone.median()), "(diagnosis)", null);
        return stats;
    }

    /** System.nanoTime() when the last {@link #select} picked its course and when its first row was in the table. */
    private static volatile long lastSelectStart;
    private static volatile long lastSelectShown;

    /** Picks {@code course} in the combo box; milliseconds until the table's items hold its first row. */
    private static double select(ConsoleUnderTest console, CourseDto course, String firstId) {
        CompletableFuture<Long> shown = new CompletableFuture<>();
        long t0 = ConsoleUnderTest.onFx(() -> {
            ListChangeListener<LearnerRow> listener = new ListChangeListener<>() {
                @Override
                public void onChanged(Change<? extends LearnerRow> change) {
                    var items = console.table.getItems();
                    if (!items.isEmpty() && !items.getFirst().isMore()
                            && items.getFirst().learner().learnerId().equals(firstId)) {
                        shown.complete(System.nanoTime());
                        items.removeListener(this);
                    }
                }
            };
            console.table.getItems().addListener(listener);
            long start = System.nanoTime();
            console.picker.setValue(course);
            return start;
        });
        long t1 = join(shown, 60);
        lastSelectStart = t0;
        lastSelectShown = t1;
        waitFor("course ready", 60, () -> console.vm.stateProperty().get() == State.READY);
        pause(150);
        System.out.println("selected " + course.id() + ": window at " + ConsoleUnderTest.onFx(() -> console.vm.window()
                .base() + ", top row drawn " + console.firstVisibleIndex() + ", bar " + console.scrollBar.getValue()));
        return (t1 - t0) / 1e6;
    }

    private void reportSelections(CourseDto big, BenchStats bigOpen, CourseDto small, BenchStats smallOpen) {
        String bigName = String.format("%,d", big.enrollmentCount());
        String smallName = String.format("%,d", small.enrollmentCount());
        row("select course of " + bigName + " → first rows in table, p95 ms (median)",
                String.format("%.1f (%.1f, n=%d)", bigOpen.percentile(95), bigOpen.median(), bigOpen.n()),
                "≤ 500 ms", bigOpen.percentile(95) <= 500);
        row("select course of " + smallName + " (second platform) → first rows, p95 ms (median)",
                String.format("%.1f (%.1f, n=%d)", smallOpen.percentile(95), smallOpen.median(), smallOpen.n()),
                "(baseline)", null);
        double ratio = bigOpen.median() / smallOpen.median();
        double ratio95 = bigOpen.percentile(95) / smallOpen.percentile(95);
        row("ratio " + bigName + " / " + smallName + ", median (p95)",
                String.format("%.2f× (%.2f×)", ratio, ratio95), "≤ 1.5×", ratio <= 1.5);
    }

    // ---- 1b. jump to rows (issue #27) -----------------------------------------------------------------------------

    /**
     * A person throws the scroll bar to a place in the course (the middle, near the end, the end) on a list just
     * opened: the time until every row on screen shows its learner. The console asks for the page at the place jumped
     * to ({@code at=}), which a course held in the platform's snapshot answers by arithmetic.
     */
    private void jumps(ConsoleUnderTest console, SeparatePlatform platform, CourseDto course) {
        double[] places = {0.5, 1.0, 0.25, 0.9, 0.75, 1.0};
        String first = firstId(direct(platform), course);
        pause(TimeUnit.SECONDS.toMillis(P.JUMP_WARM_S));
        // The first jumps of a console run its code for the first time (the JIT compiles it as they go): reported, not
        // counted, as a steady state is what a person working in the screen meets.
        List<String> warmups = new ArrayList<>();
        for (int i = 0; i < P.JUMP_WARMUPS; i++) {
            double place = places[i % places.length];
            double ms = jump(console, course, first, place);
            warmups.add(describe(place, ms));
        }
        List<Double> samples = new ArrayList<>();
        List<String> each = new ArrayList<>();
        for (int i = 0; i < P.JUMPS; i++) {
            double place = places[i % places.length];
            double ms = jump(console, course, first, place);
            samples.add(ms);
            each.add(describe(place, ms));
        }
        BenchStats stats = BenchStats.ofMillis(samples);
        System.out.println("jumps (first " + warmups.size() + " not counted: " + String.join(", ", warmups) + "): "
                + String.join(", ", each));
        notes.add("Jumps in " + course.id() + " (" + String.format("%,d", course.enrollmentCount())
                + " learners), " + P.JUMP_WARM_S
                        + " s after the course was opened, each on a list just opened, the bar "
                + "set at once. Not counted, the console's first " + warmups.size() + ": " + String.join(", ", warmups)
                + ". Counted: " + String.join(", ", each) + ".");
        row("jump to rows (bar thrown to 25-100% of a fresh list) → rows on screen filled, p95 ms (median)",
                String.format("%.1f (%.1f, n=%d)", stats.percentile(95), stats.median(), stats.n()), "≤ 500 ms",
                stats.percentile(95) <= 500);
    }

    private static String describe(double place, double ms) {
        return String.format(Locale.ROOT, "%.0f%% %s", place * 100, Double.isInfinite(ms)
                ? "not filled in " + P.JUMP_TIMEOUT_S + " s" : String.format(Locale.ROOT, "%.0f ms", ms));
    }

    /**
     * One jump on a list just opened (narrowed, then widened again: the bar left where the last jump put it goes back
     * to the top with the new list): milliseconds until the rows on screen are filled, or infinity.
     */
    private static double jump(ConsoleUnderTest console, CourseDto course, String first, double place) {
        ConsoleUnderTest.onFx(() -> {
            console.search.setText("zz");
            return null;
        });
        waitFor("narrowed list", 60, () -> console.vm.stateProperty().get() != State.LOADING
                && console.vm.rows().size() < course.enrollmentCount());
        clearSearch(console, first);
        long start = System.nanoTime();
        int target = ConsoleUnderTest.onFx(() -> {
            console.scrollBar.setValue(console.scrollBar.getMax() * place);
            return (int) console.scrollBar.getValue();
        });
        long end = start + TimeUnit.SECONDS.toNanos(P.JUMP_TIMEOUT_S);
        boolean filled = false;
        while (!filled && System.nanoTime() < end) {
            // Judged once the table has laid the rows out where the bar was set, not the rows it showed before.
            filled = ConsoleUnderTest.onFx(() -> Math.abs(console.firstVisibleIndex() - target) < 50
                    && console.rowsOnScreenFilled());
            if (!filled) {
                pause(5);
            }
        }
        return filled ? (System.nanoTime() - start) / 1e6 : Double.POSITIVE_INFINITY;
    }

    // ---- 2. keystroke to results --------------------------------------------------------------------------------

    private void search(ConsoleUnderTest console, SeparatePlatform platform) {
        CourseDto course = console.course(P.COURSE);
        PlatformClient direct = direct(platform);
        List<String> prefixes = prefixes(direct, course);
        notes.add("Search in " + course.id() + ": " + prefixes.size() + " prefixes of 3-6 characters of usernames "
                + "and emails (e.g. " + prefixes.stream().limit(6).collect(Collectors.joining(", "))
                + "), typed one key every " + P.KEY_INTERVAL_MS + " ms; debounce " + P.DEBOUNCE_MS
                + " ms. Load average before: " + loadAverage() + ".");
        String first = firstId(direct, course);
        List<Double> samples = new ArrayList<>();
        List<Double> rowsShown = new ArrayList<>();
        List<Double> untilSent = new ArrayList<>();
        List<Double> answering = new ArrayList<>();
        List<Double> afterAnswer = new ArrayList<>();
        for (String prefix : prefixes) {
            clearSearch(console, first);
            long[] lastKey = new long[1];
            double ms = type(console, prefix, rowsShown, lastKey);
            samples.add(ms);
            long shownAt = lastKey[0] + (long) (ms * 1e6);
            untilSent.add((console.searchSent - lastKey[0]) / 1e6);
            answering.add((console.searchAnswered - console.searchSent) / 1e6);
            afterAnswer.add((shownAt - console.searchAnswered) / 1e6);
        }
        clearSearch(console, first);
        List<Double> http = new ArrayList<>();
        for (String prefix : prefixes) {
            long t0 = System.nanoTime();
            direct.learners().page(course.id(), LearnerQuery.firstPage().withSearch(prefix));
            http.add((System.nanoTime() - t0) / 1e6);
        }
        BenchStats ui = BenchStats.ofMillis(samples);
        BenchStats alone = BenchStats.ofMillis(http);
        System.out.printf("search: %s; HTTP alone %s%n", ui.summary(), alone.summary());
        row("last keystroke → matching first page shown, p95 ms (median), incl. " + P.DEBOUNCE_MS + " ms debounce",
                String.format("%.1f (%.1f, n=%d; rows shown median %.0f)", ui.percentile(95), ui.median(), ui.n(),
                        BenchStats.ofMillis(rowsShown).median()), "≤ 300 ms", ui.percentile(95) <= 300);
        System.out.println("search, answer ms in typing order: " + answering.stream()
                .map(v -> String.format(Locale.ROOT, "%.0f", v)).collect(Collectors.joining(" ")));
        BenchStats sent = BenchStats.ofMillis(untilSent);
        BenchStats answer = BenchStats.ofMillis(answering);
        BenchStats after = BenchStats.ofMillis(afterAnswer);
        row("  of which: last keystroke → request sent / request → answer read / answer → rows shown, p95 ms (median)",
                String.format("%.1f (%.1f) / %.1f (%.1f) / %.1f (%.1f)", sent.percentile(95), sent.median(),
                        answer.percentile(95), answer.median(), after.percentile(95), after.median()),
                "(diagnosis)", null);
        row("same searches, HTTP request alone (asked again afterwards), p95 ms (median)",
                String.format("%.1f (%.1f)", alone.percentile(95), alone.median()), "(diagnosis)", null);
    }

    private static List<String> prefixes(PlatformClient direct, CourseDto course) {
        List<LearnerRowDto> pool = new ArrayList<>();
        for (LearnerSort sort : LearnerSort.values()) {
            for (boolean desc : new boolean[] {false, true}) {
                pool.addAll(direct.learners().page(course.id(), LearnerQuery.firstPage().withSort(sort, desc)).items());
            }
        }
        pool.removeIf(r -> r.retired() || r.email() == null);
        Random random = new Random(P.SEED);
        Collections.shuffle(pool, random);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; out.size() < P.SEARCHES && i < pool.size(); i++) {
            LearnerRowDto r = pool.get(i);
            String source = i % 2 == 0 ? r.username() : r.email();
            out.add(source.substring(0, Math.min(source.length(), 3 + random.nextInt(4))).toLowerCase(Locale.ROOT));
        }
        return new ArrayList<>(out);
    }

    private static void clearSearch(ConsoleUnderTest console, String firstId) {
        ConsoleUnderTest.onFx(() -> {
            console.search.clear();
            return null;
        });
        try {
            waitFor("unfiltered list", 60, () -> console.vm.stateProperty().get() == State.READY
                    && !console.table.getItems().isEmpty()
                    && console.table.getItems().getFirst().learner() != null
                    && firstId.equals(console.table.getItems().getFirst().learner().learnerId()));
        } catch (IllegalStateException e) {
            String seen = ConsoleUnderTest.onFx(() -> console.vm.stateProperty().get() + ", " + console.table
                    .getItems().size() + " rows, window at " + console.vm.window().base() + " of "
                    + console.vm.window().total() + ", top row drawn " + console.firstVisibleIndex() + ", bar "
                    + console.scrollBar.getValue() + " / " + console.scrollBar.getMax() + ", first "
                    + (console.table.getItems().isEmpty() ? "none"
                            : console.table.getItems().getFirst().learner() == null
                    ? "loading" : console.table.getItems().getFirst().learner().learnerId()) + ", expected " + firstId
                    + ", search '" + console.search.getText() + "'");
            throw new IllegalStateException(e.getMessage() + ": " + seen, e);
        }
        pause(300);
    }

    private static double type(ConsoleUnderTest console, String prefix, List<Double> rowsShown, long[] lastKey) {
        CompletableFuture<Long> shown = new CompletableFuture<>();
        ConsoleUnderTest.onFx(() -> {
            InvalidationListener listener = new InvalidationListener() {
                @Override
                public void invalidated(Observable obs) {
                    State now = console.vm.stateProperty().get();
                    if (lastKey[0] == 0) {
                        return;
                    }
                    if (now == State.READY && allMatch(console, prefix)) {
                        shown.complete(System.nanoTime());
                        console.vm.stateProperty().removeListener(this);
                    } else if (now == State.EMPTY || now == State.ERROR) {
                        shown.completeExceptionally(new IllegalStateException(now + " for " + prefix));
                        console.vm.stateProperty().removeListener(this);
                    }
                }
            };
            console.vm.stateProperty().addListener(listener);
            return null;
        });
        for (int i = 0; i < prefix.length(); i++) {
            if (i > 0) {
                pause(P.KEY_INTERVAL_MS);
            }
            String key = prefix.substring(i, i + 1);
            boolean last = i == prefix.length() - 1;
            ConsoleUnderTest.onFx(() -> {
                if (last) {
                    lastKey[0] = System.nanoTime();
                }
                console.search.appendText(key);
                return null;
            });
        }
        long t1 = join(shown, 60);
        rowsShown.add((double) ConsoleUnderTest.onFx(() -> console.vm.pages().loaded()));
        return (t1 - lastKey[0]) / 1e6;
    }

    private static boolean allMatch(ConsoleUnderTest console, String prefix) {
        var items = console.table.getItems();
        return !items.isEmpty() && items.stream().allMatch(r -> r.isMore() || matches(r.learner(), prefix));
    }

    private static boolean matches(LearnerRowDto row, String prefix) {
        return startsWith(row.username(), prefix) || startsWith(row.email(), prefix) || startsWith(row.name(), prefix);
    }

    private static boolean startsWith(String value, String prefix) {
        return value != null && value.toLowerCase(Locale.ROOT).startsWith(prefix);
    }

    // ---- 3 and 4. scrolling to the bottom, heap --------------------------------------------------------------

    private void scroll(ConsoleUnderTest console, CourseDto course) {
        gc();
        double baseline = usedHeapMb();
        long total = course.enrollmentCount();
        notes.add(String.format("Scroll: %,d rows, %d rows a step, one step a pulse (AnimationTimer), until the last"
                + " row is drawn. Heap after GC before scrolling: %.1f MiB. Load average before: %s.",
                total, P.SCROLL_STEP, baseline, loadAverage()));
        resetPeaks();
        long gcBefore = gcMillis();
        long requestsBefore = console.requests.get();
        PulseRecorder pulses = new PulseRecorder(console, total, P.SCROLL_STEP);
        GcPauses gcPauses = new GcPauses();
        ConsoleUnderTest.onFx(() -> {
            pulses.start();
            return null;
        });
        long reached;
        String failure = null;
        try {
            reached = join(pulses.bottom, P.SCROLL_TIMEOUT_S);
        } catch (RuntimeException e) {
            reached = -1;
            failure = e.getCause() instanceof OutOfMemoryError ? "OutOfMemoryError" : String.valueOf(e.getCause());
        }
        ConsoleUnderTest.onFx(() -> {
            pulses.stop();
            return null;
        });
        gcPauses.close();
        long requests = console.requests.get() - requestsBefore;
        int loaded = ConsoleUnderTest.onFx(() -> console.vm.pages().loaded());
        int held = ConsoleUnderTest.onFx(() -> console.vm.pages().resident());
        double sampledMax = pulses.maxUsedMb;
        double peakPools = peakPoolsMb();
        double liveMax = pulses.maxLiveMb;
        long gcMs = gcMillis() - gcBefore;
        gc();
        double afterGc = usedHeapMb();
        BenchStats gaps = BenchStats.ofMillis(pulses.gaps());
        List<String> slowest = pulses.slowest(8);
        slowest.forEach(line -> System.out.println("scroll, slow " + line));
        notes.add("Slowest scroll pulses: " + String.join("; ", slowest) + ". " + pulses.schedSummary() + ".");
        double seconds = reached < 0 ? Double.NaN : (reached - pulses.startedAt) / 1e9;
        System.out.printf("scroll: gaps %s; %.1f s; %d requests; heap after GC %.1f MiB%n", gaps.summary(),
                seconds, requests, afterGc);
        boolean bottom = reached >= 0;
        row("scroll top → bottom: longest pulse gap, ms", String.format("%.1f (p99 %.1f, p50 %.1f, %d pulses)",
                gaps.max(), gaps.percentile(99), gaps.median(), gaps.n()), "≤ 50 ms", bottom && gaps.max() <= 50);
        row("scroll top → bottom: time to the last row drawn, s",
                bottom ? String.format("%.1f", seconds) : "not reached: " + failure, "(info)", bottom ? null : false);
        row("scroll top → bottom: requests made",
                String.format("%,d (rows listed %,d, held in memory %,d)", requests, loaded, held),
                "(info)", null);
        row("console heap after GC, at the bottom of " + String.format("%,d", total) + ", MiB",
                String.format("%.1f (%.1f before scrolling; %.0f B a row listed)", afterGc, baseline,
                        loaded == 0 ? 0 : (afterGc - baseline) * MB / loaded), "< 512 MiB (-Xmx"
                        + P.CONSOLE_HEAP + ")", bottom && afterGc < 512);
        row("console heap while scrolling: live after GCs max / pool peaks sum / used sampled max, MiB",
                String.format("%.1f / %.1f / %.1f; GC time %d ms, longest pause %d ms", liveMax, peakPools,
                        sampledMax, gcMs, gcPauses.maxMillis),
                "< 512 MiB", bottom && liveMax < 512);
    }

    /** Pulse gaps with the same window standing still: what the machine and the software renderer allow. */
    private void idlePulses(ConsoleUnderTest console) {
        PulseRecorder idle = new PulseRecorder(console, Long.MAX_VALUE, 0);
        ConsoleUnderTest.onFx(() -> {
            idle.start();
            return null;
        });
        pause(5_000);
        ConsoleUnderTest.onFx(() -> {
            idle.stop();
            return null;
        });
        BenchStats gaps = BenchStats.ofMillis(idle.gaps());
        row("pulse gaps standing still for 5 s (machine baseline), max ms",
                String.format("%.1f (p99 %.1f, p50 %.1f, %d pulses; load average %s)", gaps.max(), gaps.percentile(99),
                        gaps.median(), gaps.n(), loadAverage()), "(diagnosis)", null);
    }

    /** The longest single collection pause while {@code work} runs, in ms. */
    private static final class GcPauses implements AutoCloseable {
        private final List<Runnable> undo = new ArrayList<>();
        volatile long maxMillis;

        GcPauses() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    NotificationListener listener = (n, h) -> {
                        if (n.getUserData() instanceof CompositeData data) {
                            var info = GarbageCollectionNotificationInfo.from(data);
                            // Concurrent cycles run beside the application; only stop-the-world pauses block it.
                            if (!info.getGcName().contains("Concurrent")) {
                                maxMillis = Math.max(maxMillis, info.getGcInfo().getDuration());
                            }
                        }
                    };
                    emitter.addNotificationListener(listener, null, null);
                    undo.add(() -> {
                        try {
                            emitter.removeNotificationListener(listener);
                        } catch (ListenerNotFoundException ignored) {
                            // already gone
                        }
                    });
                }
            }
        }

        @Override
        public void close() {
            undo.forEach(Runnable::run);
        }
    }

    /** Scrolls one step a pulse and records when each pulse ran; completes when the last row is drawn. */
    private static final class PulseRecorder extends AnimationTimer {
        final CompletableFuture<Long> bottom = new CompletableFuture<>();
        private final ConsoleUnderTest console;
        private final long total;
        private final int step;
        private long[] stamps = new long[4096];
        /** Per pulse: when handle() ended, when layout ended, requests and collections so far, rows listed. */
        private long[] handled = new long[4096];
        private long[] laidOut = new long[4096];
        private long[] requestsAt = new long[4096];
        private long[] collectionsAt = new long[4096];
        private int[] sizeAt = new int[4096];
        /** The kernel's schedstat of whichever thread reads it: here the FX thread, in handle(). */
        private static final Path OWN_STAT = Path.of("/proc/thread-self/schedstat");
        /**
         * The FX and render threads' time on a core and time waiting for one, from the kernel (Linux), when each
         * pulse began.
         */
        private long[] cpuAt = new long[4096];
        private long[] queuedAt = new long[4096];
        private long[] renderCpuAt = new long[4096];
        private long[] renderQueuedAt = new long[4096];
        /** The render thread's schedstat file, found by its name among this process's threads. */
        private Path renderStat;
        private int count;
        private int position;
        private final Runnable afterLayout = () -> {
            if (count > 0) {
                laidOut[count - 1] = System.nanoTime();
            }
        };
        long startedAt;
        /** Wall-clock nanoseconds minus {@code System.nanoTime()}, to place slow pulses beside other logs (GC). */
        private long wallOffset;
        double maxUsedMb;
        double maxLiveMb;

        PulseRecorder(ConsoleUnderTest console, long total, int step) {
            this.console = console;
            this.total = total;
            this.step = step;
        }

        @Override
        public void start() {
            startedAt = System.nanoTime();
            wallOffset = System.currentTimeMillis() * 1_000_000L - startedAt;
            renderStat = threadStat("QuantumRendere");
            console.table.getScene().addPostLayoutPulseListener(afterLayout);
            super.start();
        }

        @Override
        public void stop() {
            super.stop();
            console.table.getScene().removePostLayoutPulseListener(afterLayout);
        }

        /** The {@code n} longest gaps, each with what happened in the pulse before it. */
        List<String> slowest(int n) {
            List<Integer> order = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                order.add(i);
            }
            order.sort((a, b) -> Long.compare(stamps[b] - stamps[b - 1], stamps[a] - stamps[a - 1]));
            List<String> out = new ArrayList<>();
            for (int i : order.subList(0, Math.min(n, order.size()))) {
                int p = i - 1;
                String at = LocalTime.ofInstant(Instant.ofEpochSecond(0, stamps[p] + wallOffset),
                        ZoneOffset.UTC).toString();
                out.add(String.format(Locale.ROOT,
                        "pulse %d (began %s UTC): gap %.1f ms = handle %.1f + css/layout %.1f + render "
                        + "and wait %.1f; FX thread on a core %.1f, waiting for one %.1f; renderer %.1f, waiting %.1f;"
                        + " requests %d, collections %d, rows listed %,d -> %,d",
                        i, at, (stamps[i] - stamps[p]) / 1e6, (handled[p] - stamps[p]) / 1e6,
                        laidOut[p] == 0 ? Double.NaN : (laidOut[p] - handled[p]) / 1e6,
                        laidOut[p] == 0 ? Double.NaN : (stamps[i] - laidOut[p]) / 1e6,
                        (cpuAt[i] - cpuAt[p]) / 1e6, (queuedAt[i] - queuedAt[p]) / 1e6,
                        (renderCpuAt[i] - renderCpuAt[p]) / 1e6, (renderQueuedAt[i] - renderQueuedAt[p]) / 1e6,
                        requestsAt[i] - requestsAt[p], collectionsAt[i] - collectionsAt[p], sizeAt[p], sizeAt[i]));
            }
            return out;
        }

        @Override
        public void handle(long now) {
            long t = System.nanoTime();
            if (count == stamps.length) {
                stamps = Arrays.copyOf(stamps, count * 2);
                handled = Arrays.copyOf(handled, count * 2);
                laidOut = Arrays.copyOf(laidOut, count * 2);
                requestsAt = Arrays.copyOf(requestsAt, count * 2);
                collectionsAt = Arrays.copyOf(collectionsAt, count * 2);
                sizeAt = Arrays.copyOf(sizeAt, count * 2);
                cpuAt = Arrays.copyOf(cpuAt, count * 2);
                renderCpuAt = Arrays.copyOf(renderCpuAt, count * 2);
                renderQueuedAt = Arrays.copyOf(renderQueuedAt, count * 2);
                queuedAt = Arrays.copyOf(queuedAt, count * 2);
            }
            long[] sched = schedStat(OWN_STAT);
            cpuAt[count] = sched[0];
            queuedAt[count] = sched[1];
            long[] render = renderStat == null ? new long[2] : schedStat(renderStat);
            renderCpuAt[count] = render[0];
            renderQueuedAt[count] = render[1];
            requestsAt[count] = console.requests.get();
            collectionsAt[count] = gcCount();
            sizeAt[count] = console.vm.rows().size();
            stamps[count++] = t;
            try {
                maxUsedMb = Math.max(maxUsedMb, usedHeapMb());
                maxLiveMb = Math.max(maxLiveMb, liveAfterGcMb());
                var items = console.vm.rows();
                // As a person reading down the list: never past the rows fetched (the list is as long as the course,
                // the rows not fetched yet standing as "loading" rows).
                int target = Math.min(position + step, console.vm.pages().loaded() - 1);
                if (step > 0 && target > position) {
                    // As a person dragging the course's scroll bar: the table lists a slice, the bar stands for all.
                    console.scrollBar.setValue(target);
                    position = target;
                }
                if (step > 0 && items.size() == total && !items.getLast().isMore()
                        && console.lastVisibleIndex() == total - 1) {
                    bottom.complete(t);
                }
            } catch (Throwable e) {
                bottom.completeExceptionally(e);
            }
            handled[count - 1] = System.nanoTime();
        }

        /** Over all pulses: the FX and render threads' time on a core and waiting for one, in ms per pulse. */
        String schedSummary() {
            if (count < 2 || cpuAt[count - 1] == 0) {
                return "no scheduler statistics (not Linux)";
            }
            double n = count - 1;
            return String.format(Locale.ROOT, "Per pulse (mean): FX thread on a core %.2f ms, waiting for one %.2f ms;"
                    + " renderer on a core %.2f ms, waiting %.2f ms",
                    (cpuAt[count - 1] - cpuAt[0]) / 1e6 / n, (queuedAt[count - 1] - queuedAt[0]) / 1e6 / n,
                    (renderCpuAt[count - 1] - renderCpuAt[0]) / 1e6 / n,
                    (renderQueuedAt[count - 1] - renderQueuedAt[0]) / 1e6 / n);
        }

        /** The schedstat file of this process's thread whose kernel name (15 characters at most) is {@code name}. */
        private static Path threadStat(String name) {
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    if (Files.readString(task.resolve("comm")).trim().startsWith(name)) {
                        return task.resolve("schedstat");
                    }
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
            return null;
        }

        /**
         * A thread's /proc schedstat: nanoseconds run and nanoseconds runnable but waiting for a core; zeros where
         * the file does not exist.
         */
        private static long[] schedStat(Path file) {
            try {
                String[] f = Files.readString(file).trim().split(" ");
                return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
            } catch (IOException | RuntimeException e) {
                return new long[2];
            }
        }

        List<Double> gaps() {
            List<Double> out = new ArrayList<>(count);
            for (int i = 1; i < count; i++) {
                out.add((stamps[i] - stamps[i - 1]) / 1e6);
            }
            return out;
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static PlatformClient direct(SeparatePlatform platform) {
        PlatformClient client = PlatformConnector.overHttp().connect(platform.baseUri());
        client.signIn(P.USER, P.PASSWORD, null);
        return client;
    }

    private static String firstId(PlatformClient direct, CourseDto course) {
        return direct.learners().page(course.id(), LearnerQuery.firstPage()).items().getFirst().learnerId();
    }

    private static void waitFor(String what, int seconds, BooleanSupplier onFx) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!ConsoleUnderTest.onFx(onFx::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            pause(5);
        }
    }

    private static long join(CompletableFuture<Long> future, int seconds) {
        try {
            return future.get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("did not happen in " + seconds + " s",
                    e.getCause() == null ? e : e.getCause());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void gc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            pause(200);
        }
    }

    private static double usedHeapMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MB;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    /** Heap in use right after the last collection of each pool: the live set as the collector last saw it. */
    private static double liveAfterGcMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : heapPools()) {
            if (pool.getCollectionUsage() != null) {
                sum += pool.getCollectionUsage().getUsed();
            }
        }
        return sum / MB;
    }

    private static double peakPoolsMb() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / MB;
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String busiest() {
        try {
            Process ps = new ProcessBuilder("ps", "-eo", "pid,pcpu,etime,args", "--sort=-pcpu").start();
            String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return out.lines().skip(1).limit(5)
                    .map(l -> l.strip().replaceAll("\\s+", " "))
                    .map(l -> l.length() > 140 ? l.substring(0, 140) + "…" : l)
                    .collect(Collectors.joining("; "));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void row(String metric, String measured, String target, Boolean pass) {
        rows.add(new String[] {metric, measured, target, pass == null ? "(info)" : pass ? "PASS" : "FAIL"});
    }

    private void write() throws IOException {
        StringBuilder md = new StringBuilder("# Console benchmark (issue #3)\n\n| metric | measured | target | result "
                + "|\n"
                + "|---|---|---|---|\n");
        for (String[] r : rows) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        md.append('\n');
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        System.out.println();
        for (String[] r : rows) {
            System.out.printf("%-100s %-60s %-24s %s%n", r[0], r[1], r[2], r[3]);
        }
        notes.forEach(n -> System.out.println("  " + n));
        Files.createDirectories(P.OUT.toAbsolutePath().getParent());
        Files.writeString(P.OUT, md);
        System.out.println("Written to " + P.OUT.toAbsolutePath());
    }
}
