package org.iqracity.console.ui.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.LongStream;
import org.iqracity.console.api.AccessLogEntryDto;
import org.iqracity.console.api.ChainVerificationDto;
import org.iqracity.console.api.Page;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.Role;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.client.PlatformUnreachableException;
import org.iqracity.console.ui.FakePlatformClient;
import org.iqracity.console.ui.MemorySettings;
import org.iqracity.console.ui.accesslog.AccessLogViewModel.State;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.ConnectionState;
import org.iqracity.console.ui.common.InlineTaskRunner;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessLogViewModelTest {

    private static final ZoneId ZONE = ZoneId.of("Africa/Nairobi");

    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final AppState app = new AppState();
    private final FakePlatformClient platform = new FakePlatformClient(URI.create("http://127.0.0.1:1"));
    private AccessLogViewModel vm;

    @BeforeEach
    void setUp() {
        platform.roles = List.of(Role.SECURITY_OFFICER);
        app.signedIn(new Session(platform, platform.me("nb-security")));
        platform.accessLogPages = AccessLogViewModelTest::pagesOf250;
        vm = new AccessLogViewModel(app, platform.accessLog(), tasks, Messages.english(), Duration.ofMillis(200), ZONE,
                new ChainCheckpoints(new MemorySettings()));
    }

    static AccessLogEntryDto entry(long seq) {
        return new AccessLogEntryDto(seq, Instant.parse("2026-11-29T09:00:00Z").minusSeconds(seq), "nb-ta",
                "LEARNER_VIEW", "SUCCESS", "LEARNER", "l-" + seq, "course-v1:NB+CS101+2026", "console/1", "127.0.0.1");
    }

    /** 250 entries, newest (seq 250) first; the cursor is the last seq handed out. */
    static Page<AccessLogEntryDto> pagesOf250(String cursor) {
        long below = cursor == null ? 251 : Long.parseLong(cursor);
        long size = cursor == null ? AccessLogViewModel.FIRST_PAGE : AccessLogViewModel.MORE_PAGE;
        long last = Math.max(1, below - size);
        List<AccessLogEntryDto> items = LongStream.iterate(below - 1, s -> s >= last, s -> s - 1)
                .mapToObj(AccessLogViewModelTest::entry).toList();
        return new Page<>(items, last > 1 ? Long.toString(last) : null, 250);
    }

    @Test
    void loadShowsTheFirstPageAndTheTotal() {
        vm.load();

        assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
        assertThat(vm.rows()).hasSize(100);
        assertThat(vm.rows().getFirst().seq()).isEqualTo(250);
        assertThat(vm.totalProperty().get()).isEqualTo(250);
        assertThat(platform.accessLogCursors).containsExactly((String) null);
    }

    @Test
    void scrollingNearTheEndFetchesTheNextPageByCursorOnce() {
        vm.load();

        vm.rowShown(10);
        assertThat(platform.accessLogCursors).hasSize(1);
        vm.rowShown(80);

        assertThat(platform.accessLogCursors).containsExactly(null, "151");
        assertThat(vm.rows()).hasSize(250);
        vm.rowShown(249);
        assertThat(platform.accessLogCursors).hasSize(2);
    }

    @Test
    void filtersReloadAfterThePauseWithWholeDaysInTheConsolesZone() {
        vm.load();
        vm.actorProperty().set(" nb-ta ");
        vm.actionProperty().set("SIGN_IN");
        vm.fromProperty().set(LocalDate.of(2026, 11, 1));
        vm.toProperty().set(LocalDate.of(2026, 11, 29));

        assertThat(tasks.runScheduled()).isEqualTo(1);

        var sent = platform.accessLogFilters.getLast();
        assertThat(sent.actor()).isEqualTo("nb-ta");
        assertThat(sent.action()).isEqualTo("SIGN_IN");
        assertThat(sent.objectId()).isNull();
        assertThat(sent.from()).isEqualTo(Instant.parse("2026-10-31T21:00:00Z"));
        assertThat(sent.to()).isEqualTo(Instant.parse("2026-11-29T21:00:00Z"));
        assertThat(platform.accessLogCursors.getLast()).isNull();
    }

    @Test
    void nothingMatchingIsEmptyNotAnError() {
        platform.accessLogPages = cursor -> new Page<>(List.of(), null, 0);

        vm.load();

        assertThat(vm.stateProperty().get()).isEqualTo(State.EMPTY);
    }

    @Test
    void unreachablePlatformIsAnErrorStateAndMarksTheConnection() {
        platform.failNext = new PlatformUnreachableException("down", null);

        vm.load();

        assertThat(vm.stateProperty().get()).isEqualTo(State.ERROR);
        assertThat(vm.errorProperty().get().text()).isEqualTo("The platform cannot be reached.");
        assertThat(app.connectionProperty().get()).isEqualTo(ConnectionState.OFFLINE);
    }

    @Test
    void verifyIntactSaysHowManyEntries() {
        platform.verification = new ChainVerificationDto(true, 1234, null);

        vm.verify();

        assertThat(vm.verdictProperty().get().intact()).isTrue();
        assertThat(vm.verdictProperty().get().text()).startsWith("All 1,234 entries are intact");
        assertThat(vm.verifyingProperty().get()).isFalse();
    }

    @Test
    void verifyBrokenNamesTheFirstBrokenEntry() {
        platform.verification = new ChainVerificationDto(false, 1234, 17L);

        vm.verify();

        assertThat(vm.verdictProperty().get().intact()).isFalse();
        assertThat(vm.verdictProperty().get().text())
                .startsWith("Entry #17 was changed or removed: the log has been tampered with")
                .endsWith("tell your platform's operator.");
    }

    @Test
    void verifyRefusedIsNotReportedAsIntact() {
        platform.failNext = new ApiHttpException(403, new Problem("about:blank", "Forbidden", 403, null,
                ProblemCode.FORBIDDEN, List.of(), null), null);

        vm.verify();

        assertThat(vm.verdictProperty().get().tone()).isEqualTo(AccessLogViewModel.Tone.UNSURE);
        assertThat(vm.verdictProperty().get().title()).isEqualTo("The access log could not be checked");
        assertThat(vm.verdictProperty().get().text()).contains("Your roles do not allow this.");
    }

    @Test
    void exportWritesTheCsvAsAJobWithTheFiltersShown(@TempDir Path dir) throws Exception {
        platform.accessLogCsv = "seq,at\n2,x\n1,y\n";
        vm.load();
        vm.actionProperty().set("ROSTER_EXPORT");
        Path target = dir.resolve("log.csv");

        vm.exportCsv(target);

        assertThat(Files.readString(target)).isEqualTo("seq,at\n2,x\n1,y\n");
        assertThat(vm.noticeProperty().get().ok()).isTrue();
        assertThat(vm.noticeProperty().get().text()).startsWith("2 entries saved to log.csv");
        assertThat(tasks.jobs()).isEmpty();
        assertThat(vm.exportingProperty().get()).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void failedExportLeavesNoFileBehind(@TempDir Path dir) throws Exception {
        platform.failNext = new PlatformUnreachableException("down", null);
        Path target = dir.resolve("log.csv");

        vm.exportCsv(target);

        assertThat(vm.noticeProperty().get().ok()).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void wordsTellFailedSignInsApartAndKeepUnknownActionsReadable() {
        AccessLogWords words = new AccessLogWords(Messages.english());
        AccessLogEntryDto failed = new AccessLogEntryDto(1, Instant.EPOCH, "nb-ta", "SIGN_IN", "FAILURE", "STAFF",
                "s-1", null, null, null);

        assertThat(words.action(failed)).isEqualTo("Failed sign-in");
        assertThat(words.action(entry(2))).isEqualTo("Viewed a learner");
        assertThat(words.action("ROSTER_EXPORT")).isEqualTo("Exported a roster");
        assertThat(words.action("BREACH_NOTICE_SEND")).isEqualTo("Breach notice send");
        assertThat(words.object(entry(3))).isEqualTo("Learner l-3");
    }
}
