package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.platform.TestApi;
import org.iqracity.console.ui.common.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stable-key research export that joins with an earlier one would leave out too many (R11): the officer reads
 * the platform's reason in the window, and nothing is saved. On a platform of its own, so the Member's only earlier
 * stable-key export is the one made here.
 */
class ResearchRefusalJourneyTest extends ConsoleJourney {
    static final String CS101 = "course-v1:Northbridge+CS101+2026_T1";

    @TempDir
    Path out;
    @RegisterExtension
    static final SandboxPlatform sandbox = SandboxPlatform.withLearners(1500);

    @BeforeAll
    static void exportCs101OnceWithAStableKey() {
        TestApi api = new TestApi(sandbox.platform().baseUri(), MutableClock.systemNow());
        TestApi.Response earlier = api.send(api.request(ApiPaths.courseResearchExports(CS101), api.signIn("nb-admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"stableKey\":true}")).build());
        assertThat(earlier.status()).isEqualTo(200);
    }

    @Test
    void r11AStableKeyExportRefusedForItsJoinsShowsThePlatformsReasonAndSavesNothing() throws Exception {
        signInWithCode(OFFICER, OFFICER_TOTP, "#nav-exports");
        clickOn("#nav-exports");
        waitUntil(() -> shows("#researchCourse"));

        @SuppressWarnings("unchecked")
        ComboBox<CourseDto> course = find("#researchCourse", ComboBox.class);
        waitUntil(() -> !course.getItems().isEmpty());
        interact(() -> course.setValue(course.getItems().stream().filter(c -> c.id().contains("+DS200+"))
                .findFirst().orElseThrow()));
        clickOn("#researchStableKey");
        fill("#researchTarget", out.resolve("ds200").toString());
        clickOn("#runResearch");
        waitUntil(() -> find("#researchError", Message.class).isVisible());
        shot("research-export-refused");

        Message error = find("#researchError", Message.class);
        assertThat(onFx(error::getTitle)).isEqualTo(Messages.english().get("research.error.joins.text"));
        assertThat(onFx(error::getDescription)).startsWith("A stable-key export of this course would leave out")
                .contains("earlier stable-key exports", "Export with new pseudonyms instead", "Nothing was saved")
                .doesNotContain("Exception", "HTTP", "422");
        assertThat(find("#researchDone", Message.class).isVisible()).isFalse();
        try (var files = Files.list(out)) {
            assertThat(files.toList()).as("nothing saved, no partial file left").isEmpty();
        }
    }
}
