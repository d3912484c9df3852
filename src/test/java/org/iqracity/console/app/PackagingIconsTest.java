package org.iqracity.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The installers' icons are files jpackage passes on unchecked, and a broken one only shows on that OS (a blank
 * Dock tile, a default Windows icon). So their structure is read back here: the macOS .icns chunk by chunk, the
 * Windows .ico entry by entry, and every platform's jpackage options point at an icon that exists. The Linux
 * packages' icons (the hicolor theme) are LinuxPackageFilesTest's.
 */
class PackagingIconsTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** The .icns types make-icns.py writes, and the pixel edge each one must hold. */
    private static final Map<String, Integer> ICNS_TYPES = Map.ofEntries(Map.entry("icp4", 16),
            Map.entry("icp5", 32), Map.entry("icp6", 64), Map.entry("ic07", 128), Map.entry("ic08", 256),
            Map.entry("ic09", 512), Map.entry("ic10", 1024), Map.entry("ic11", 32), Map.entry("ic12", 64),
            Map.entry("ic13", 256), Map.entry("ic14", 512));

    @Test
    void theMacIcnsIsAHeaderAndChunksThatEndExactlyAtTheFileEndEachAPngOfItsTypesSize() throws IOException {
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(Path.of("icons/member-console.icns")))
                .order(ByteOrder.BIG_ENDIAN);
        assertThat(type(file, 0)).isEqualTo("icns");
        assertThat(file.getInt(4)).as("length in the header").isEqualTo(file.capacity());

        Map<String, Integer> found = new LinkedHashMap<>();
        int at = 8;
        while (at < file.capacity()) {
            assertThat(at + 8).as("chunk header inside the file").isLessThanOrEqualTo(file.capacity());
            String type = type(file, at);
            int length = file.getInt(at + 4);
            assertThat(length).as(type + " length").isGreaterThan(8 + 24);
            assertThat(at + length).as(type + " ends inside the file").isLessThanOrEqualTo(file.capacity());
            byte[] data = Arrays.copyOfRange(file.array(), at + 8, at + length);
            found.put(type, pngEdge(type, data));
            at += length;
        }
        assertThat(at).as("the last chunk ends at the end of the file").isEqualTo(file.capacity());
        assertThat(found).isEqualTo(ICNS_TYPES);
    }

    @Test
    void theWindowsIcoListsSixImagesUpTo256PixelsEachInsideTheFile() throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("icons/member-console.ico"));
        ByteBuffer file = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(file.getShort(0)).as("reserved").isZero();
        assertThat(file.getShort(2)).as("type 1 = icon").isEqualTo((short) 1);
        int count = file.getShort(4);
        assertThat(count).isEqualTo(6);
        List<Integer> edges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int edge = Byte.toUnsignedInt(file.get(entry)) == 0 ? 256 : Byte.toUnsignedInt(file.get(entry));
            int size = file.getInt(entry + 8);
            int offset = file.getInt(entry + 12);
            assertThat(offset + (long) size).as("image " + edge + " inside the file").isLessThanOrEqualTo(bytes.length);
            // Each image is either a PNG or a BMP info header (40 bytes long, so its first int is 40).
            boolean png = Arrays.equals(Arrays.copyOfRange(bytes, offset, offset + 8), PNG_MAGIC);
            assertThat(png || file.getInt(offset) == 40).as("image " + edge + " is PNG or BMP").isTrue();
            edges.add(edge);
        }
        assertThat(edges).containsExactly(16, 32, 48, 64, 128, 256);
    }

    @Test
    void everyPlatformsJpackageOptionsNameAnIconFileThatExists() throws IOException {
        for (String platform : List.of("linux", "mac", "win")) {
            List<String> icons = Files.readAllLines(Path.of("packaging/jpackage-" + platform + ".txt")).stream()
                    .filter(line -> line.startsWith("--icon ")).map(line -> line.substring("--icon ".length()).trim())
                    .toList();
            assertThat(icons).as(platform).hasSize(1);
            assertThat(Path.of(icons.getFirst())).as(platform).isRegularFile();
        }
        assertThat(Files.readString(Path.of("packaging/jpackage-mac.txt"))).contains("icons/member-console.icns");
    }

    private static String type(ByteBuffer file, int at) {
        return new String(file.array(), at, 4, StandardCharsets.US_ASCII);
    }

    /** The width from a PNG's IHDR, after checking it is a square PNG. */
    private static int pngEdge(String type, byte[] data) {
        assertThat(Arrays.copyOf(data, 8)).as(type + " holds a PNG").isEqualTo(PNG_MAGIC);
        ByteBuffer header = ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN);
        assertThat(new String(data, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("IHDR");
        assertThat(header.getInt(16)).as(type + " is square").isEqualTo(header.getInt(20));
        return header.getInt(16);
    }
}
