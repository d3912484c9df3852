package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.platform.PlatformFixture;
import org.iqracity.console.ui.insights.InsightsView;
import org.iqracity.console.ui.insights.Picture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** A Member administrator opens course insights against the real platform: charts, withheld counts, pictures. */
class InsightsJourneyTest extends ConsoleJourney {

    @BeforeEach
    void open() throws Exception {
        openConsole(PlatformFixture.h2().platform().baseUri().toString());
    }

    @AfterEach
    void close() throws Exception {
        closeConsole();
    }

    @Test
    void memberAdministratorSeesTheChartsOfACourseWithSmallCountsWithheld() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#nav-insights"));
        clickOn("#nav-insights");
        waitUntil(() -> shows("#insight-FUNNEL") && onFx(() -> find("#insightsSummary", Label.class).getText())
                .contains("enrolled"));
        shot("insights-journey");

        @SuppressWarnings("unchecked")
        BarChart<String, Number> funnel = (BarChart<String, Number>) onFx(() -> find("#insight-FUNNEL", Node.class)
                .lookup(".bar-chart"));
        List<String> stages = onFx(() -> funnel.getData().getFirst().getData().stream().map(XYChart.Data::getXValue)
                .toList());
        assertThat(stages).containsExactly("Enrolled", "Active", "Half way", "Passed", "Certificate");

        // 38 countries among 1,500 learners: some are small, and show as marks with no number
        Set<Node> marks = onFx(() -> lookup(".insight-suppressed").queryAll());
        assertThat(marks).isNotEmpty();
        assertThat(onFx(() -> marks.stream().map(n -> ((Label) n).getText()).toList()))
                .allSatisfy(text -> assertThat(text).isIn("", "fewer than 5 or hidden"))
                .contains("fewer than 5 or hidden");

        Picture picture = onFx(() -> InsightsView.picture(find("#insight-FUNNEL", Node.class),
                find("#savePng-FUNNEL", Node.class).getParent()));
        double width = onFx(() -> find("#insight-FUNNEL", Node.class).getBoundsInLocal().getWidth());
        assertThat(picture.width()).isBetween((int) (2 * width) - 2, (int) (2 * width) + 2);
        assertThat(Arrays.stream(picture.argb()).distinct().count()).isGreaterThan(10);
        assertThat(onFx(() -> find("#savePng-FUNNEL", Node.class).isVisible())).isTrue();

        @SuppressWarnings("unchecked")
        ComboBox<CourseDto> picker = find("#insightsCoursePicker", ComboBox.class);
        CourseDto other = onFx(() -> picker.getItems().stream()
                .filter(c -> c.id().contains("DS200")).findFirst().orElseThrow());
        interact(() -> picker.setValue(other));
        waitUntil(() -> onFx(() -> find("#insightsSummary", Label.class).getText())
                .startsWith(String.format("%,d", other.enrollmentCount())));
    }

    @Test
    void theTimeAxesLabelsStandApartAtEveryWindowSize() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#nav-insights"));
        clickOn("#nav-insights");
        waitUntil(() -> shows("#insight-FUNNEL"));
        for (double[] size : new double[][] {{1024, 700}, {1366, 768}}) {
            interact(() -> {
                console.stage().setWidth(size[0]);
                console.stage().setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            shot(String.format("insights-axes-%.0f", size[0]));
            List<List<Bounds>> axes = onFx(() -> lookup(".axis").queryAll().stream()
                    .filter(a -> a instanceof NumberAxis n && n.getSide() == Side.BOTTOM && n.isVisible())
                    .map(InsightsJourneyTest::tickLabels).toList());
            assertThat(axes).as("the month and the week axes").hasSizeGreaterThanOrEqualTo(2);
            for (List<Bounds> labels : axes) {
                assertThat(labels).as("labels on a time axis at %.0f", size[0]).hasSizeGreaterThanOrEqualTo(3);
                for (int i = 1; i < labels.size(); i++) {
                    assertThat(labels.get(i).getMinX()).as("a label drawn over its neighbour at %.0f", size[0])
                            .isGreaterThanOrEqualTo(labels.get(i - 1).getMaxX());
                }
            }
        }
    }

    /** The tick labels an axis shows, left to right, as they lie in the scene. */
    private static List<Bounds> tickLabels(Node axis) {
        return ((Parent) axis).getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof Text t && t.isVisible() && !t.getText().isBlank())
                .map(n -> n.localToScene(n.getBoundsInLocal()))
                .sorted(Comparator.comparingDouble(Bounds::getMinX)).toList();
    }
}
