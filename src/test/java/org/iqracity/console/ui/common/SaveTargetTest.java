package org.iqracity.console.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where an export is saved, and that a file already there is replaced only once the person said so. */
class SaveTargetTest {

    @TempDir
    Path home;
    private Path documents;
    private SaveTarget target;

    @BeforeEach
    void setUp() throws Exception {
        documents = Files.createDirectory(home.resolve("Documents"));
        target = new SaveTarget(".zip", new SaveFolders(home, Map.of()));
    }

    @Test
    void aNameAloneGoesToTheDocumentsFolderWithTheFileTypesExtension() {
        target.textProperty().set("  cohort-2026 ");

        assertThat(target.file()).isEqualTo(documents.resolve("cohort-2026.zip"));
        target.textProperty().set("cohort.ZIP");
        assertThat(target.file()).isEqualTo(documents.resolve("cohort.ZIP"));
    }

    @Test
    void aNewFileMayBeWrittenAtOnce() {
        target.textProperty().set("new");

        assertThat(target.clearToWrite()).isTrue();
        assertThat(target.replaceAskedProperty().get()).isNull();
    }

    @Test
    void aTypedFileThatIsThereWaitsForTheQuestionAndOnlyReplaceLetsItBeWritten() throws Exception {
        Path there = Files.writeString(documents.resolve("kept.zip"), "a colleague's file");
        target.textProperty().set("kept");

        assertThat(target.clearToWrite()).isFalse();
        assertThat(target.replaceAskedProperty().get()).isEqualTo(there);
        assertThat(target.clearToWrite()).as("asking again is no answer").isFalse();

        target.replace();
        assertThat(target.clearToWrite()).isTrue();
        assertThat(target.replaceAskedProperty().get()).isNull();
        assertThat(target.clearToWrite()).as("the answer counts for one export").isFalse();
    }

    @Test
    void keepingTheFileLeavesTheFieldToBeChanged() throws Exception {
        Files.writeString(documents.resolve("kept.zip"), "a colleague's file");
        target.textProperty().set("kept.zip");
        target.clearToWrite();

        target.keep();

        assertThat(target.replaceAskedProperty().get()).isNull();
        assertThat(target.textProperty().get()).isEqualTo("kept.zip");
        assertThat(target.clearToWrite()).isFalse();
    }

    @Test
    void aFileChosenInTheSaveDialogIsNotAskedAboutTwiceButAnotherTypedAfterItIs() throws Exception {
        Path chosen = Files.writeString(documents.resolve("chosen.zip"), "old");
        Files.writeString(documents.resolve("other.zip"), "old");

        target.chosenInDialog(documents.resolve("chosen").toString());
        assertThat(target.textProperty().get()).isEqualTo(chosen.toString());
        assertThat(target.clearToWrite()).isTrue();

        target.chosenInDialog(chosen.toString());
        target.textProperty().set("other");
        assertThat(target.clearToWrite()).isFalse();
    }

    @Test
    void theSaveDialogOpensInTheNamedFilesFolderElseInTheDocumentsFolder() throws Exception {
        Path elsewhere = Files.createDirectory(home.resolve("exports"));
        assertThat(target.dialogFolder()).isEqualTo(documents);

        target.textProperty().set(elsewhere.resolve("x").toString());
        assertThat(target.dialogFolder()).isEqualTo(elsewhere);

        target.textProperty().set(home.resolve("no-such-folder").resolve("x").toString());
        assertThat(target.dialogFolder()).isEqualTo(documents);
    }
}
