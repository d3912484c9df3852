package org.iqracity.console.ui.exports;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.Role;
import org.iqracity.console.ui.FakePlatformClient;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.InlineTaskRunner;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * A security officer picks a course for a research export among courses whose counts the platform protects (R11):
 * a course with a suppressed count reads "a few enrolled", never "null", and fits the picker as the others do; the
 * closed picker shows the chosen course's title and run whole.
 */
class ResearchCoursePickerWindowTest extends FxRobot {
    static final Instant START = Instant.parse("2026-01-15T00:00:00Z");

    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final FakePlatformClient platform = new FakePlatformClient(URI.create("http://127.0.0.1:1"));
    private final AppState app = new AppState();
    private Stage stage;
    private ResearchExportView view;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    static CourseDto course(String number, Long enrolled, Long active) {
        return new CourseDto("course-v1:NB+" + number + "+2026", "Course " + number, "NB", number, "2026", START,
                null, enrolled, active, true);
    }

    @BeforeEach
    void open() throws Exception {
        platform.roles = List.of(Role.SECURITY_OFFICER);
        platform.courses = List.of(course("CS101", 1_203L, null), course("SEM900", null, null),
                course("MA201", 480L, 460L));
        FxToolkit.setupFixture(() -> {
            app.signedIn(new Session(platform, platform.me("nb-security")));
            stage = new Stage();
            view = new ResearchExportView(new ResearchExportViewModel(app, platform.courses(), platform.research(),
                    tasks, Messages.english()),
                    Messages.english());
            Scene scene = new Scene(view, 1024, 700);
            scene.getStylesheets().add(ResearchExportView.class.getResource(Css.STYLESHEET).toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupFixture(() -> {
            view.close();
            stage.hide();
        });
    }

    @Test
    void r11ACourseWhoseCountIsProtectedReadsAFewEnrolledAndFitsThePicker() throws Exception {
        @SuppressWarnings("unchecked")
        ComboBox<CourseDto> picker = lookup("#researchCourse").queryAs(ComboBox.class);
        List<String> texts = FxToolkit.setupFixture(() -> picker.getItems().stream()
                .map(c -> picker.getConverter().toString(c)).toList());
        assertThat(texts).containsExactly("Course CS101  (course-v1:NB+CS101+2026, 1,203 enrolled)",
                "Course SEM900  (course-v1:NB+SEM900+2026, a few enrolled)",
                "Course MA201  (course-v1:NB+MA201+2026, 480 enrolled)");

        FxToolkit.setupFixture(() -> picker.setValue(picker.getItems().get(1)));
        ListCell<?> button = FxToolkit.setupFixture(() -> (ListCell<?>) picker.getButtonCell());
        // The closed picker: the title and run, whole; the id and the count in its tooltip.
        assertThat(FxToolkit.setupFixture(button::getText)).isEqualTo("Course SEM900 (2026)");
        assertThat(FxToolkit.setupFixture(() -> drawn(button))).isEqualTo("Course SEM900 (2026)");
        assertThat(FxToolkit.setupFixture(() -> picker.getTooltip().getText())).isEqualTo(texts.get(1));
        Bounds cell = FxToolkit.setupFixture(() -> button.localToScene(button.getBoundsInLocal()));
        Bounds box = FxToolkit.setupFixture(() -> ((Node) picker).localToScene(picker.getBoundsInLocal()));
        assertThat(cell.getMaxX()).as("the chosen course stays inside its picker").isLessThanOrEqualTo(box.getMaxX());
    }

    /** What the cell draws: its text, ending in an ellipsis when cut (the icon is a Text of its own). */
    private static String drawn(ListCell<?> cell) {
        cell.applyCss();
        cell.layout();
        return cell.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof Text && "LabeledText".equals(n.getClass().getSimpleName()))
                .map(n -> ((Text) n).getText()).findFirst().orElse("");
    }
}
