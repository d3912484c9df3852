package org.iqracity.console.ui.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.iqracity.console.api.CourseScope;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.MemberRef;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.research.ResearchExportRequest;
import org.iqracity.console.api.research.ResearchExportSummary;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.ui.FakePlatformClient;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.InlineTaskRunner;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResearchExportViewModelTest {
    static final String CS101 = "course-v1:NB+CS101+2026";

    @TempDir
    Path dir;
    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final AppState app = new AppState();
    private final Messages messages = Messages.english();
    private Platform platform;
    private ResearchExportViewModel vm;

    /** Answers a small but complete archive, and can run a hook between its chunks. */
    static final class Platform extends FakePlatformClient {
        Runnable betweenChunks = () -> { };

        Platform() {
            super(URI.create("https://platform.example.org"));
        }

        @Override
        public long researchExport(String courseId, ResearchExportRequest request, OutputStream out) {
            researchArchive = archive(courseId, request.kOrDefault(), request.stableKeyOrDefault());
            researchChunk = 256;
            return super.researchExport(courseId, request, new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    betweenChunks.run();
                }
            });
        }
    }

    static final String GENERALISATION = "10-year birth bands; country; enrolled by month; level of education as "
            + "given; "
            + "forum posts in five bands";

    static byte[] archive(String courseId, int k, boolean stable) {
        ResearchExportSummary s = new ResearchExportSummary(ResearchExportSummary.FORMAT, "northbridge", courseId,
                "Course", "2026-03-01T09:00:00Z", k, stable, stable ? 2 : 0, List.of("year_of_birth_band", "location",
                "gender", "level_of_education", "enrolled_period", "forum_posts_band"), 120, 114, 100, 6,
                stable ? 3 : 0, 2, GENERALISATION, 9, 5,
                List.of("summary.json", "data-dictionary.md", "dataset.csv"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("summary.json"));
            zip.write(Json.mapper().writeValueAsBytes(s));
            zip.putNextEntry(new ZipEntry("data-dictionary.md"));
            zip.write("# Research dataset\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("dataset.csv"));
            // stored rows that do not compress, so the archive arrives in several chunks
            byte[] noise = new byte[4_000];
            new Random(1).nextBytes(noise);
            zip.write(("pseudonym\n" + HexFormat.of().formatHex(noise)).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    @BeforeEach
    void setUp() {
        platform = new Platform();
        platform.roles = List.of(Role.SECURITY_OFFICER);
        app.signedIn(new Session(platform, platform.me("nb-security")));
        vm = new ResearchExportViewModel(app, platform.courses(), platform.research(), tasks, messages);
        vm.load();
    }

    @Test
    void theFormAsksForACourseAKOfFiveOrMoreAndAPlaceToSave() {
        assertThat(vm.stateProperty().get()).isEqualTo(ResearchExportViewModel.State.READY);
        assertThat(vm.courses()).hasSize(2);
        assertThat(vm.kProperty().get()).isEqualTo(5);
        assertThat(vm.stableKeyProperty().get()).as("fresh pseudonyms unless asked").isFalse();
        assertThat(vm.problemProperty().get()).isEqualTo(messages.get("research.problem.noCourse"));
        vm.courseProperty().set(vm.courses().getFirst());
        assertThat(vm.problemProperty().get()).isEqualTo(messages.get("research.problem.noTarget"));
        vm.targetProperty().set(dir.resolve("cs101").toString());
        assertThat(vm.problemProperty().get()).isNull();
        vm.kProperty().set(4);
        assertThat(vm.problemProperty().get()).isEqualTo(messages.format("research.problem.k", 5));
        vm.export();
        assertThat(platform.researchRequests).isEmpty();
    }

    @Test
    void aFileThatIsThereAlreadyIsReplacedOnlyWhenThePersonSaysSo() throws Exception {
        vm.courseProperty().set(vm.courses().getFirst());
        Path existing = dir.resolve("cs101.zip");
        Files.writeString(existing, "the export of last month");
        vm.targetProperty().set(dir.resolve("cs101").toString());

        vm.export();
        assertThat(vm.replaceAskedProperty().get()).isEqualTo(existing.toAbsolutePath());
        assertThat(platform.researchRequests).as("nothing asked of the platform yet").isEmpty();
        vm.keep();
        assertThat(vm.replaceAskedProperty().get()).isNull();
        assertThat(existing).hasContent("the export of last month");

        vm.export();
        vm.replace();
        assertThat(vm.stateProperty().get()).isEqualTo(ResearchExportViewModel.State.DONE);
        assertThat(platform.researchRequests).hasSize(1);
        assertThat(Files.readAllBytes(existing)).isNotEqualTo("the export of last month".getBytes());
        vm.export();
        assertThat(vm.replaceAskedProperty().get()).as("the next export asks again")
                .isEqualTo(existing.toAbsolutePath());
    }

    @Test
    void exportSavesTheZipAndReportsRowsGeneralisedAndSuppressed() throws Exception {
        vm.courseProperty().set(vm.courses().getFirst());
        vm.kProperty().set(7);
        vm.stableKeyProperty().set(true);
        vm.targetProperty().set(dir.resolve("cs101").toString());
        vm.export();

        assertThat(vm.stateProperty().get()).as(String.valueOf(vm.errorProperty().get()))
                .isEqualTo(ResearchExportViewModel.State.DONE);
        assertThat(platform.researchRequests).containsExactly(CS101 + " 7 true");
        Path saved = dir.resolve("cs101.zip");
        assertThat(saved).exists();
        assertThat(vm.savedProperty().get().file()).isEqualTo(saved.toAbsolutePath());
        assertThat(vm.bytesReceivedProperty().get()).isEqualTo(Files.size(saved));
        assertThat(vm.report()).contains("114 of 120 learners", "shared by at least 7 learners",
                "it shows: " + GENERALISATION + ".", "100 rows came out coarser", "6 were left out",
                saved.toAbsolutePath().toString(), "3 of those left out only so that joining this export with your "
                + "Member's 2 earlier stable-key exports");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(saved);
        }
    }

    @Test
    void cancellingWhileTheArchiveArrivesLeavesNoFile() throws Exception {
        vm.courseProperty().set(vm.courses().getFirst());
        vm.targetProperty().set(dir.resolve("cs101.zip").toString());
        platform.betweenChunks = () -> vm.cancel();
        vm.export();

        assertThat(vm.stateProperty().get()).isEqualTo(ResearchExportViewModel.State.CANCELLED);
        assertThat(vm.savedProperty().get()).isNull();
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void refusalsBecomeSentencesAndTheFloorOnKIsTheplatformsOwnWords() {
        vm.courseProperty().set(vm.courses().getFirst());
        vm.targetProperty().set(dir.resolve("x.zip").toString());
        platform.failNext = new ApiHttpException(403, new Problem("about:blank", "Forbidden", 403, "no",
                "forbidden", List.of(), null), null);
        vm.export();
        assertThat(vm.stateProperty().get()).isEqualTo(ResearchExportViewModel.State.FAILED);
        assertThat(vm.errorProperty().get().text()).isEqualTo(messages.get("research.error.forbidden.text"));

        platform.failNext = new ApiHttpException(422, new Problem("about:blank", "Validation failed", 422,
                "Some fields are not valid.", "validation_failed",
                List.of(new Problem.FieldError("k", "k must be at least 5: every combination ...")), null), null);
        vm.export();
        assertThat(vm.errorProperty().get().text()).startsWith("k must be at least 5");
        assertThat(dir.resolve("x.zip")).doesNotExist();
    }

    @Test
    void r11AStableKeyExportRefusedForItsJoinsShowsThePlatformsReasonAndWhatToDoInstead() {
        vm.courseProperty().set(vm.courses().getFirst());
        vm.stableKeyProperty().set(true);
        vm.targetProperty().set(dir.resolve("joined.zip").toString());
        String reason = "A stable-key export of this course would leave out 72 of its 241 learners, more than the "
                + "5 % allowed. 70 of them were already released by your Member's earlier stable-key exports, and "
                + "joining those with this one on pseudonym would put them in groups of fewer than 5 learners (k). "
                + "Export with new pseudonyms instead: that dataset cannot be joined with other exports.";
        platform.failNext = new ApiHttpException(422, new Problem("about:blank", "Validation failed", 422,
                "Some fields are not valid.", "validation_failed", List.of(new Problem.FieldError("stableKey",
                reason)), null), null);
        vm.export();

        assertThat(vm.stateProperty().get()).isEqualTo(ResearchExportViewModel.State.FAILED);
        assertThat(vm.errorProperty().get().text()).isEqualTo(messages.get("research.error.joins.text"));
        assertThat(vm.errorProperty().get().hint()).startsWith(reason).endsWith("Nothing was saved or released.");
        assertThat(vm.savedProperty().get()).isNull();
        assertThat(dir.resolve("joined.zip")).doesNotExist();

        vm.stableKeyProperty().set(false);
        assertThat(vm.errorProperty().get()).as("a new choice clears the refusal").isNull();
        vm.export();
        assertThat(vm.stateProperty().get()).isEqualTo(ResearchExportViewModel.State.DONE);
        assertThat(vm.report()).doesNotContain("earlier stable-key exports");
    }

    @Test
    void aNewChoiceClearsTheLastResult() {
        vm.courseProperty().set(vm.courses().getFirst());
        vm.targetProperty().set(dir.resolve("a.zip").toString());
        vm.export();
        assertThat(vm.stateProperty().get()).isEqualTo(ResearchExportViewModel.State.DONE);
        vm.kProperty().set(10);
        assertThat(vm.stateProperty().get()).isEqualTo(ResearchExportViewModel.State.READY);
        assertThat(vm.savedProperty().get()).isNull();
        assertThat(vm.report()).isEmpty();
    }

    @Test
    void rostersAreForCourseWorkAndResearchDatasetsForOfficersAndMemberAdministrators() {
        assertThat(ExportKind.allowedFor(me(Role.COURSE_ADMIN))).containsExactly(ExportKind.ROSTER);
        assertThat(ExportKind.allowedFor(me(Role.SECURITY_OFFICER))).containsExactly(ExportKind.RESEARCH);
        assertThat(ExportKind.allowedFor(me(Role.MEMBER_ADMIN, Role.COURSE_ADMIN)))
                .containsExactly(ExportKind.ROSTER, ExportKind.RESEARCH);
    }

    private static MeDto me(Role... roles) {
        return new MeDto("x", "X", new MemberRef("northbridge", "Northbridge"), List.of(roles),
                CourseScope.allCourses());
    }
}
