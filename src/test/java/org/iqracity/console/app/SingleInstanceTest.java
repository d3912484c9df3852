package org.iqracity.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Double-clicking a roster while the console is open hands the file to the open console. */
class SingleInstanceTest {

    @Test
    void aSecondStartHandsItsFileToTheFirstAndTheFirstOpensIt(@TempDir Path data) throws Exception {
        LinkedBlockingQueue<Optional<Path>> asked = new LinkedBlockingQueue<>();
        try (SingleInstance first = SingleInstance.claim(data).orElseThrow()) {
            first.onRequest(asked::add);

            assertThat(SingleInstance.claim(data)).as("the folder is held").isEmpty();
            assertThat(SingleInstance.handOver(data, Path.of("/tmp/rosters/june.iqroster"))).isTrue();
            assertThat(SingleInstance.handOver(data, null)).isTrue();

            assertThat(asked.poll(5, TimeUnit.SECONDS)).contains(Path.of("/tmp/rosters/june.iqroster"));
            assertThat(asked.poll(5, TimeUnit.SECONDS)).isEmpty();
        }
        try (SingleInstance again = SingleInstance.claim(data).orElseThrow()) {
            assertThat(again).as("a closed console leaves the folder free").isNotNull();
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void theFolderItsLockAndItsPortFileAreTheOwnersAlone(@TempDir Path temp) throws Exception {
        Path data = temp.resolve("new data folder");
        try (SingleInstance held = SingleInstance.claim(data).orElseThrow()) {
            assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            for (String file : new String[] {SingleInstance.LOCK, SingleInstance.PORT}) {
                assertThat(Files.getPosixFilePermissions(data.resolve(file))).as(file)
                        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            }
        }
    }

    @Test
    void aRequestWithoutTheTokenIsIgnored(@TempDir Path data) throws Exception {
        LinkedBlockingQueue<Optional<Path>> asked = new LinkedBlockingQueue<>();
        try (SingleInstance first = SingleInstance.claim(data).orElseThrow()) {
            first.onRequest(asked::add);
            int port = Integer.parseInt(Files.readString(data.resolve(SingleInstance.PORT)).split(" ")[0]);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Writer w = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
                w.write("0123456789abcdef0123456789abcdef\n/etc/passwd\n");
                w.flush();
                s.setSoTimeout(3_000);
                assertThat(s.getInputStream().read()).as("no answer, connection closed").isEqualTo(-1);
            }
            assertThat(asked.poll(300, TimeUnit.MILLISECONDS)).isNull();
            assertThat(SingleInstance.handOver(data, Path.of("/tmp/ok.iqroster"))).isTrue();
            assertThat(asked.poll(5, TimeUnit.SECONDS)).contains(Path.of("/tmp/ok.iqroster"));
        }
    }

    @Test
    void withNobodyListeningTheHandOverFailsAndTheStartGoesOn(@TempDir Path data) throws Exception {
        assertThat(SingleInstance.handOver(data, null)).as("no port file").isFalse();
        Files.writeString(data.resolve(SingleInstance.PORT), "1 abc");
        assertThat(SingleInstance.handOver(data, null)).as("a stale port file").isFalse();
        if (!System.getProperty("os.name").toLowerCase().contains("win")) {
            try (SingleInstance held = SingleInstance.claim(data).orElseThrow()) {
                assertThat(Files.getPosixFilePermissions(data.resolve(SingleInstance.PORT)).toString())
                        .isEqualTo("[OWNER_READ, OWNER_WRITE]");
            }
        }
    }
}
