package org.iqracity.console.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file saved without a folder goes to the documents folder the desktop names, never the working directory. */
class SaveFoldersTest {

    @TempDir
    Path home;

    @Test
    void theDesktopsDocumentsFolderComesFirst() throws IOException {
        Files.createDirectories(home.resolve("Dokumente"));
        Files.createDirectories(home.resolve("Documents"));
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"), "# written by xdg-user-dirs-update\n"
                + "XDG_DESKTOP_DIR=\"$HOME/Schreibtisch\"\nXDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n");

        SaveFolders folders = new SaveFolders(home, Map.of());

        assertThat(folders.documents()).isEqualTo(home.resolve("Dokumente"));
        assertThat(folders.resolve("roster-CS101.iqroster")).isEqualTo(home.resolve("Dokumente/roster-CS101.iqroster"));
        assertThat(folders.resolve("/tmp/elsewhere/r.iqroster")).isEqualTo(Path.of("/tmp/elsewhere/r.iqroster"));
    }

    @Test
    void withoutDesktopSettingsTheUsualDocumentsFolderOrElseHome() throws IOException {
        SaveFolders folders = new SaveFolders(home, Map.of("XDG_CONFIG_HOME", home.resolve("nowhere").toString()));
        assertThat(folders.documents()).isEqualTo(home);
        Files.createDirectories(home.resolve("Documents"));
        assertThat(folders.documents()).isEqualTo(home.resolve("Documents"));
    }

    @Test
    void aDocumentsFolderThatIsGoneIsNotUsed() throws IOException {
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"), "XDG_DOCUMENTS_DIR=\"$HOME/Removed\"\n");
        assertThat(new SaveFolders(home, Map.of()).documents()).isEqualTo(home);
    }
}
