package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.research.ResearchExportSummary;
import org.iqracity.console.exports.ResearchExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A security officer makes a research export (R11) through the real window and reads its report. */
class ResearchExportJourneyTest extends ConsoleJourney {

    @TempDir
    Path out;
    @RegisterExtension
    static final SandboxPlatform sandbox = SandboxPlatform.withLearners(1500);

    @Test
    void securityOfficerExportsACourseForResearchAndSeesWhatWasGeneralisedAndSuppressed() throws Exception {
        signInWithCode(OFFICER, OFFICER_TOTP, "#nav-exports");
        clickOn("#nav-exports");
        waitUntil(() -> shows("#researchCourse"));
        assertThat(present("#exportCourses")).as("no roster export for a security officer").isFalse();

        @SuppressWarnings("unchecked")
        ComboBox<CourseDto> course = find("#researchCourse", ComboBox.class);
        waitUntil(() -> !course.getItems().isEmpty());
        interact(() -> course.setValue(course.getItems().getFirst()));
        clickOn("#researchStableKey");
        Path file = out.resolve("research");
        fill("#researchTarget", file.toString());
        shot("research-export");
        clickOn("#runResearch");
        waitUntil(() -> shows("#researchDone"));
        shot("research-export-done");

        Path saved = out.resolve("research.zip");
        ResearchExportSummary summary = ResearchExporter.summaryOf(saved);
        assertThat(summary.stableKey()).isTrue();
        assertThat(summary.k()).isEqualTo(5);
        assertThat(onFx(() -> find("#researchDone", Message.class).getDescription()))
                .contains(String.format("%,d of %,d learners are in the dataset", summary.recordsExported(),
                        summary.learnersInCourse()), saved.toString(), "it shows: " + summary.generalisation())
                .doesNotContain("step");
        assertThat(find("#researchError", Message.class).isVisible()).isFalse();
        try (var files = Files.list(out)) {
            assertThat(files.toList()).containsExactly(saved);
        }
    }
}
