package org.iqracity.console.ui.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.insights.CourseInsightsDto;
import org.iqracity.console.api.insights.InsightCell;
import org.iqracity.console.api.insights.InsightSeries;
import org.iqracity.console.client.PlatformUnreachableException;
import org.iqracity.console.ui.FakePlatformClient;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.InlineTaskRunner;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Session;
import org.iqracity.console.ui.insights.InsightsViewModel.State;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsightsViewModelTest {
    private static final String CS101 = "course-v1:NB+CS101+2026";
    private static final String MA201 = "course-v1:NB+MA201+2026";

    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final AppState app = new AppState();
    private final FakePlatformClient platform = new FakePlatformClient(URI.create("http://127.0.0.1:1"));
    private InsightsViewModel vm;

    @TempDir
    Path dir;

    static CourseInsightsDto insights(String courseId) {
        List<InsightCell> buckets = List.of(InsightCell.of("0-10", 40), InsightCell.hidden("10-20"),
                InsightCell.of("20-30", 0), InsightCell.hidden("30-40"), InsightCell.of("40-50", 30),
                InsightCell.of("50-60", 20), InsightCell.of("60-70", 10), InsightCell.of("70-80", 10),
                InsightCell.of("80-90", 6), InsightCell.of("90-100", 0));
        return new CourseInsightsDto(courseId, "Intro", Instant.parse("2026-03-01T10:00:00Z"), false,
                InsightCell.of("enrolled", 120),
                List.of(new InsightSeries("AUDIT",
                        List.of(InsightCell.of("2026-01", 70), InsightCell.of("2026-02", 30))),
                        new InsightSeries("MASTERS", List
                                .of(InsightCell.hidden("2026-01"), InsightCell.hidden("2026-02")))),
                List.of(InsightCell.of("2026-01-12", 80), InsightCell.hidden("2026-01-19")), buckets, buckets,
                List.of(InsightCell.of("ENROLLED", 120), InsightCell.of("ACTIVE", 100), InsightCell.of("HALF_WAY", 46),
                        InsightCell.of("PASSED", 30), InsightCell.hidden("CERTIFICATE")),
                List.of(InsightCell.hidden("IS"), InsightCell.of("KR", 60), InsightCell.hidden("NZ"),
                        InsightCell.of(CourseInsightsDto.NOT_STATED, 52)),
                List.of(InsightCell.of("b", 70), InsightCell.of(CourseInsightsDto.NOT_STATED, 50)));
    }

    @BeforeEach
    void setUp() {
        platform.roles = List.of(Role.COURSE_ADMIN);
        platform.insights.put(CS101, insights(CS101));
        app.signedIn(new Session(platform, platform.me("nb-ta")));
        vm = new InsightsViewModel(app, platform.courses(), platform.insights(), tasks, Messages.english());
    }

    @Test
    void loadOpensTheFirstCourseAndShowsItsInsights() {
        vm.load();
        assertThat(vm.courseProperty().get().id()).isEqualTo(CS101);
        assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
        assertThat(vm.insightsProperty().get().enrolled().count()).isEqualTo(120);
        assertThat(platform.insightRequests).containsExactly(CS101);
    }

    @Test
    void pickingAnotherCourseAsksForItsInsights() {
        vm.load();
        vm.courseProperty().set(vm.courses().get(1));
        assertThat(platform.insightRequests).containsExactly(CS101, MA201);
        assertThat(vm.stateProperty().get()).isEqualTo(State.EMPTY);
    }

    @Test
    void aCourseOfFewerThanFiveLearnersShowsThatNothingCanBeShown() {
        platform.insights.put(CS101, new CourseInsightsDto(CS101, "Intro", Instant.parse("2026-03-01T10:00:00Z"),
                true, InsightCell.hidden("enrolled"), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of()));
        vm.load();
        assertThat(vm.stateProperty().get()).isEqualTo(State.SUPPRESSED);
    }

    @Test
    void aPlatformThatCannotBeReachedIsAnErrorInWordsAndRetrying() {
        vm.load();
        platform.failNext = new PlatformUnreachableException("down", null);
        vm.reload();
        assertThat(vm.stateProperty().get()).isEqualTo(State.ERROR);
        assertThat(vm.errorProperty().get().text()).isNotBlank().doesNotContain("Exception");
        vm.reload();
        assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
    }

    @Test
    void csvSaysWhereACountWasWithheldAndNeverGivesANumberForIt() throws Exception {
        vm.load();
        Path file = dir.resolve("countries.csv");
        vm.saveData(InsightChart.COUNTRIES, file);
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("country,country_name,learners\r\n"
                + "IS,Iceland,fewer than 5 or hidden\r\n"
                + "KR,South Korea,60\r\n"
                + "NZ,New Zealand,fewer than 5 or hidden\r\n"
                + "NOT_STATED,Not stated,52\r\n");
        assertThat(vm.noticeProperty().get().ok()).isTrue();
        assertThat(vm.csv(InsightChart.ENROLLMENTS)).contains("2026-01,MASTERS,fewer than 5 or hidden\r\n")
                .contains("2026-01,AUDIT,70\r\n");
        assertThat(vm.csv(InsightChart.FUNNEL)).contains("CERTIFICATE,Certificate,fewer than 5 or hidden\r\n");
        assertThat(vm.csv(InsightChart.ACTIVE)).isEqualTo("week_starting,active_learners\r\n2026-01-12,80\r\n"
                + "2026-01-19,fewer than 5 or hidden\r\n");
    }

    @Test
    void pictureIsWrittenAsAPngWithItsPixels() throws Exception {
        vm.load();
        int[] pixels = {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0xFFFFFFFF, 0xFF000000, 0x80808080};
        Path file = dir.resolve("funnel.png");
        vm.savePicture(InsightChart.FUNNEL, new Picture(3, 2, pixels), file);
        BufferedImage read = ImageIO.read(file.toFile());
        assertThat(read.getWidth()).isEqualTo(3);
        assertThat(read.getHeight()).isEqualTo(2);
        assertThat(read.getRGB(0, 0)).isEqualTo(0xFFFF0000);
        assertThat(read.getRGB(2, 1)).isEqualTo(0x80808080);
        assertThat(vm.noticeProperty().get().text()).contains("funnel.png");
    }

    @Test
    void aFailedSaveSaysSoAndLeavesNoFile() {
        vm.load();
        Path missingDir = dir.resolve("gone").resolve("progress.csv");
        vm.saveData(InsightChart.PROGRESS, missingDir);
        assertThat(vm.noticeProperty().get().ok()).isFalse();
        assertThat(Files.exists(missingDir)).isFalse();
    }

    @Test
    void suggestedFileNamesNameTheChartAndTheCourse() {
        vm.load();
        assertThat(vm.suggestedName(InsightChart.PROGRESS, "png")).isEqualTo("progress-X.png");
    }
}
