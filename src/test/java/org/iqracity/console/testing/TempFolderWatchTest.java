package org.iqracity.console.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch behind LeftoverTempFiles: what it blames, and on whom. */
class TempFolderWatchTest {

    @Test
    void anEntryMadeDuringAClassAndLeftIsBlamedOnThatClass(@TempDir Path tmp) throws Exception {
        TempFolderWatch watch = new TempFolderWatch(tmp);
        watch.start();
        watch.classFinished("QuietTest");
        Files.createDirectory(tmp.resolve("mc-conversions123"));
        watch.classFinished("LeakyTest");
        watch.classFinished("LaterTest");

        assertThat(watch.leftovers()).containsExactly("mc-conversions123 (after LeakyTest)");
    }

    @Test
    void whatWasThereBeforeAndWhatWasDeletedIsNotBlamed(@TempDir Path tmp) throws Exception {
        Files.createDirectory(tmp.resolve("embedded-pg"));
        TempFolderWatch watch = new TempFolderWatch(tmp);
        watch.start();
        Path shared = Files.createDirectory(tmp.resolve("sandbox-template1"));
        Files.writeString(shared.resolve("platform.mv.db"), "rows");
        watch.classFinished("FirstTest");
        TempFolders.delete(shared);

        assertThat(watch.leftovers()).isEmpty();
    }

    @Test
    void anEntryMadeAfterTheLastClassSaysSo(@TempDir Path tmp) throws Exception {
        TempFolderWatch watch = new TempFolderWatch(tmp);
        watch.start();
        watch.classFinished("OnlyTest");
        Files.writeString(tmp.resolve("breach-notice-1.html"), "<p>");

        assertThat(watch.leftovers()).containsExactly("breach-notice-1.html (after the last test class)");
    }

    @Test
    void whatALibraryDeletesAtJvmExitIsNotBlamedButItsLookalikesAre(@TempDir Path tmp) throws Exception {
        TempFolderWatch watch = new TempFolderWatch(tmp);
        watch.start();
        Files.writeString(tmp.resolve("+JXF4888305745210483401.tmp"), "font");
        Files.writeString(tmp.resolve("detect_linux_distribution_7544562633912664160.sh"), "#!/bin/sh");
        Files.writeString(tmp.resolve("+JXF-notes.tmp"), "mine");
        watch.classFinished("FontTest");

        assertThat(watch.leftovers()).containsExactly("+JXF-notes.tmp (after FontTest)");
    }

    @Test
    void aMissingFolderIsMadeAtTheStart(@TempDir Path tmp) {
        Path fork = tmp.resolve("test-tmp-1");
        new TempFolderWatch(fork).start();

        assertThat(fork).isEmptyDirectory();
    }
}
