package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While a new sandbox is indexed (minutes at 1,000,000 learners, one index after another) the start says which index
 * it is building, so that neither the console's bar nor the platform command's lines stand still without a word.
 */
class SandboxLoadProgressTest {

    @Test
    void theIndexingStageNamesEachIndexOnceAndStopsListeningAfterwards(@TempDir Path dir) {
        List<String> stages = new ArrayList<>();
        StartupListener recorder = (stage, fraction) -> {
            synchronized (stages) {
                stages.add(stage);
            }
        };
        try (Platform platform = Platform.start(PlatformConfig.embedded(dir, 0).withLearners(1000), recorder)) {
            List<String> indexing;
            synchronized (stages) {
                int from = stages.indexOf("Indexing the sandbox");
                assertThat(from).as("stages %s", stages).isNotNegative();
                indexing = stages.stream().skip(from + 1).filter(s -> s.startsWith("Indexing the sandbox: "))
                        .map(s -> s.substring("Indexing the sandbox: ".length())).toList();
            }
            assertThat(indexing).contains("enrollment_by_grade on enrollment",
                    "enrollment_search_username on enrollment",
                    "enrollment_roster on enrollment", "learner_roster on learner").doesNotHaveDuplicates();
            assertThat(stages.getLast()).isEqualTo("Ready");

            int before = stages.size();
            new Jdbc(platform.database().dataSource()).update("CREATE INDEX probe_after_start ON learner (name)");
            assertThat(stages).as("no listener left on the serving database").hasSize(before);
        }
    }

    @Test
    void aStartAskingForAnotherSizeKeepsTheSandboxThereAndSaysSo(@TempDir Path dir) {
        try (Platform first = Platform.start(PlatformConfig.embedded(dir, 0).withLearners(1000),
                StartupListener.NONE)) {
            assertThat(first.baseUri()).isNotNull();
        }
        List<String> stages = new ArrayList<>();
        try (Platform bigger = Platform.start(PlatformConfig.embedded(dir, 0).withLearners(2000),
                (stage, fraction) -> stages.add(stage))) {
            assertThat(stages).contains("The sandbox here holds 1,000 learners, not the 2,000 asked for: a sandbox is "
                    + "made once, into an empty data folder or database");
            assertThat(new Jdbc(bigger.database().dataSource()).queryOne("SELECT COUNT(*) FROM learner",
                    rs -> rs.getLong(1))).contains(1000L);
        }
        stages.clear();
        try (Platform same = Platform.start(PlatformConfig.embedded(dir, 0).withLearners(1000),
                (stage, fraction) -> stages.add(stage))) {
            assertThat(stages).noneMatch(stage -> stage.startsWith("The sandbox here holds"));
        }
    }
}
