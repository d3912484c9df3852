package org.iqracity.console.ui.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.RosterCanon;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.api.RosterSummary;
import org.iqracity.console.api.RosterView;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.client.PlatformUnreachableException;
import org.iqracity.console.client.RosterLines;
import org.iqracity.console.roster.RosterReader;
import org.iqracity.console.ui.FakePlatformClient;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.ExportRequest;
import org.iqracity.console.ui.common.InlineTaskRunner;
import org.iqracity.console.ui.common.Job;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.SaveFolders;
import org.iqracity.console.ui.common.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportViewModelTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final AppState app = new AppState();
    private final Messages messages = Messages.english();
    private StreamingPlatform platform;
    private ExportViewModel vm;

    /** Streams {@code enrollmentCount} generated rows per course with a correct summary. */
    static final class StreamingPlatform extends FakePlatformClient {
        IntConsumer onRow = i -> { };
        RuntimeException failAtRow;
        int failAt = -1;
        /** The view each roster was asked for (null: the whole course), and how many rows a view holds. */
        final List<RosterView> viewsAsked = new ArrayList<>();
        int viewRows = 42;

        StreamingPlatform() {
            super(URI.create("https://platform.example.org"));
            courses = List.of(course("course-v1:NB+CS101+2026", 3_000), course("course-v1:NB+MA201+2026", 500));
        }

        @Override
        public RosterSummary roster(String courseId, List<RosterField> fields, RosterView view, RosterLines lines) {
            viewsAsked.add(view);
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                lines.header(fields.stream().map(RosterField::column).toList());
                long n = view == null ? course(courseId).enrollmentCount() : viewRows;
                for (int i = 0; i < n; i++) {
                    if (i == failAt) {
                        throw failAtRow;
                    }
                    List<String> row = new ArrayList<>();
                    for (RosterField f : fields) {
                        row.add(f == RosterField.COURSE_ID ? courseId : f.column() + i);
                    }
                    sha.update(RosterCanon.csvLine(row).getBytes(StandardCharsets.UTF_8));
                    lines.row(row);
                    onRow.accept(i);
                }
                return new RosterSummary(RosterSummary.TYPE, "northbridge", courseId, "2026-03-01T09:00:00Z",
                        "nb-admin", view == null ? null : view.text(),
                        fields.stream().map(RosterField::column).toList(), n, HexFormat.of().formatHex(sha.digest()),
                        "key-1", "c2lnbmF0dXJl");
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new PlatformUnreachableException("the answer broke off", e);
            }
        }
    }

    @BeforeEach
    void setUp() {
        platform = new StreamingPlatform();
        app.signedIn(new Session(platform, platform.me("nb-admin")));
        vm = new ExportViewModel(app, platform.courses(), platform.rosters(), tasks, messages, CLOCK);
        vm.load();
    }

    private void fillValidForm() {
        vm.courses().getFirst().selected().set(true);
        vm.passphraseProperty().set("correct horse battery");
        vm.passphraseAgainProperty().set("correct horse battery");
        vm.targetProperty().set(dir.resolve("cs101").toString());
    }

    @Test
    void loadsThePersonsCoursesWithNoneChosenAndASensibleDefaultOfColumns() {
        assertThat(vm.stateProperty().get()).isEqualTo(ExportViewModel.State.READY);
        assertThat(vm.courses()).hasSize(2).allMatch(c -> !c.selected().get());
        assertThat(vm.fields().stream().filter(f -> f.selected().get()).map(ExportViewModel.FieldChoice::field))
                .contains(RosterField.USERNAME, RosterField.NAME, RosterField.EMAIL, RosterField.GRADE)
                .doesNotContain(RosterField.YEAR_OF_BIRTH, RosterField.GENDER, RosterField.COURSE_ID);
        assertThat(vm.problemProperty().get()).isEqualTo(messages.get("exports.problem.noCourse"));
    }

    @Test
    void refusesAPassphraseUnderTwelveCharactersAndOneTypedDifferentlyTwice() {
        fillValidForm();
        assertThat(vm.problemProperty().get()).isNull();

        vm.passphraseProperty().set("short-phrase");
        vm.passphraseAgainProperty().set("short-phrase");
        assertThat(vm.problemProperty().get()).isNull();
        vm.passphraseProperty().set("elevenchars");
        vm.passphraseAgainProperty().set("elevenchars");
        assertThat(vm.problemProperty().get()).isEqualTo(messages.format("exports.problem.short", 12));
        assertThat(vm.strengthProperty().get().level()).isEqualTo(PassphraseStrength.Level.TOO_SHORT);

        vm.passphraseProperty().set("correct horse battery");
        vm.passphraseAgainProperty().set("correct horse batterie");
        assertThat(vm.problemProperty().get()).isEqualTo(messages.get("exports.problem.mismatch"));

        vm.passphraseProperty().set("");
        vm.passphraseAgainProperty().set("");
        assertThat(vm.problemProperty().get()).isEqualTo(messages.get("exports.problem.noProtection"));

        vm.export();
        assertThat(vm.stateProperty().get()).isEqualTo(ExportViewModel.State.READY);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void theTwoPassphrasesDifferOnlyOnceTheSecondIsTyped() {
        fillValidForm();
        vm.passphraseAgainProperty().set("");
        for (String typed : new String[] {"c", "correct", "correct horse", "correct horse battery staple"}) {
            vm.passphraseProperty().set(typed);
            assertThat(vm.passphraseAgainProblem()).isEqualTo(messages.get("exports.problem.again"));
            assertThat(vm.problemProperty().get()).isNotEqualTo(messages.get("exports.problem.mismatch"));
        }
        vm.passphraseAgainProperty().set("correct horse");
        assertThat(vm.passphraseAgainProblem()).isEqualTo(messages.get("exports.problem.mismatch"));
        vm.passphraseAgainProperty().set("correct horse battery staple");
        assertThat(vm.passphraseAgainProblem()).isNull();
        assertThat(vm.problemProperty().get()).isNull();
    }

    @Test
    void strengthGrowsWithLengthAndVarietyNotWithRepetition() {
        assertThat(PassphraseStrength.of("aaaaaaaaaaaaaaaaaaaa").level()).isEqualTo(PassphraseStrength.Level.WEAK);
        assertThat(PassphraseStrength.of("correct horse battery").bits())
                .isGreaterThan(PassphraseStrength.of("correcthorse").bits());
        assertThat(PassphraseStrength.of("Correct horse, battery 42 staple!").level())
                .isEqualTo(PassphraseStrength.Level.STRONG);
    }

    @Test
    void aNameAloneGoesToTheDocumentsFolderAndTheSuggestedNameSaysWhatAndWhen() throws Exception {
        Path documents = Files.createDirectories(dir.resolve("home/Documents"));
        vm.useFolders(new SaveFolders(dir.resolve("home"), Map.of()));
        fillValidForm();
        assertThat(vm.suggestedFileName()).matches("roster-[A-Za-z0-9_.-]+-2026-03-01\\.iqroster")
                .doesNotContain("course-v1", "+", ":");
        vm.courses().get(1).selected().set(true);
        assertThat(vm.suggestedFileName()).isEqualTo("roster-2-courses-2026-03-01.iqroster");
        assertThat(vm.dialogFolder()).isEqualTo(dir);
        vm.targetProperty().set("march");

        vm.export();

        assertThat(vm.stateProperty().get()).isEqualTo(ExportViewModel.State.DONE);
        assertThat(documents.resolve("march.iqroster")).isRegularFile();
        assertThat(vm.savedFileProperty().get()).as("for Show in folder")
                .isEqualTo(documents.resolve("march.iqroster"));
        assertThat(Path.of("march.iqroster")).as("nothing in the working directory").doesNotExist();
    }

    @Test
    void aFileThatIsThereAlreadyIsReplacedOnlyWhenThePersonSaysSo() throws Exception {
        fillValidForm();
        Path existing = dir.resolve("cs101.iqroster");
        Files.writeString(existing, "last month's roster");

        vm.export();
        assertThat(vm.replaceAskedProperty().get()).isEqualTo(existing.toAbsolutePath());
        assertThat(vm.stateProperty().get()).as("nothing exported yet").isEqualTo(ExportViewModel.State.READY);
        vm.keep();
        assertThat(existing).hasContent("last month's roster");

        vm.export();
        vm.replace();
        assertThat(vm.stateProperty().get()).isEqualTo(ExportViewModel.State.DONE);
        assertThat(Files.readString(existing, StandardCharsets.ISO_8859_1)).isNotEqualTo("last month's roster");
    }

    @Test
    void exportWritesTheFileWithTheExtensionAndReportsRowsAndRate() {
        fillValidForm();
        vm.courses().get(1).selected().set(true);
        List<String> statusBar = new ArrayList<>();
        platform.onRow = i -> {
            if (i == 2_500) {
                Job job = tasks.jobs().getFirst();
                statusBar.add(job.stageProperty().get() + " " + job.progressProperty().get());
            }
        };

        vm.export();

        assertThat(vm.stateProperty().get()).isEqualTo(ExportViewModel.State.DONE);
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(dir.resolve("cs101.iqroster")).isRegularFile();
        assertThat(vm.rowsDoneProperty().get()).isEqualTo(3_500);
        assertThat(vm.rowsExpectedProperty().get()).isEqualTo(3_500);
        assertThat(statusBar).containsExactly("Exporting: 2,000 of 3,500 rows " + 2_000 / 3_500.0);
        assertThat(vm.rowsPerSecondProperty().get()).isPositive();
        assertThat(vm.resultProperty().get()).contains("3,500 rows of 2 courses").contains("March 31, 2026");
        assertThat(vm.passphraseProperty().get()).isEmpty();
        assertThat(tasks.jobs()).isEmpty();
    }

    @Test
    void cancelMidwayLeavesNoFileAndSaysSo() {
        fillValidForm();
        platform.onRow = i -> {
            if (i == 1_500) {
                assertThat(tasks.jobs()).hasSize(1);
                vm.cancel();
            }
        };

        vm.export();

        assertThat(vm.stateProperty().get()).isEqualTo(ExportViewModel.State.CANCELLED);
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(dir).isEmptyDirectory();
        assertThat(tasks.jobs()).isEmpty();
    }

    @Test
    void thePlatformGoingAwayMidwayIsSaidPlainlyAndLeavesNoFile() {
        fillValidForm();
        platform.failAt = 1_200;
        platform.failAtRow = new PlatformUnreachableException("the answer broke off", new SocketException());

        vm.export();

        assertThat(vm.stateProperty().get()).isEqualTo(ExportViewModel.State.FAILED);
        assertThat(vm.errorProperty().get().text()).isEqualTo(messages.get("exports.error.platformGone.text"));
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aFullDiskIsSaidPlainly() {
        fillValidForm();
        platform.failAt = 10;
        platform.failAtRow = new PlatformUnreachableException("the answer broke off",
                new IOException("No space left on device"));

        vm.export();

        assertThat(vm.errorProperty().get().text()).isEqualTo(messages.get("roster.error.diskFull.text"));
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aCourseOutOfScopeIsSaidPlainly() {
        fillValidForm();
        platform.failAt = 0;
        platform.failAtRow = new ApiHttpException(404, new Problem("about:blank", "Not found", 404, null, "not_found",
                List.of(), null), null);

        vm.export();

        assertThat(vm.errorProperty().get().text()).isEqualTo(messages.get("exports.error.outOfScope.text"));
    }

    @Test
    void aFolderThatIsNotThereIsSaidPlainly() {
        fillValidForm();
        vm.targetProperty().set(dir.resolve("missing/folder/x.iqroster").toString());

        vm.export();

        assertThat(vm.stateProperty().get()).isEqualTo(ExportViewModel.State.FAILED);
        assertThat(vm.errorProperty().get().text()).isEqualTo(messages.get("roster.error.noFile.text"));
    }

    @Test
    void anArmoredKeyThatIsNotAKeyIsRefusedWithASentence() throws IOException {
        Path notAKey = Files.writeString(dir.resolve("colleague.asc"), "hello");
        vm.addRecipientKey(notAKey);
        assertThat(vm.recipients()).isEmpty();
        assertThat(vm.errorProperty().get().text()).isEqualTo(messages.get("exports.key.unreadable.text"));
    }

    private static RosterView keDeByName() {
        return new RosterView(null, null, null, null, List.of("ke", "DE"), null, null, null, null, null,
                LearnerSort.NAME, false);
    }

    private ObjectProperty<ExportRequest> request(int course,
            RosterView view, long rows) {
        return new SimpleObjectProperty<>(new ExportRequest(
                platform.courses.get(course), Set.of(RosterField.USERNAME, RosterField.GRADE), view, rows));
    }

    /** R14: the Learners screen's view is what the roster holds, and the form says so with the count. */
    @Test
    void aRequestFromTheLearnersScreenExportsItsViewWithItsCountAndItsColumns() throws Exception {
        var requests = request(1, keDeByName(), 42);
        ExportViewModel fromLearners = new ExportViewModel(app, platform.courses(), platform.rosters(), tasks,
                messages, CLOCK, requests);
        fromLearners.load();

        assertThat(requests.get()).as("taken").isNull();
        assertThat(fromLearners.courses()).filteredOn(c -> c.selected().get()).extracting(c -> c.course().id())
                .containsExactly("course-v1:NB+MA201+2026");
        assertThat(fromLearners.fields()).filteredOn(f -> f.selected().get()).extracting(f -> f.field())
                .containsExactly(RosterField.USERNAME, RosterField.GRADE);
        assertThat(fromLearners.fromScreenProperty().get())
                .startsWith("From the Learners screen: the 42 learners of this view of ")
                .contains("in its order").endsWith("Country: DE, KE \u00b7 Sorted by name");

        fromLearners.passphraseProperty().set("correct horse battery");
        fromLearners.passphraseAgainProperty().set("correct horse battery");
        Path file = dir.resolve("view.iqroster");
        fromLearners.targetProperty().set(file.toString());
        fromLearners.export();

        assertThat(fromLearners.stateProperty().get()).isEqualTo(ExportViewModel.State.DONE);
        assertThat(platform.viewsAsked).containsExactly(keDeByName());
        assertThat(fromLearners.rowsExpectedProperty().get()).isEqualTo(42);
        try (var in = Files.newInputStream(file)) {
            var opened = RosterReader.read(in,
                    RosterReader.Key.passphrase("correct horse battery".toCharArray()),
                    null, CLOCK, new RosterReader.RowSink() {
                        @Override
                        public void header(List<String> fields) {
                        }

                        @Override
                        public void row(List<String> values) {
                        }
                    });
            assertThat(opened.manifest().courses()).singleElement().satisfies(c -> {
                assertThat(c.view()).isEqualTo("country=DE,KE&sort=name");
                assertThat(c.rowCount()).isEqualTo(42);
            });
            assertThat(opened.manifest().formatVersion()).isEqualTo(2);
        }
    }

    /** The view belongs to its course: with other courses chosen, every course is exported whole, as the form says. */
    @Test
    void aViewAppliesOnlyWhileItsCourseAloneIsChosen() {
        ExportViewModel fromLearners = new ExportViewModel(app, platform.courses(), platform.rosters(), tasks,
                messages, CLOCK, request(1, keDeByName(), 42));
        fromLearners.load();

        fromLearners.courses().getFirst().selected().set(true);
        assertThat(fromLearners.fromScreenProperty().get()).contains("applies when").contains("exported whole");
        fromLearners.passphraseProperty().set("correct horse battery");
        fromLearners.passphraseAgainProperty().set("correct horse battery");
        fromLearners.targetProperty().set(dir.resolve("both").toString());
        fromLearners.export();
        assertThat(platform.viewsAsked).containsExactly(null, null);
        assertThat(fromLearners.rowsDoneProperty().get()).isEqualTo(3_500);

        fromLearners.courses().getFirst().selected().set(false);
        assertThat(fromLearners.fromScreenProperty().get()).contains("the 42 learners of this view");
    }

    @Test
    void aRequestOfTheWholeCourseSaysItHoldsEveryLearner() {
        var requests = request(1, null, 500);
        ExportViewModel fromLearners = new ExportViewModel(app, platform.courses(), platform.rosters(), tasks,
                messages, CLOCK, requests);
        fromLearners.load();
        assertThat(fromLearners.fromScreenProperty().get()).contains("all 500 learners").doesNotContain("view");

        requests.set(new ExportRequest(platform.courses.get(0),
                Set.of(RosterField.USERNAME), keDeByName(), 7));
        assertThat(fromLearners.courses()).filteredOn(c -> c.selected().get()).extracting(c -> c.course().id())
                .containsExactly("course-v1:NB+CS101+2026");
        assertThat(fromLearners.fromScreenProperty().get()).contains("the 7 learners of this view");
    }
}
