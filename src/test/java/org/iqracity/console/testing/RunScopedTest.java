package org.iqracity.console.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a whole run shares is closed latest first, each once, and its folders go with everything in them. */
class RunScopedTest {

    @Test
    void closesLatestFirstEachOnceAndDeletesItsFoldersWhole() throws Exception {
        RunScoped run = new RunScoped();
        List<String> closed = new ArrayList<>();
        Path folder = run.newFolder("run-scoped-test");
        Files.writeString(Files.createDirectory(folder.resolve("inside")).resolve("file"), "x");
        run.add(() -> closed.add("platform"));
        run.add(() -> closed.add("database"));

        assertThat(run.close()).isEmpty();
        assertThat(closed).containsExactly("database", "platform");
        assertThat(folder).doesNotExist();
        assertThat(run.close()).as("each is closed once").isEmpty();
        assertThat(closed).hasSize(2);
    }

    @Test
    void oneThatFailsToCloseDoesNotKeepTheOthersOpen() {
        RunScoped run = new RunScoped();
        List<String> closed = new ArrayList<>();
        run.add(() -> closed.add("first made"));
        run.add(() -> {
            throw new IllegalStateException("stuck");
        });

        assertThat(run.close()).singleElement().satisfies(e -> assertThat(e).hasMessage("stuck"));
        assertThat(closed).containsExactly("first made");
    }
}
