package org.iqracity.console.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Scanner;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.roster.RosterManifest;
import org.iqracity.console.roster.RosterProtection;
import org.iqracity.console.roster.RosterReader;
import org.iqracity.console.roster.RosterWriter;
import org.iqracity.console.roster.RosterXlsx;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 7's XLSX leg without the million-learner sandbox: generated rows of all 22 roster fields, in an encrypted
 * {@code .iqroster}, converted by the console's CLI ({@code convert --xlsx}, a JVM of its own, as a person runs it)
 * and by LibreOffice from the same rows as CSV, one after the other on this machine. A third JVM times the
 * conversion's phases (decrypt and check alone; the rows into the workbook; saving).
 *
 * <pre>
 * JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -Pbenchmark test -Dtest=RosterXlsxBenchmark \
 *     [-Dxlsx.rows=200000] [-Dxlsx.courses=9] [-Dxlsx.soffice=/usr/bin/soffice] [-Dxlsx.jfr=true]
 * </pre>
 * Prints and writes {@code target/roster-xlsx-benchmark.md}; with {@code xlsx.jfr} the CLI run records a profile
 * ({@code target/xlsx-bench/convert.jfr}).
 */
@Tag("benchmark")
class RosterXlsxBenchmark {
    private static final int ROWS = Integer.getInteger("xlsx.rows", 200_000);
    private static final int COURSES = Integer.getInteger("xlsx.courses", 9);
    private static final String SOFFICE = System.getProperty("xlsx.soffice", "/usr/bin/soffice");
    private static final boolean JFR = Boolean.getBoolean("xlsx.jfr");
    private static final String HEAP = System.getProperty("xlsx.heap", "1g");
    private static final Path WORK = Path.of(System.getProperty("xlsx.work", "target/xlsx-bench")).toAbsolutePath();
    private static final Path OUT = Path.of(System.getProperty("xlsx.out", "target/roster-xlsx-benchmark.md"));
    private static final String PASSPHRASE = "xlsx benchmark passphrase";
    private static final double MB = 1024.0 * 1024.0;

    private final List<String> lines = new ArrayList<>();

    @Test
    void consoleXlsxAgainstLibreOfficeOnTheSameRows() throws Exception {
        Files.createDirectories(WORK);
        Path roster = WORK.resolve("roster.iqroster");
        long t0 = System.nanoTime();
        writeRoster(roster, ROWS, COURSES);
        note("Generated %,d rows × %d fields in %d courses (%.1f s, %.1f MiB encrypted); %d cores; load average %s",
                ROWS, RosterField.values().length, COURSES, (System.nanoTime() - t0) / 1e9, Files.size(roster) / MB,
                Runtime.getRuntime().availableProcessors(), ConsoleBenchmark.loadAverage());

        Map<String, String> env = Map.of("MEMBER_CONSOLE_PASSPHRASE", PASSPHRASE);
        Path data = WORK.resolve("cli-data");
        Path csv = WORK.resolve("roster.csv");
        Path xlsx = WORK.resolve("roster.xlsx");
        Files.deleteIfExists(csv);
        Files.deleteIfExists(xlsx);
        Child csvRun = Child.run(cli(List.of(), "convert", roster.toString(), "--csv", csv.toString(), "--data-dir",
                data.toString()), env, WORK.resolve("convert-csv.log"));
        assertThat(csvRun.exit).as(csvRun.output).isZero();
        note("console `convert --csv` (decrypt, check, write CSV): %.1f s incl. JVM start (CPU %.1f s); peak RSS "
                + "%.0f MiB; CSV %.1f MiB", csvRun.seconds, csvRun.cpuSeconds, csvRun.peakRssMb, Files.size(csv) / MB);

        List<String> jvm = JFR ? List.of("-XX:StartFlightRecording=filename=" + WORK.resolve("convert.jfr")
                + ",settings=profile") : List.of();
        String load = ConsoleBenchmark.loadAverage();
        Child xlsxRun = Child.run(cli(jvm, "convert", roster.toString(), "--xlsx", xlsx.toString(), "--data-dir",
                data.toString()), env, WORK.resolve("convert-xlsx.log"));
        assertThat(xlsxRun.exit).as(xlsxRun.output).isZero();
        Matcher wrote = Pattern.compile("\\((\\d+) rows on (\\d+) sheets?\\)").matcher(xlsxRun.output);
        assertThat(wrote.find()).as(xlsxRun.output).isTrue();
        assertThat(Long.parseLong(wrote.group(1))).isEqualTo(ROWS);
        note("console `convert --xlsx` (decrypt, check, write XLSX): **%.2f s** incl. JVM start (CPU %.1f s); peak "
                + "RSS %.0f MiB (-Xmx%s); XLSX %.1f MiB; %s sheet(s); load before %s", xlsxRun.seconds,
                xlsxRun.cpuSeconds, xlsxRun.peakRssMb, HEAP, Files.size(xlsx) / MB, wrote.group(2), load);
        // the roster sheets' rows and headers, and the About sheet's few lines
        assertThat(rowsWithFirstCell(xlsx)).as("rows in the console's workbook")
                .isBetween(ROWS + Long.parseLong(wrote.group(2)), ROWS + Long.parseLong(wrote.group(2)) + 20);

        Child phases = Child.run(List.of(SeparatePlatform.javaBinary(), "-Xmx" + HEAP, "-cp",
                ConsoleBenchmark.classpath(), Phases.class.getName(), roster.toString(), xlsx + ".phases", "3"),
                        Map.of(),
                WORK.resolve("phases.log"));
        assertThat(phases.exit).as(phases.output).isZero();
        phases.output.lines().filter(l -> l.startsWith("phase")).forEach(l -> note("%s", l));

        if (!Files.isExecutable(Path.of(SOFFICE))) {
            note("LibreOffice: skipped, %s is not installed", SOFFICE);
            finish();
            return;
        }
        Path profile = WORK.resolve("lo-profile");
        Path loOut = WORK.resolve("lo");
        Files.createDirectories(loOut);
        Path tiny = WORK.resolve("warm-up.csv");
        Files.writeString(tiny, "a,b\r\n1,2\r\n");
        Child.run(soffice(profile, loOut, tiny), Map.of(), WORK.resolve("soffice-warm-up.log"));
        Path loXlsx = loOut.resolve("roster.xlsx");
        Files.deleteIfExists(loXlsx);
        load = ConsoleBenchmark.loadAverage();
        Child lo = Child.run(soffice(profile, loOut, csv), Map.of(), WORK.resolve("soffice.log"));
        assertThat(lo.exit).as(lo.output).isZero();
        note("LibreOffice `soffice --headless --convert-to xlsx` of the CSV: **%.2f s** (CPU %.1f s); peak RSS %.0f "
                + "MiB; XLSX %.1f MiB; %,d rows with a first cell; load before %s", lo.seconds, lo.cpuSeconds,
                lo.peakRssMb, Files.size(loXlsx) / MB, rowsWithFirstCell(loXlsx), load);
        note("**LibreOffice / console: %.1f×** wall time (target ≥ 8×); %.1f× CPU time", lo.seconds / xlsxRun.seconds,
                lo.cpuSeconds / xlsxRun.cpuSeconds);
        finish();
    }

    /**
     * Decrypt and check alone, then the same with the rows into the workbook, then saving; in a fresh JVM, so the
     * first round is as cold as the CLI. Further rounds (second argument) show the warm times.
     */
    static final class Phases {
        public static void main(String[] args) throws Exception {
            Path roster = Path.of(args[0]);
            Path target = Path.of(args[1]);
            int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
            for (int round = 1; round <= rounds; round++) {
                long t0 = System.nanoTime();
                long p0 = processCpu();
                try (InputStream in = Files.newInputStream(roster)) {
                    RosterReader.read(in, RosterReader.Key.passphrase(PASSPHRASE.toCharArray()), null,
                            Clock.systemUTC(), new RosterReader.RowSink() {
                                @Override
                                public void header(List<String> fields) {
                                }

                                @Override
                                public void row(List<String> values) {
                                }
                            });
                }
                long t1 = System.nanoTime();
                long p1 = processCpu();
                long t2;
                long t3;
                try (InputStream in = Files.newInputStream(roster); RosterXlsx sink = new RosterXlsx()) {
                    RosterReader.Opened opened = RosterReader.read(in,
                            RosterReader.Key.passphrase(PASSPHRASE.toCharArray()), null, Clock.systemUTC(), sink);
                    t2 = System.nanoTime();
                    sink.save(target, opened.manifest());
                    t3 = System.nanoTime();
                }
                long p3 = processCpu();
                Files.deleteIfExists(target);
                System.out.printf(Locale.ROOT, "phase (round %d): decrypt and check alone %.2f s (process CPU %.2f s); "
                        + "decrypt, check and rows handed to the workbook %.2f s, save (the workbook's rest) %.2f s "
                        + "(process CPU of both %.2f s)%n", round, (t1 - t0) / 1e9, (p1 - p0) / 1e9, (t2 - t1) / 1e9,
                        (t3 - t2) / 1e9, (p3 - p1) / 1e9);
            }
        }
    }

    /** CPU time of this JVM, every thread (JIT and GC included), in nanoseconds. */
    private static long processCpu() {
        return ((OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    // ---- the roster -------------------------------------------------------------------------------------------

    private static final String[] FIRST = {"Amina", "Chidi", "Fatou", "Kwame", "Youssef", "Layla", "Priya", "Arjun",
        "Mei", "Hiroshi", "Min-jun", "José", "María", "João", "Emma", "Liam", "Zoë", "Élodie", "Łukasz", "Øyvind",
        "Aisha", "Nour", "Dmitri", "Thandiwe", "Ngozi", "Abebe", "Linh", "Ravi"};
    private static final String[] LAST = {"Okafor", "Mensah", "Diallo", "Haddad", "Khan", "Patel", "Chen", "Tanaka",
        "Kim", "García", "Silva", "Müller", "Dubois", "Lefèvre", "Kowalski", "Hansen", "Smith", "O'Brien", "Rossi",
        "Ivanova", "Adeyemi", "Kamau", "Tesfaye", "Nguyễn", "Trần", "Cohen", "Yilmaz", "Fernández"};
    private static final String[] COUNTRIES = {"US", "IN", "NG", "EG", "BR", "GB", "DE", "FR", "PK", "ID", "MX",
        "CA", "KE", "ZA", "ES", "JP", "VN"};
    private static final String[] REGIONS = {"California", "New York", "Texas", "Ontario", "Quebec"};
    private static final String[] LANGUAGES = {"en", "hi", "fr", "ar", "pt", "de", "es", "ja", "vi"};
    private static final String[] EDUCATION = {"p", "m", "b", "a", "hs", "jhs", "el", "none", "other"};
    private static final String[] MODES = {"AUDIT", "VERIFIED", "PROFESSIONAL", "HONOR", "MASTERS"};
    private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private static void writeRoster(Path file, int rows, int courses) throws IOException {
        List<String> fields = Arrays.stream(RosterField.values()).map(RosterField::column).toList();
        SplittableRandom rng = new SplittableRandom(7);
        List<RosterManifest.CourseEntry> entries = new ArrayList<>();
        Instant now = Instant.now();
        try (OutputStream out = Files.newOutputStream(file);
             RosterWriter w = RosterWriter.open(out, fields, RosterProtection.passphrase(PASSPHRASE.toCharArray()))) {
            for (int c = 0; c < courses; c++) {
                String course = "course-v1:Northbridge+CS" + (101 + c) + "+2026_T1";
                int n = rows / courses + (c < rows % courses ? 1 : 0);
                w.beginCourse();
                for (int i = 0; i < n; i++) {
                    w.row(row(rng, course, c * 1_000_000 + i));
                }
                RosterWriter.CourseDigest d = w.endCourse();
                // unsigned: the CLI converts without the platform's key, as in the real benchmark
                entries.add(new RosterManifest.CourseEntry(course, "Course " + c, now.toString(), "nb-admin",
                        d.rowCount(),
                        d.sha256(), "unsigned"));
            }
            w.finish(new RosterManifest(0, "northbridge", "Northbridge University", "nb-admin", "Nora Whitfield",
                    now, now.plusSeconds(7 * 86_400), fields, 0, null, "bench-key", entries));
        }
    }

    /** One row as the platform writes it: Instant and Double text, booleans, blanks where the sandbox has them. */
    private static List<String> row(SplittableRandom rng, String course, int index) {
        String first = FIRST[rng.nextInt(FIRST.length)];
        String last = LAST[rng.nextInt(LAST.length)];
        boolean retired = rng.nextDouble() < 0.02;
        String user = retired ? "retired_user_" + Long.toHexString(rng.nextLong())
                : first.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + "." + last.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]", "") + index;
        String country = COUNTRIES[rng.nextInt(COUNTRIES.length)];
        Instant enrolled = Instant.parse("2025-12-16T00:00:00Z").plusSeconds(rng.nextLong(280L * 86_400));
        double progress = Math.round(Math.pow(rng.nextDouble(), 1.4) * 100) / 100.0;
        double grade = Math.round(progress * (0.55 + rng.nextDouble() * 0.5) * 1000) / 1000.0;
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            id.append(ID_ALPHABET.charAt(rng.nextInt(ID_ALPHABET.length())));
        }
        List<String> r = new ArrayList<>(22);
        r.add(course);
        r.add(id.toString());
        r.add(user);
        r.add(retired ? "" : first + " " + last);
        r.add(retired ? "" : user + "@example.org");
        r.add(retired ? "" : country);
        r.add(retired || !"US".equals(country) && !"CA".equals(country) ? "" : REGIONS[rng.nextInt(REGIONS.length)]);
        r.add(retired ? "" : LANGUAGES[rng.nextInt(LANGUAGES.length)]);
        r.add(retired || rng.nextDouble() < 0.2 ? "" : Integer.toString(1950 + rng.nextInt(58)));
        r.add(retired || rng.nextDouble() < 0.3 ? "" : new String[] {"f", "m", "o"}[rng.nextInt(3)]);
        r.add(retired || rng.nextDouble() < 0.25 ? "" : EDUCATION[rng.nextInt(EDUCATION.length)]);
        r.add(MODES[rng.nextInt(MODES.length)]);
        r.add(enrolled.toString());
        r.add(Boolean.toString(rng.nextDouble() >= 0.08));
        r.add(Double.toString(progress));
        r.add(Double.toString(grade));
        r.add(Boolean.toString(grade >= 0.6));
        r.add(Boolean.toString(grade >= 0.6 && rng.nextBoolean()));
        r.add(progress == 0 ? "" : enrolled.plusSeconds(rng.nextLong(200L * 86_400)).toString());
        r.add(Integer.toString(rng.nextInt(120)));
        r.add(Boolean.toString(rng.nextDouble() < 0.1));
        r.add(Boolean.toString(retired));
        return r;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static List<String> cli(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(SeparatePlatform.javaBinary(), "-Xmx" + HEAP,
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", ConsoleBenchmark.classpath(), "org.iqracity.console.app.Launcher"));
        command.addAll(List.of(args));
        return command;
    }

    private static List<String> soffice(Path profile, Path out, Path csv) {
        // 44 = comma, 34 = double quote, 76 = UTF-8, 1 = from the first line
        return List.of(SOFFICE, "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
                "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", out.toString(), csv.toString());
    }

    /** Rows whose first cell has a value, over every worksheet: LibreOffice adds empty formatted rows. */
    private static long rowsWithFirstCell(Path xlsx) throws IOException {
        long rows = 0;
        Pattern firstCell = Pattern.compile("<c r=\"A\\d+\"[^>]*?(/>|>)");
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.getName().matches("xl/worksheets/sheet\\d+\\.xml")) {
                    continue;
                }
                try (Scanner in = new Scanner(new InputStreamReader(zip.getInputStream(e),
                        StandardCharsets.UTF_8))) {
                    rows += in.findAll(firstCell).filter(m -> m.group(1).equals(">")).count();
                }
            }
        }
        return rows;
    }

    private void note(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        lines.add("- " + line);
    }

    private void finish() throws IOException {
        Files.writeString(OUT, "# Roster XLSX benchmark\n\n" + String.join("\n", lines) + "\n");
    }

    /** A process run to its end, its output in a log, its peak resident memory (itself or a child) polled. */
    private record Child(int exit, double seconds, double cpuSeconds, double peakRssMb, String output) {
        static Child run(List<String> command, Map<String, String> env, Path log) throws Exception {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            long t0 = System.nanoTime();
            Process process = builder.start();
            double peak = 0;
            // CPU per process (itself and its children) as last seen: the last 50 ms before each ends are missed
            Map<Long, Duration> cpu = new HashMap<>();
            while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, peakOf(process.toHandle()));
                Stream.concat(Stream.of(process.toHandle()), process.descendants())
                        .forEach(h -> h.info().totalCpuDuration().ifPresent(d -> cpu.put(h.pid(), d)));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = cpu.values().stream().mapToLong(Duration::toMillis).sum() / 1e3;
            return new Child(process.exitValue(), seconds, cpuSeconds, peak, Files.readString(log));
        }

        private static double peakOf(ProcessHandle handle) {
            double peak = hwm(handle.pid());
            for (ProcessHandle d : handle.descendants().toList()) {
                peak = Math.max(peak, hwm(d.pid()));
            }
            return peak;
        }

        private static double hwm(long pid) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    Files.newInputStream(Path.of("/proc", Long.toString(pid), "status")), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.substring(6).replace("kB", "").strip()) / 1024.0;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process ended between two polls
            }
            return 0;
        }
    }
}
