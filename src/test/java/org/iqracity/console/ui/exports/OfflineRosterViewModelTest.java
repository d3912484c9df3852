package org.iqracity.console.ui.exports;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyEncryptorBuilder;
import org.iqracity.console.api.RosterCanon;
import org.iqracity.console.api.SigningKeyDto;
import org.iqracity.console.client.PlatformUnreachableException;
import org.iqracity.console.exports.PendingConversions;
import org.iqracity.console.roster.RosterProtection;
import org.iqracity.console.roster.TestRosters;
import org.iqracity.console.roster.query.OfflineRoster;
import org.iqracity.console.ui.FakePlatformClient;
import org.iqracity.console.ui.MemorySettings;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.DeferredTaskRunner;
import org.iqracity.console.ui.common.InlineTaskRunner;
import org.iqracity.console.ui.common.LearnerValues;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.PinnedKeys;
import org.iqracity.console.ui.common.Session;
import org.iqracity.console.ui.common.TaskRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class OfflineRosterViewModelTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-05T12:00:00Z"), ZoneOffset.UTC);
    static final String CS101 = "course-v1:NB+CS101+2026";
    static final String MA201 = "course-v1:NB+MA201+2026";
    static final String PASSPHRASE = "correct horse battery";

    @TempDir
    static Path dir;
    static Path file;
    private final Messages messages = Messages.english();
    private final MemorySettings settings = new MemorySettings();

    @BeforeAll
    static void writeRoster() throws Exception {
        file = TestRosters.write(dir.resolve("two.iqroster"), PASSPHRASE.toCharArray(),
                Instant.parse("2026-03-31T09:00:00Z"), List.of(CS101, MA201), 3_000);
    }

    private final AppState app = new AppState();
    @TempDir
    Path queueDir;
    private PendingConversions queue;

    private OfflineRosterViewModel viewModel(TaskRunner tasks, Clock clock) {
        queue = new PendingConversions(queueDir);
        return new OfflineRosterViewModel(tasks, messages, new PinnedKeys(settings), clock,
                new ConversionRecorder(queue, app, tasks, clock));
    }

    private OfflineRosterViewModel opened(TaskRunner tasks, String passphrase) {
        OfflineRosterViewModel vm = viewModel(tasks, CLOCK);
        vm.fileProperty().set(file.toString());
        vm.passphraseProperty().set(passphrase);
        vm.open();
        return vm;
    }

    private static List<String> usernames(OfflineRosterViewModel vm) {
        int column = vm.rosterProperty().get().columnOf("username");
        return vm.rows().stream().map(i -> vm.value(column, i)).toList();
    }

    /** An RSA key as a colleague would have it: secret key protected by its own passphrase, exported armored. */
    private static PGPSecretKey colleagueKey(char[] keyPassphrase) throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        var pair = new JcaPGPKeyPair(
                PublicKeyPacket.VERSION_4, PGPPublicKey.RSA_GENERAL,
                rsa.generateKeyPair(), new Date());
        var sha1 = new JcaPGPDigestCalculatorProviderBuilder().build()
                .get(HashAlgorithmTags.SHA1);
        return new PGPSecretKey(PGPSignature.POSITIVE_CERTIFICATION,
                pair, "Ada Reviewer <ada@northbridge.example>", sha1, null, null,
                new JcaPGPContentSignerBuilder(
                        pair.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256),
                new JcePBESecretKeyEncryptorBuilder(
                        SymmetricKeyAlgorithmTags.AES_256, sha1).build(keyPassphrase));
    }

    @Test
    void opensARosterMadeForAColleaguesKeyWithTheirKeyFileAndTheKeysOwnPassphrase() throws Exception {
        char[] keyPass = "ada's key passphrase".toCharArray();
        var secret = colleagueKey(keyPass);
        Path keyFile = dir.resolve("ada-secret.asc");
        try (var armored = new ArmoredOutputStream(Files.newOutputStream(keyFile))) {
            secret.encode(armored);
        }
        Path forAda = TestRosters.write(dir.resolve("for-ada.iqroster"),
                new RosterProtection(null, List.of(secret.getPublicKey())),
                Instant.parse("2026-03-31T09:00:00Z"), List.of(CS101), 40);
        OfflineRosterViewModel vm = viewModel(new InlineTaskRunner(), CLOCK);
        vm.fileProperty().set(forAda.toString());
        vm.keyFileProperty().set(keyFile.toString());

        vm.passphraseProperty().set("not the key's");
        vm.open();
        assertThat(vm.stateProperty().get()).isEqualTo(OfflineRosterViewModel.State.ASKING);
        assertThat(vm.errorProperty().get().text()).isEqualTo(messages.get("roster.error.WRONG_KEY_PASSPHRASE.text"));

        vm.passphraseProperty().set(new String(keyPass));
        vm.open();
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.stateProperty().get()).isEqualTo(OfflineRosterViewModel.State.OPEN);
        assertThat(vm.rows()).hasSize(40);
        assertThat(vm.passphraseProperty().get()).isEmpty();

        // The same key file does not open a roster made for a passphrase alone, and says so.
        vm.close();
        vm.fileProperty().set(file.toString());
        vm.passphraseProperty().set(new String(keyPass));
        vm.open();
        assertThat(vm.errorProperty().get().text()).isEqualTo(messages.get("roster.error.NO_MATCHING_KEY.text"));
    }

    @Test
    void opensWithThePinnedKeyAndSaysWhoExportedItAndThatTheSignatureHeld() {
        new PinnedKeys(settings).pin("https://platform.example.org", TestRosters.pinnable());

        OfflineRosterViewModel vm = opened(new InlineTaskRunner(), PASSPHRASE);

        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.stateProperty().get()).isEqualTo(OfflineRosterViewModel.State.OPEN);
        assertThat(vm.verifiedProperty().get()).isTrue();
        assertThat(vm.signatureTextProperty().get()).contains("https://platform.example.org");
        assertThat(vm.exportedTextProperty().get()).contains("Nora Whitfield (nb-admin)", "Northbridge University",
                "Valid until March 31, 2026", "6,000 rows from 2 courses");
        assertThat(vm.rows()).hasSize(6_000);
        assertThat(vm.courses()).containsExactly(CS101, MA201);
        assertThat(vm.passphraseProperty().get()).isEmpty();
    }

    @Test
    void withoutAPinnedKeyItOpensButSaysTheSignatureCouldNotBeChecked() {
        OfflineRosterViewModel vm = opened(new InlineTaskRunner(), PASSPHRASE);

        assertThat(vm.stateProperty().get()).isEqualTo(OfflineRosterViewModel.State.OPEN);
        assertThat(vm.verifiedProperty().get()).isFalse();
        assertThat(vm.signatureTextProperty().get()).isEqualTo(messages.get("offline.banner.unverified"))
                .contains("the platform's signature could not be checked".substring(4));
    }

    @Test
    void aKeyPinnedForThatIdThatDoesNotMatchRefusesTheFile() {
        new PinnedKeys(settings).pin("https://impostor.example.org", new SigningKeyDto(
                "Ed25519", TestRosters.KEY_ID, Base64.getEncoder().encodeToString(
                        TestRosters.ed25519().getPublic().getEncoded())));

        OfflineRosterViewModel vm = opened(new InlineTaskRunner(), PASSPHRASE);

        assertThat(vm.stateProperty().get()).isEqualTo(OfflineRosterViewModel.State.ASKING);
        assertThat(vm.errorProperty().get().text()).isEqualTo(messages.get("roster.error.SIGNATURE_INVALID.text"));
        assertThat(vm.rosterProperty().get()).isNull();
    }

    @Test
    void aWrongPassphraseIsSaidInOneSentenceAndNothingOpens() {
        OfflineRosterViewModel vm = opened(new InlineTaskRunner(), "not the passphrase");

        assertThat(vm.stateProperty().get()).isEqualTo(OfflineRosterViewModel.State.ASKING);
        assertThat(vm.errorProperty().get().text()).isEqualTo("The passphrase is not correct.");
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void anExpiredExportIsRefused() {
        OfflineRosterViewModel vm = viewModel(new InlineTaskRunner(), Clock.fixed(
                Instant.parse("2026-04-01T00:00:00Z"), ZoneOffset.UTC));
        vm.fileProperty().set(file.toString());
        vm.passphraseProperty().set(PASSPHRASE);
        vm.open();

        assertThat(vm.errorProperty().get().text()).isEqualTo(messages.get("roster.error.EXPIRED.text"));
        assertThat(vm.rosterProperty().get()).isNull();
    }

    @Test
    void aFileThatIsNotARosterOrIsCutShortIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.iqroster"), "hello");
        byte[] all = Files.readAllBytes(file);
        Path cut = Files.write(dir.resolve("cut.iqroster"), Arrays.copyOf(all, all.length / 2));
        for (Path p : List.of(text, cut)) {
            OfflineRosterViewModel vm = viewModel(new InlineTaskRunner(), CLOCK);
            vm.fileProperty().set(p.toString());
            vm.passphraseProperty().set(PASSPHRASE);
            vm.open();
            assertThat(vm.errorProperty().get()).as(p.toString()).isNotNull();
            assertThat(vm.errorProperty().get().text()).isIn(messages.get("roster.error.NOT_A_ROSTER.text"),
                    messages.get("roster.error.DAMAGED.text"));
        }
    }

    @Test
    void searchFilterAndSortNarrowTheTable() {
        OfflineRosterViewModel vm = opened(new InlineTaskRunner(), PASSPHRASE);

        vm.searchProperty().set("user00012");
        List<String> tenOfEach = IntStream.range(120, 130).mapToObj(i -> "user000" + i).toList();
        List<String> both = new ArrayList<>(tenOfEach);
        both.addAll(tenOfEach);
        assertThat(usernames(vm)).isEqualTo(both);

        vm.courseProperty().set(MA201);
        vm.sortBy(vm.rosterProperty().get().columnOf("username"), true);
        assertThat(usernames(vm)).isEqualTo(tenOfEach.reversed());

        vm.searchProperty().set("");
        vm.courseProperty().set(null);
        vm.hideRetiredProperty().set(true);
        assertThat(vm.rows()).hasSize(6_000 - 2 * 60);
        vm.passedProperty().set("true");
        assertThat(vm.rows()).hasSize((int) IntStream.range(0, 3_000).filter(i -> i % 3 == 0 && i % 50 != 49)
                .count() * 2);
    }

    @Test
    void aNewSearchCancelsTheOneStillRunningAndOnlyTheNewestIsShown() {
        DeferredTaskRunner tasks = new DeferredTaskRunner();
        OfflineRosterViewModel vm = opened(tasks, PASSPHRASE);
        tasks.finishAll();
        tasks.finishAll();
        assertThat(vm.rows()).hasSize(6_000);

        vm.searchProperty().set("user0001");
        assertThat(vm.queryingProperty().get()).isTrue();
        vm.searchProperty().set("user00012");
        tasks.finishNewestFirst();

        assertThat(vm.rows()).hasSize(20);
        assertThat(vm.queryingProperty().get()).isFalse();
    }

    @Test
    void sortingRunsInTheBackgroundAndOnlyTheNewestSortIsShown() {
        DeferredTaskRunner tasks = new DeferredTaskRunner();
        OfflineRosterViewModel vm = opened(tasks, PASSPHRASE);
        tasks.finishAll();
        tasks.finishAll();
        List<String> fileOrder = usernames(vm);
        int username = vm.rosterProperty().get().columnOf("username");

        vm.sortBy(username, true);
        assertThat(usernames(vm)).as("nothing sorted on the calling (FX) thread").isEqualTo(fileOrder);
        vm.sortBy(username, false);
        tasks.finishNewestFirst();

        assertThat(usernames(vm)).isEqualTo(fileOrder.stream().sorted().toList());
        assertThat(vm.queryingProperty().get()).isFalse();
    }

    @Test
    void columnsAreOrderedInTheBackgroundOnlyWhileNoQueryRuns() {
        DeferredTaskRunner tasks = new DeferredTaskRunner();
        OfflineRosterViewModel vm = opened(tasks, PASSPHRASE);
        tasks.finishAll();
        OfflineRoster roster = vm.rosterProperty().get();
        assertThat(kept(roster)).as("not while the first query runs").isZero();

        tasks.finishAll();
        assertThat(tasks.inFlight()).as("the ordering, once the query is done").isEqualTo(1);
        vm.searchProperty().set("user0001");
        tasks.finishAll();
        assertThat(kept(roster)).as("it gave way to the search started after it").isZero();

        tasks.finishAll();
        assertThat(kept(roster)).isEqualTo(roster.header().size());
        int name = roster.columnOf("name");
        List<Integer> rows = IntStream.range(0, roster.rowCount()).boxed()
                .sorted(Comparator.comparing((Integer i) -> roster.value(name, i)
                        .toLowerCase(Locale.ROOT)).thenComparing(i -> i)).toList();
        assertThat(IntStream.of(roster.order(name)).boxed().toList()).isEqualTo(rows);
    }

    @Test
    void closingStopsTheBackgroundOrdering() {
        DeferredTaskRunner tasks = new DeferredTaskRunner();
        OfflineRosterViewModel vm = opened(tasks, PASSPHRASE);
        tasks.finishAll();
        tasks.finishAll();
        OfflineRoster roster = vm.rosterProperty().get();
        assertThat(tasks.inFlight()).isEqualTo(1);

        vm.close();
        tasks.finishAll();
        assertThat(kept(roster)).isZero();
    }

    private static long kept(OfflineRoster roster) {
        return IntStream.range(0, roster.header().size()).filter(c -> roster.order(c) != null).count();
    }

    @Test
    void convertingWritesEveryRowInTheCanonicalCsvEncoding() throws Exception {
        OfflineRosterViewModel vm = opened(new InlineTaskRunner(), PASSPHRASE);
        vm.searchProperty().set("user00012");

        vm.convertToCsv(dir.resolve("copy"));

        Path csv = dir.resolve("copy.csv");
        StringBuilder expected = new StringBuilder(RosterCanon.csvLine(TestRosters.FIELDS));
        List<List<String>> rows = new ArrayList<>(TestRosters.rows(CS101, 3_000));
        rows.addAll(TestRosters.rows(MA201, 3_000));
        rows.forEach(r -> expected.append(RosterCanon.csvLine(r)));
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        assertThat(vm.noticeProperty().get()).contains(csv.toString());
        assertThat(dir.resolve(".copy.csv.part")).doesNotExist();
    }

    @Test
    void r14ACopyMadeWhileSignedOutWaitsInTheQueueAndTheNoticeSaysWhenItWillBeRecorded() throws Exception {
        OfflineRosterViewModel vm = opened(new InlineTaskRunner(), PASSPHRASE);

        vm.convertToCsv(dir.resolve("queued"));

        List<PendingConversions.Pending> waiting = queue.all();
        assertThat(waiting).hasSize(1);
        PendingConversions.Pending p = waiting.getFirst();
        assertThat(p.platformKeyId()).isEqualTo(TestRosters.pinnable().keyId());
        assertThat(p.report().memberId()).isEqualTo("northbridge");
        assertThat(p.report().courseIds()).containsExactly(CS101, MA201);
        assertThat(p.report().format()).isEqualTo("CSV");
        assertThat(p.report().rowCount()).isEqualTo(6_000);
        assertThat(p.report().exportedBy()).isEqualTo("nb-admin");
        assertThat(p.report().convertedAt()).isEqualTo(CLOCK.instant());
        assertThat(vm.noticeProperty().get()).contains("the next time this console signs in");
    }

    @Test
    void r14ACopyMadeWhileSignedInIsReportedAtOnceAndLeavesNothingQueued() throws Exception {
        FakePlatformClient platform = new FakePlatformClient(URI.create("http://platform.test"));
        platform.signingKey = TestRosters.pinnable();
        app.signedIn(new Session(platform, platform.me("nb-admin")));
        OfflineRosterViewModel vm = opened(new InlineTaskRunner(), PASSPHRASE);

        vm.convertToXlsx(dir.resolve("reported"));

        assertThat(platform.conversionReports).singleElement().satisfies(r -> {
            assertThat(r.format()).isEqualTo("XLSX");
            assertThat(r.rowCount()).isEqualTo(6_000);
        });
        assertThat(queue.all()).isEmpty();
        assertThat(vm.noticeProperty().get()).contains("is recorded in the platform's access log");
        assertThat(vm.recordedCopyProperty().get()).isEqualTo(dir.resolve("reported.xlsx"));
    }

    @Test
    void r14WhenTheReportCannotBeSentTheCopyStaysQueuedForTheNextSignIn() throws Exception {
        FakePlatformClient platform = new FakePlatformClient(URI.create("http://platform.test"));
        platform.signingKey = TestRosters.pinnable();
        platform.failConversions = new PlatformUnreachableException("down", null);
        app.signedIn(new Session(platform, platform.me("nb-admin")));
        OfflineRosterViewModel vm = opened(new InlineTaskRunner(), PASSPHRASE);

        vm.convertToCsv(dir.resolve("unsent"));

        assertThat(queue.all()).hasSize(1);
        assertThat(vm.noticeProperty().get()).contains("the next time this console signs in");
        assertThat(vm.recordedCopyProperty().get()).as("nothing recorded, nothing to tell").isNull();
        platform.failConversions = null;
        List<Integer> told = new ArrayList<>();
        new ConversionRecorder(queue, app, new InlineTaskRunner(), CLOCK).sendWaiting(told::add);
        assertThat(queue.all()).isEmpty();
        assertThat(platform.conversionReports).hasSize(1);
        assertThat(told).containsExactly(1);
    }

    @Test
    void r14ACopyThatCouldNotBeWrittenLeavesNoReport() throws Exception {
        OfflineRosterViewModel vm = opened(new InlineTaskRunner(), PASSPHRASE);

        vm.convertToCsv(dir.resolve("no-such-folder").resolve("copy.csv"));
        vm.convertToXlsx(dir.resolve("no-such-folder").resolve("copy.xlsx"));

        assertThat(vm.errorProperty().get()).isNotNull();
        assertThat(queue.all()).isEmpty();
    }

    @Test
    void r14ConvertingToXlsxWritesEveryRowContinuingOnFurtherSheetsAndIsLoggedLikeTheCsvCopy() throws Exception {
        OfflineRosterViewModel vm = opened(new InlineTaskRunner(), PASSPHRASE);
        vm.searchProperty().set("user00012");
        vm.xlsxRowsPerSheet(2_500);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(OfflineConversion.class);
        log.start();
        logger.addAppender(log);
        try {
            vm.convertToCsv(dir.resolve("logged"));
            vm.convertToXlsx(dir.resolve("copy"));
        } finally {
            logger.detachAppender(log);
        }

        Path xlsx = dir.resolve("copy.xlsx");
        assertThat(vm.noticeProperty().get()).contains(xlsx.toString());
        List<List<String>> expected = new ArrayList<>(TestRosters.rows(CS101, 3_000));
        expected.addAll(TestRosters.rows(MA201, 3_000));
        List<List<String>> read = new ArrayList<>();
        DataFormatter text = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(xlsx.toFile())) {
            // 6,000 rows at 2,499 a sheet under the header: three sheets, then the one about the roster
            assertThat(book.getNumberOfSheets()).isEqualTo(4);
            for (int s = 0; s < 3; s++) {
                var sheet = book.getSheetAt(s);
                assertThat(sheet.getSheetName()).isEqualTo(s == 0 ? "Roster" : "Roster (" + (s + 1) + ")");
                List<String> header = new ArrayList<>();
                sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
                assertThat(header).isEqualTo(TestRosters.FIELDS);
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    var row = sheet.getRow(r);
                    List<String> values = new ArrayList<>();
                    for (int c = 0; c < TestRosters.FIELDS.size(); c++) {
                        var cell = row.getCell(c);
                        values.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
                                ? Double.toString(cell.getNumericCellValue()) : text.formatCellValue(cell));
                    }
                    read.add(values);
                }
            }
        }
        assertThat(read).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            List<String> want = new ArrayList<>(expected.get(i));
            // progress is a number in the workbook; compare it as one
            int progress = TestRosters.FIELDS.indexOf("progress");
            want.set(progress, want.get(progress).isEmpty() ? ""
                    : Double.toString(Double.parseDouble(want.get(progress))));
            assertThat(read.get(i)).as("row %d", i).isEqualTo(want);
        }
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "a roster of 6000 rows was converted to an unencrypted CSV file at the person's request",
                "a roster of 6000 rows was converted to an unencrypted XLSX file at the person's request");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void theTableShowsValuesAsTheLearnersScreenDoesWhileTheRowsStayAsExported() throws Exception {
        Path every = TestRosters.writeEveryField(dir.resolve("every.iqroster"), PASSPHRASE.toCharArray(),
                Instant.parse("2026-03-31T09:00:00Z"), CS101, 40);
        OfflineRosterViewModel vm = viewModel(new InlineTaskRunner(), CLOCK);
        vm.fileProperty().set(every.toString());
        vm.passphraseProperty().set(PASSPHRASE);
        vm.open();
        List<List<String>> rows = TestRosters.everyFieldRows(CS101, 40);
        LearnerValues words = new LearnerValues(messages);

        int row = 3;
        List<String> raw = rows.get(row);
        assertThat(shown(vm, "progress", row)).isEqualTo(words.percent(Double.parseDouble(raw.get(14))))
                .endsWith("%");
        assertThat(shown(vm, "grade", row)).isEqualTo(words.percent(Double.parseDouble(raw.get(15))));
        assertThat(shown(vm, "mode", row)).isEqualTo("Professional");
        assertThat(shown(vm, "passed", row)).isEqualTo(Boolean.parseBoolean(raw.get(16)) ? "Yes" : "No");
        assertThat(shown(vm, "active", 0)).isEqualTo("No");
        assertThat(shown(vm, "active", 1)).isEqualTo("Yes");
        assertThat(shown(vm, "enrolled_at", row)).isEqualTo(words.day(Instant.parse(raw.get(12))));
        assertThat(shown(vm, "last_activity_at", 0)).isEqualTo("Never");
        assertThat(shown(vm, "last_activity_at", row)).isEqualTo(words.day(Instant.parse(raw.get(18))));
        assertThat(shown(vm, "username", row)).isEqualTo(raw.get(2));
        assertThat(shown(vm, "gender", row)).isEqualTo("Female");
        assertThat(shown(vm, "level_of_education", row)).isEqualTo("Bachelor's degree");
        assertThat(vm.value(vm.rosterProperty().get().columnOf("level_of_education"), row)).isEqualTo("b");
        assertThat(vm.value(vm.rosterProperty().get().columnOf("progress"), row)).isEqualTo(raw.get(14));
    }

    private static String shown(OfflineRosterViewModel vm, String column, int row) {
        return vm.shown(vm.rosterProperty().get().columnOf(column), row);
    }

    @Test
    void r14TheFilteredViewIsCopiedInTheTablesOrderAndReportedWithItsRowCount() throws Exception {
        OfflineRosterViewModel vm = opened(new InlineTaskRunner(), PASSPHRASE);
        vm.courseProperty().set(MA201);
        vm.searchProperty().set("user00012");
        int username = vm.rosterProperty().get().columnOf("username");
        vm.sortBy(username, true);
        List<String> shown = usernames(vm);
        assertThat(shown).hasSize(10).isSortedAccordingTo(Comparator.reverseOrder());

        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(OfflineConversion.class);
        log.start();
        logger.addAppender(log);
        try {
            vm.convertToCsv(dir.resolve("view"), CopyScope.VIEW);
        } finally {
            logger.detachAppender(log);
        }

        List<String> lines = Files.readAllLines(dir.resolve("view.csv"), StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).isEqualTo(String.join(",", TestRosters.FIELDS));
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.split(",")[1]).isEqualTo(shown);
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith(MA201 + ","));
        assertThat(queue.all()).singleElement().satisfies(p -> {
            assertThat(p.report().format()).isEqualTo("CSV");
            assertThat(p.report().rowCount()).isEqualTo(10);
        });
        assertThat(vm.noticeProperty().get()).contains("the 10 rows of the filtered view (of 6,000)");
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("the filtered view of a "
                + "roster, 10 of its 6000 rows, was converted to an unencrypted CSV file at the person's request");
    }

    @Test
    void r14AllRowsAreCopiedWhateverTheTableShowsAndTheNoticeSaysSo() throws Exception {
        OfflineRosterViewModel vm = opened(new InlineTaskRunner(), PASSPHRASE);
        vm.searchProperty().set("user0001");

        vm.convertToXlsx(dir.resolve("all"), CopyScope.ALL_ROWS);

        assertThat(queue.all()).singleElement().satisfies(p -> assertThat(p.report().rowCount()).isEqualTo(6_000));
        assertThat(vm.noticeProperty().get()).contains("all 6,000 rows");
    }

    @Test
    void r14ACopyWhoseReportCannotBeKeptIsNeverWritten() throws Exception {
        Path blocked = queueDir.resolve("blocked");
        Files.writeString(blocked, "a file where the queue's folder should be");
        OfflineRosterViewModel vm = new OfflineRosterViewModel(new InlineTaskRunner(), messages,
                new PinnedKeys(settings), CLOCK, new ConversionRecorder(new PendingConversions(blocked), app,
                new InlineTaskRunner(), CLOCK));
        vm.fileProperty().set(file.toString());
        vm.passphraseProperty().set(PASSPHRASE);
        vm.open();

        vm.convertToCsv(dir.resolve("unreported"), CopyScope.VIEW);
        vm.convertToXlsx(dir.resolve("unreported"), CopyScope.ALL_ROWS);

        assertThat(vm.errorProperty().get()).isNotNull();
        assertThat(dir.resolve("unreported.csv")).doesNotExist();
        assertThat(dir.resolve("unreported.xlsx")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void readingSaysHowMuchOfTheFileIsDecrypted() throws Exception {
        Path big = TestRosters.write(dir.resolve("big.iqroster"), PASSPHRASE.toCharArray(),
                Instant.parse("2026-03-31T09:00:00Z"), List.of(CS101), 120_000);
        assertThat(Files.size(big)).isGreaterThan(3L << 18);
        InlineTaskRunner tasks = new InlineTaskRunner();
        OfflineRosterViewModel vm = viewModel(tasks, CLOCK);
        List<String> said = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        vm.readTextProperty().addListener((obs, old, text) -> said.add(text));
        vm.readProgressProperty().addListener((obs, old, f) -> fractions.add(f.doubleValue()));
        vm.fileProperty().set(big.toString());
        vm.passphraseProperty().set(PASSPHRASE);
        // as on the FX thread: the reading's progress arrives once the screen listens
        tasks.holdResults();

        vm.open();
        assertThat(vm.stateProperty().get()).isEqualTo(OfflineRosterViewModel.State.READING);
        tasks.releaseResults();

        assertThat(vm.stateProperty().get()).isEqualTo(OfflineRosterViewModel.State.OPEN);
        assertThat(said.getFirst()).isEqualTo("Unlocking the file\u2026");
        assertThat(said).anyMatch(t -> t.startsWith("Decrypting and checking the file: ") && t.endsWith("%"));
        assertThat(fractions.stream().filter(f -> f >= 0).toList()).hasSizeGreaterThan(2).isSorted()
                .allMatch(f -> f <= 1);
    }

    @Test
    void closingForgetsTheRows() {
        OfflineRosterViewModel vm = opened(new InlineTaskRunner(), PASSPHRASE);
        vm.close();
        assertThat(vm.rosterProperty().get()).isNull();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.stateProperty().get()).isEqualTo(OfflineRosterViewModel.State.ASKING);
    }
}
