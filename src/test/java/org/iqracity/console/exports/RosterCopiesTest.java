package org.iqracity.console.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.iqracity.console.documents.AtomicFiles;
import org.iqracity.console.roster.RosterFileException;
import org.iqracity.console.roster.RosterManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R14: an unencrypted copy of a roster never exists under its name without its report kept for the access log, and a
 * copy that was not finished leaves neither a file nor a report, whichever step fails.
 */
class RosterCopiesTest {
    static final RosterManifest MANIFEST = new RosterManifest(1, "northbridge", "Northbridge University", "nb-admin",
            "Nora Whitfield", Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-31T10:00:00Z"),
            List.of("course_id", "username"), 2, "ab".repeat(32), "key", List.of(new RosterManifest.CourseEntry(
            "course-v1:Northbridge+CS101+2026_T1", "CS101", "2026-12-01T10:00:00Z", "nb-admin", 2, "cd".repeat(32),
            "c2lnbmF0dXJl")));

    @TempDir
    Path dir;

    PendingConversions queue() {
        return new PendingConversions(dir.resolve("pending"));
    }

    static PendingConversions.Pending report(Object ignored) {
        return PendingConversions.report(MANIFEST, "CSV", 2, Instant.parse("2026-12-02T08:00:00Z"));
    }

    List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            return all.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void r14TheReportIsKeptBeforeTheCopyTakesItsNameAndTheCopyIsOwnerOnly() throws IOException {
        PendingConversions queue = queue();
        Path target = dir.resolve("copy.csv");
        boolean[] reportBeforeName = {false};

        RosterCopies.Made<String> made = RosterCopies.write(queue, target, partial -> {
            Files.writeString(partial, "course_id,username\r\n");
            return "written";
        }, written -> {
            reportBeforeName[0] = !Files.exists(target);
            return report(written);
        });

        assertThat(reportBeforeName[0]).isTrue();
        assertThat(target).hasContent("course_id,username");
        assertThat(queue.all()).containsExactly(made.report());
        assertThat(made.written()).isEqualTo("written");
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(target))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        assertThat(filesIn(dir)).containsExactly("copy.csv", "pending");
    }

    @Test
    void r14ACopyNotFinishedLeavesNeitherFileNorReport() throws IOException {
        PendingConversions queue = queue();
        Path target = dir.resolve("copy.csv");

        assertThatThrownBy(() -> RosterCopies.write(queue, target, partial -> {
            Files.writeString(partial, "half a roster");
            throw new IOException("No space left on device");
        }, RosterCopiesTest::report)).hasMessageContaining("No space left");

        assertThat(target).doesNotExist();
        assertThat(queue.all()).isEmpty();
        assertThat(filesIn(dir)).doesNotContain("copy.csv").noneMatch(n -> n.endsWith(".part"));
    }

    @Test
    void r14AReportThatCannotBeKeptMeansNoCopy() throws IOException {
        Path blocked = dir.resolve("pending");
        Files.writeString(blocked, "a file where the queue's folder should be");
        PendingConversions queue = new PendingConversions(blocked);
        Path target = dir.resolve("copy.csv");

        assertThatThrownBy(() -> RosterCopies.write(queue, target, partial -> {
            Files.writeString(partial, "course_id,username\r\n");
            return null;
        }, RosterCopiesTest::report)).hasMessageContaining("could not be kept").hasMessageContaining("no copy");

        assertThat(target).doesNotExist();
        assertThat(filesIn(dir)).containsExactly("pending");
    }

    @Test
    void r14ACopyThatCannotTakeItsNameForgetsItsReport() throws IOException {
        PendingConversions queue = queue();
        Path target = dir.resolve("taken");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "a folder that is not empty cannot be replaced by a file");

        assertThatThrownBy(() -> RosterCopies.write(queue, target, partial -> {
            Files.writeString(partial, "course_id,username\r\n");
            return null;
        }, RosterCopiesTest::report)).isInstanceOf(IOException.class);

        assertThat(queue.all()).isEmpty();
        assertThat(Files.isDirectory(target)).isTrue();
        assertThat(filesIn(dir)).noneMatch(n -> n.endsWith(".part"));
    }

    /** Feeds the header and {@code rows} rows, then fails with {@code failure} if one is given. */
    static RosterCopies.Rows rows(int rows, Exception failure) {
        return sink -> {
            sink.header(List.of("course_id", "username"));
            for (int i = 0; i < rows; i++) {
                sink.row(List.of("course-v1:Northbridge+CS101+2026_T1", "user" + i));
            }
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof RosterFileException unreadable) {
                throw unreadable;
            }
            return MANIFEST;
        };
    }

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void r14BothCopiesAreReportedWithTheirFormatAndTheRowsTheyHold() throws Exception {
        PendingConversions queue = queue();

        RosterCopies.Made<RosterCopies.Copied> csv = RosterCopies.csv(queue, dir.resolve("copy.csv"), rows(3, null),
                CLOCK);
        RosterCopies.Made<RosterCopies.Copied> xlsx = RosterCopies.xlsx(queue, dir.resolve("copy.xlsx"), 3,
                rows(5, null), CLOCK);

        assertThat(Files.readAllLines(dir.resolve("copy.csv"))).hasSize(4).first().isEqualTo("course_id,username");
        assertThat(csv.report().report().format()).isEqualTo("CSV");
        assertThat(csv.report().report().rowCount()).isEqualTo(3);
        assertThat(xlsx.report().report().format()).isEqualTo("XLSX");
        assertThat(xlsx.report().report().rowCount()).isEqualTo(5);
        assertThat(xlsx.written().sheets()).isEqualTo(3);
        assertThat(queue.all()).containsExactlyInAnyOrder(csv.report(), xlsx.report());
    }

    @Test
    void r14ACsvOrXlsxCopyThatFailsPartWayLeavesNeitherFileNorReport() throws Exception {
        PendingConversions queue = queue();

        assertThatThrownBy(() -> RosterCopies.csv(queue, dir.resolve("copy.csv"),
                rows(20_000, new IOException("No space left on device")), CLOCK)).hasMessageContaining("No space");
        assertThatThrownBy(() -> RosterCopies.xlsx(queue, dir.resolve("copy.xlsx"), 1_000,
                rows(2_500, new IOException("No space left on device")), CLOCK)).hasMessageContaining("No space");
        RosterFileException tampered = new RosterFileException(RosterFileException.Kind.SIGNATURE_INVALID, "changed");
        assertThatThrownBy(() -> RosterCopies.csv(queue, dir.resolve("copy.csv"), rows(10, tampered), CLOCK))
                .isSameAs(tampered);

        assertThat(queue.all()).isEmpty();
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void anOwnerOnlyPartialEvenUnderAWideUmask() throws IOException {
        Set<String> views = dir.getFileSystem().supportedFileAttributeViews();
        Path target = dir.resolve("settings.properties");
        AtomicReference<Set<PosixFilePermission>> seen = new AtomicReference<>();

        AtomicFiles.replace(target, partial -> {
            if (views.contains("posix")) {
                seen.set(Files.getPosixFilePermissions(partial));
            }
            Files.writeString(partial, "a=b");
            return null;
        });

        if (views.contains("posix")) {
            assertThat(seen.get()).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE);
        }
        assertThat(target).hasContent("a=b");
    }
}
