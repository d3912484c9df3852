package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.TableView;
import org.iqracity.console.exports.PendingConversions;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.roster.RosterManifest;
import org.iqracity.console.roster.RosterReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Export a roster through the real window, sign out, and review it offline from the sign-in screen. */
class ExportsJourneyTest extends ConsoleJourney {

    static final String PASSPHRASE = "quiet river lantern 42";

    @TempDir
    Path out;
    @RegisterExtension
    static final SandboxPlatform sandbox = SandboxPlatform.withLearners(1500);

    private Path exportFirstCourse() throws IOException {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#nav-exports"));
        clickOn("#nav-exports");
        waitUntil(() -> shows("#course-0"));
        clickOn("#course-0");
        fill("#exportPassphrase", PASSPHRASE);
        fill("#exportPassphraseAgain", PASSPHRASE);
        Path file = out.resolve("course.iqroster");
        fill("#exportTarget", file.toString());
        clickOn("#runExport");
        waitUntil(() -> shows("#exportDone"));
        assertThat(find("#exportCancelled", Message.class).isVisible()).isFalse();
        assertThat(file).isRegularFile();
        try (var files = Files.list(out)) {
            assertThat(files.toList()).containsExactly(file);
        }
        return file;
    }

    private void openOffline(Path file, String passphrase) {
        waitUntil(() -> shows("#openRosterFromSignIn"));
        clickOn("#openRosterFromSignIn");
        waitUntil(() -> shows("#rosterFile"));
        fill("#rosterFile", file.toString());
        fill("#rosterPassphrase", passphrase);
        clickOn("#openRoster");
    }

    @Test
    void exportSignOutAndReviewTheFileOfflineWhereAWrongPassphraseIsSaidPlainly() throws Exception {
        Path file = exportFirstCourse();
        clickOn("#signOut");

        openOffline(file, "not the passphrase at all");
        waitUntil(() -> shows("#offlineError"));
        assertThat(onFx(() -> find("#offlineError", Message.class).getTitle()))
                .isEqualTo("The passphrase is not correct.");
        Message banner = find("#offlineBanner", Message.class);
        assertThat(onFx(banner::getTitle)).isEmpty();

        fill("#rosterPassphrase", PASSPHRASE);
        clickOn("#openRoster");
        waitUntil(() -> banner.getTitle() != null && !banner.getTitle().isEmpty());
        assertThat(onFx(banner::getTitle)).startsWith("Signed by the platform at " + sandbox.platform().baseUri());
        assertThat(onFx(banner::getDescription)).contains("Exported by", "(nb-admin)", "Valid until");
        @SuppressWarnings("unchecked")
        TableView<Integer> table = find("#offlineTable", TableView.class);
        waitUntil(() -> !table.getItems().isEmpty());
        int total = onFx(() -> table.getItems().size());
        String username = onFx(() -> String.valueOf(table.getColumns().get(1).getCellData(0)));
        assertThat(username).isNotBlank();

        fill("#offlineSearch", username);
        waitUntil(() -> table.getItems().size() < total && !table.getItems().isEmpty());
        assertThat(onFx(() -> table.getColumns().get(1).getCellData(0))).isEqualTo(username);

        clickOn("#closeOffline");
        waitUntil(() -> shows("#username") && !present("#offlineRosterView"));
    }

    private static final String RECORDED = "Offline copies recorded";

    @Test
    void r14ACopyMadeWhileSignedOutReachesThePlatformsAccessLogWhenSomeoneSignsInAgain() throws Exception {
        Path file = exportFirstCourse();
        clickOn("#signOut");
        waitUntil(() -> shows("#username"));
        // The copy itself goes through a native save dialog a robot cannot drive; the window's conversion is
        // covered by OfflineRosterViewModelTest. Here: the report it leaves behind, and the next sign-in.
        RosterManifest manifest;
        try (var in = Files.newInputStream(file)) {
            manifest = RosterReader.read(in,
                    RosterReader.Key.passphrase(PASSPHRASE.toCharArray()), null,
                    Clock.systemUTC(), new RosterReader.RowSink() {
                        @Override
                        public void header(List<String> fields) {
                        }

                        @Override
                        public void row(List<String> values) {
                        }
                    }).manifest();
        }
        var report = PendingConversions.report(manifest, "CSV", manifest.rowCount(),
                Instant.now());
        conversions.add(report);

        var jdbc = new Jdbc(sandbox.platform().database().dataSource());
        Supplier<List<String>> entries = () -> jdbc.query("SELECT actor_username || ' ' "
                + "|| course_id FROM access_log WHERE action = 'ROSTER_CONVERT' AND object_id = ? ORDER BY course_id",
                rs -> rs.getString(1), report.report().reportId());
        // A course administrator whose scope does not cover the course cannot report it (R1): it waits for
        // someone who may, and the next Member administrator to sign in on this computer reports it.
        String course = manifest.courses().getFirst().courseId();
        assertThat(course).as("nb-ta's scope is DS200 and ENG120").doesNotContain("+DS200+", "+ENG120+");
        signIn("nb-ta", PASSWORD);
        waitUntil(() -> shows("#signOut"));
        // the console tried, and the platform refused it as it refuses anything out of scope
        waitUntil(() -> !jdbc.query("SELECT seq FROM access_log WHERE actor_username = 'nb-ta' AND action = "
                + "'ACCESS_NOT_FOUND' AND object_id = 'POST /api/v1/roster-conversions'", rs -> rs.getLong(1))
                .isEmpty());
        assertThat(conversions.all()).hasSize(1);
        assertThat(entries.get()).isEmpty();
        assertThat(noticeTitles()).as("nothing was recorded, so nothing is told").doesNotContain(RECORDED);
        clickOn("#signOut");
        waitUntil(() -> shows("#username"));
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> conversions.all().isEmpty());
        assertThat(entries.get()).hasSize(manifest.courses().size()).allMatch(e -> e.startsWith("nb-admin "));
        // the person who signed in is told, in passing, that a copy made offline is now on record
        waitUntil(() -> noticeTitles().contains(RECORDED));
    }
}
