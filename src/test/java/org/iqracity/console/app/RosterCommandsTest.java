package org.iqracity.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.exports.PendingConversions;
import org.iqracity.console.platform.PlatformFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roster commands as a script would run them, against the real platform. */
class RosterCommandsTest {
    static final String ENG120 = "course-v1:Northbridge+ENG120+2026_T1";

    record Run(int exit, String out, String err) {
    }

    /** The console's data folder for these runs: where copy reports wait for the platform. */
    @TempDir
    static Path DATA;

    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new RosterCommands(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC(), DATA)
                .run(args[0], List.of(args).subList(1, args.length));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void exportVerifyAndConvertWorkFromAScript(@TempDir Path dir) throws Exception {
        String platform = PlatformFixture.h2().platform().baseUri().toString();
        Map<String, String> env = Map.of(RosterCommands.PASSWORD_ENV, "sandbox-password",
                RosterCommands.PASSPHRASE_ENV, "a long export passphrase");
        Path file = dir.resolve("eng.iqroster");
        Run export = run(env, "export", "--platform", platform, "--user", "nb-ta", "--course", ENG120, "--out",
                file.toString(), "--fields", "username,name,grade");
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("Exported").contains("rows of 1 course");
        assertThat(export.out() + export.err()).doesNotContain("sandbox-password", "a long export passphrase");
        Run unpinned = run(env, "verify", file.toString());
        assertThat(unpinned.exit()).isEqualTo(RosterCommands.UNVERIFIED);
        Run verified = run(env, "verify", file.toString(), "--platform", platform);
        assertThat(verified.exit()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("signed by the platform");
        Path csv = dir.resolve("eng.csv");
        Run convert = run(env, "convert", file.toString(), "--csv", csv.toString());
        assertThat(convert.exit()).as(convert.err()).isZero();
        assertThat(convert.err()).contains("not encrypted");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.getFirst()).isEqualTo("course_id,username,name,grade");
        assertThat(lines).hasSizeGreaterThan(1);
        // R14: the sandbox's learners who write their names like formulas reach the copy as text
        assertThat(lines).anyMatch(l -> l.contains(",'=") || l.contains(",\"'=") || l.contains(",'@")
                || l.contains(",'+") || l.contains(",'-"));
        assertThat(lines).noneMatch(l -> l.matches(".*,\"?[=+@\\-][^,]*,[0-9.]*$"));

        Path xlsx = dir.resolve("eng.xlsx");
        Run toXlsx = run(env, "convert", file.toString(), "--xlsx", xlsx.toString());
        assertThat(toXlsx.exit()).as(toXlsx.err()).isZero();
        assertThat(toXlsx.err()).contains("XLSX file is not encrypted");
        assertThat(toXlsx.out()).contains("Wrote " + xlsx).contains((lines.size() - 1) + " rows on 1 sheet");
        try (XSSFWorkbook book = new XSSFWorkbook(xlsx.toFile())) {
            Sheet sheet = book.getSheet("Roster");
            assertThat(sheet.getLastRowNum()).isEqualTo(lines.size() - 1);
            DataFormatter text = new DataFormatter();
            for (int r = 0; r < lines.size(); r++) {
                // names may hold commas: compare the unquoted name column by its own cell
                Row row = sheet.getRow(r);
                String username = text.formatCellValue(row.getCell(1));
                assertThat(lines.get(r)).startsWith(text.formatCellValue(row.getCell(0)) + "," + username + ",");
            }
            assertThat(sheet.getRow(1).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(book.getSheet("About")).isNotNull();
        }
        // R14: both copies wait to be reported to the platform's access log, and the person is told so
        assertThat(convert.out()).contains("will be recorded in the platform's access log");
        List<PendingConversions.Pending> reports = new org.iqracity.console.exports
                .PendingConversions(DATA.resolve(RosterCommands.PENDING_CONVERSIONS)).all();
        assertThat(reports).extracting(p -> p.report().format() + " " + p.report().rowCount())
                .containsExactlyInAnyOrder("CSV " + (lines.size() - 1), "XLSX " + (lines.size() - 1));
        assertThat(reports).allSatisfy(p -> assertThat(p.report().courseIds()).containsExactly(ENG120));
        Path tampered = dir.resolve("tampered.iqroster");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(tampered, bytes);
        Path notWritten = dir.resolve("tampered.xlsx");
        Run refused = run(env, "convert", tampered.toString(), "--xlsx", notWritten.toString());
        assertThat(refused.exit()).as(refused.err()).isEqualTo(RosterCommands.FAILED);
        assertThat(notWritten).doesNotExist();
        // the CSV copy is written as the rows are read, and the damage shows only later: still no copy, no report
        Path notWrittenCsv = dir.resolve("tampered.csv");
        Run refusedCsv = run(env, "convert", tampered.toString(), "--csv", notWrittenCsv.toString());
        assertThat(refusedCsv.exit()).as(refusedCsv.err()).isEqualTo(RosterCommands.FAILED);
        assertThat(notWrittenCsv).doesNotExist();
        assertThat(new PendingConversions(DATA.resolve(
                RosterCommands.PENDING_CONVERSIONS)).all()).as("no copy, no report").hasSize(2);
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
        Run both = run(env, "convert", file.toString(), "--csv", csv.toString(), "--xlsx", xlsx.toString());
        assertThat(both.exit()).isEqualTo(RosterCommands.USAGE);
        Run neither = run(env, "convert", file.toString());
        assertThat(neither.exit()).isEqualTo(RosterCommands.USAGE);
        assertThat(neither.err()).contains("--xlsx");
    }

    @Test
    void anExportWithoutFieldsHoldsEveryField(@TempDir Path dir) throws Exception {
        String platform = PlatformFixture.h2().platform().baseUri().toString();
        Map<String, String> env = Map.of(RosterCommands.PASSWORD_ENV, "sandbox-password",
                RosterCommands.PASSPHRASE_ENV, "a long export passphrase");
        Path file = dir.resolve("all.iqroster");
        Run export = run(env, "export", "--platform", platform, "--user", "nb-ta", "--course", ENG120, "--out",
                file.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        Path csv = dir.resolve("all.csv");
        assertThat(run(env, "convert", file.toString(), "--csv", csv.toString(), "--data-dir",
                dir.resolve("data").toString()).exit()).isZero();
        assertThat(dir.resolve("data").resolve(RosterCommands.PENDING_CONVERSIONS))
                .isDirectoryContaining("glob:**.json");
        String header = Files.readAllLines(csv).getFirst();
        assertThat(header.split(",")).hasSize(RosterField.values().length);
        assertThat(header).startsWith("course_id,").contains("username", "email", "grade");
    }

    @Test
    void wrongPassphraseAndMissingSecretsGiveClearMessagesAndExitCodes(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.iqroster");
        Files.writeString(junk, "not a roster");
        Run notRoster = run(Map.of(RosterCommands.PASSPHRASE_ENV, "whatever passphrase"), "verify", junk.toString());
        assertThat(notRoster.exit()).isEqualTo(RosterCommands.FAILED);
        assertThat(notRoster.err()).contains("not an exported roster");
        Run noSecret = run(Map.of(), "verify", junk.toString());
        assertThat(noSecret.exit()).isEqualTo(RosterCommands.USAGE);
        assertThat(noSecret.err()).contains(RosterCommands.PASSPHRASE_ENV);
        Run badUsage = run(Map.of(), "export", "--platform");
        assertThat(badUsage.exit()).isEqualTo(RosterCommands.USAGE);
    }

    @Test
    void aTrustedCaFileThatCannotBeReadIsAUsageError(@TempDir Path dir) {
        Map<String, String> env = Map.of(RosterCommands.PASSWORD_ENV, "pw", RosterCommands.PASSPHRASE_ENV,
                "a long export passphrase");
        Run r = run(env, "export", "--platform", "https://platform.example", "--user", "nb-ta", "--course", ENG120,
                "--out", dir.resolve("x.iqroster").toString(), "--trust-ca", dir.resolve("missing.pem").toString());
        assertThat(r.exit()).isEqualTo(RosterCommands.USAGE);
        assertThat(r.err()).contains("missing.pem").contains("does not exist");
    }
}
