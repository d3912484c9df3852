package org.iqracity.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iqracity.console.roster.RosterProtection;
import org.iqracity.console.roster.RosterWriter;
import org.junit.jupiter.api.Test;

/**
 * The files the Linux packages install beside the program (packaging/linux/): what a desktop, a software centre
 * and a packager read from them has to agree with the program itself. A renamed class, a new command or a new
 * release then fails here, not on someone's dock or in a software centre.
 */
class LinuxPackageFilesTest {
    private static final Path LINUX = Path.of("packaging/linux");
    /** The freedesktop menu specification's main categories: a desktop entry should name exactly one. */
    private static final Set<String> MAIN_CATEGORIES = Set.of("AudioVideo", "Audio", "Video", "Development",
            "Education", "Game", "Graphics", "Network", "Office", "Science", "Settings", "System", "Utility");
    /** The hicolor sizes the packages install, from icons/ (build-packages.sh). */
    private static final List<Integer> HICOLOR_SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);

    @Test
    void theDesktopEntryMatchesTheWindowClassJavaFxGivesTheConsolesWindow() throws IOException {
        // JavaFX names an X11 window's class after the Application subclass (Class.getName()); docks match the
        // window to this entry, and its icon, by StartupWMClass.
        assertThat(desktopEntry()).containsEntry("StartupWMClass", ConsoleApp.class.getName());
    }

    @Test
    void theDesktopEntryStartsTheCommandOnThePathWithTheThemeIconOneMainCategoryAndTheRosterType() throws IOException {
        Map<String, String> entry = desktopEntry();

        assertThat(entry).containsEntry("Exec", "member-console %f").containsEntry("TryExec", "member-console")
                .containsEntry("Icon", "member-console").containsEntry("Type", "Application")
                .containsEntry("Terminal", "false");
        List<String> main = Arrays.stream(entry.get("Categories").split(";")).filter(MAIN_CATEGORIES::contains)
                .toList();
        assertThat(main).hasSize(1);
        assertThat(entry.get("MimeType")).isEqualTo(mimeType() + ";");
    }

    @Test
    void aRosterProtectedByAPassphraseStartsWithTheBytesOfTheMimeMagicRule() throws IOException {
        Matcher magic = Pattern.compile("<match type=\"string\" offset=\"0\" value=\"([^\"]+)\"/>").matcher(mimeXml());
        assertThat(magic.find()).isTrue();
        byte[] rule = HexFormat.of().parseHex(magic.group(1).replace("\\x", ""));

        for (String passphrase : List.of("correct horse", "another passphrase, longer")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (RosterWriter writer = RosterWriter.open(out, List.of("course_id", "username"),
                    RosterProtection.passphrase(passphrase.toCharArray()))) {
                writer.beginCourse();
                writer.row(List.of("course-v1:Northbridge+CS101+2026_T1", "ada"));
                writer.endCourse();
            }
            assertThat(Arrays.copyOf(out.toByteArray(), rule.length)).as(passphrase).isEqualTo(rule);
        }
        assertThat(mimeXml()).contains("<glob pattern=\"*.iqroster\"/>");
    }

    @Test
    void theManualPageNamesEveryCommandAndOptionTheHelpLists() throws IOException {
        String man = Files.readString(LINUX.resolve("member-console.1")).replace("\\-", "-");
        Set<String> words = new LinkedHashSet<>();
        Matcher option = Pattern.compile("--[a-z-]+|(?m)^ {2}([a-z][a-z-]+) ").matcher(Launcher.USAGE);
        while (option.find()) {
            words.add(option.group(1) != null ? option.group(1) : option.group());
        }

        assertThat(words).contains("platform", "export", "verify", "convert", "research-export", "self-test",
                "--platform", "--data-dir", "--sandbox-learners", "--trust-ca", "--version", "--help");
        for (String word : words) {
            assertThat(man).as(word).containsPattern("(^|[^a-z-])" + Pattern.quote(word) + "([^a-z-]|$)");
        }
        assertThat(Launcher.USAGE).contains("platform migrate");
        assertThat(man).as("the upgrade step has its own entry").contains(".B platform migrate");
    }

    @Test
    void theReleaseInTheMetainfoTheChangelogAndTheManualPageIsTheProjectsVersion() throws IOException {
        String version = projectVersion();

        assertThat(Files.readString(LINUX.resolve("changelog")).lines().findFirst().orElseThrow())
                .isEqualTo("member-console (" + version + ") stable; urgency=medium");
        Matcher release = Pattern.compile("<release version=\"([^\"]+)\"").matcher(metainfo());
        assertThat(release.find()).isTrue();
        assertThat(release.group(1)).isEqualTo(version);
        assertThat(Files.readString(LINUX.resolve("member-console.1"))).contains("\"member-console " + version + "\"");
    }

    @Test
    void theMetainfoLaunchesTheDesktopEntryAndShowsScreenshotsOfTheRepositoryAtTheirSize() throws IOException {
        String metainfo = metainfo();

        assertThat(metainfo).contains("<launchable type=\"desktop-id\">member-console.desktop</launchable>")
                .contains("<mediatype>" + mimeType() + "</mediatype>").contains("<binary>member-console</binary>");
        Matcher image = Pattern.compile("<image type=\"source\" width=\"(\\d+)\" "
                + "height=\"(\\d+)\">[^<]*/([^/<]+)</image>")
                .matcher(metainfo);
        int count = 0;
        while (image.find()) {
            Path png = Path.of("docs/screenshots", image.group(3));
            assertThat(png).isRegularFile();
            assertThat(pngSize(png)).as(png.toString())
                    .containsExactly(Integer.parseInt(image.group(1)), Integer.parseInt(image.group(2)));
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theControlFileSaysWhatAPackagerReadsInFewerThanEightyCharacters() throws IOException {
        Map<String, String> conf = new LinkedHashMap<>();
        for (String line : Files.readAllLines(LINUX.resolve("package.conf"))) {
            Matcher m = Pattern.compile("^(PACKAGE_[A-Z]+)='(.*)'$").matcher(line);
            if (m.matches()) {
                conf.put(m.group(1), m.group(2));
            }
        }

        // Debian's synopsis: under 80 characters, no leading article or package name, no full stop.
        assertThat(conf.get("PACKAGE_SYNOPSIS")).hasSizeLessThan(80).doesNotEndWith(".")
                .doesNotStartWith("member-console").doesNotStartWith("A ").doesNotStartWith("The ");
        assertThat(conf.get("PACKAGE_MAINTAINER")).matches(".+ <[^@ ]+@[^@ ]+\\.[a-z]+>");
        assertThat(conf.get("PACKAGE_HOMEPAGE")).startsWith("https://");
        assertThat(metainfo()).contains("<url type=\"homepage\">" + conf.get("PACKAGE_HOMEPAGE") + "</url>");
    }

    @Test
    void everyHicolorSizeHasTheAppIconAndTheRosterDocumentIconAtThatSize() throws IOException {
        for (int size : HICOLOR_SIZES) {
            assertThat(pngSize(Path.of("icons/icon-" + size + ".png"))).as("app " + size).containsExactly(size, size);
            assertThat(pngSize(Path.of("icons/roster/application-x-iqracity-roster-" + size + ".png")))
                    .as("roster " + size).containsExactly(size, size);
        }
        assertThat(Path.of("icons/member-console.svg")).isRegularFile();
        assertThat(Path.of("icons/roster/application-x-iqracity-roster.svg")).isRegularFile();
        // the document icon's file name is the one the MIME type's name gives it
        assertThat(mimeType().replace('/', '-')).isEqualTo("application-x-iqracity-roster");
    }

    private static Map<String, String> desktopEntry() throws IOException {
        Map<String, String> entry = new LinkedHashMap<>();
        for (String line : Files.readAllLines(LINUX.resolve("member-console.desktop"))) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                assertThat(entry.put(line.substring(0, eq), line.substring(eq + 1))).as("one " + line).isNull();
            }
        }
        return entry;
    }

    private static String mimeXml() throws IOException {
        return Files.readString(LINUX.resolve("member-console-mime.xml"));
    }

    private static String mimeType() throws IOException {
        Matcher m = Pattern.compile("<mime-type type=\"([^\"]+)\"").matcher(mimeXml());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String metainfo() throws IOException {
        return Files.readString(LINUX.resolve("org.iqracity.MemberConsole.metainfo.xml"));
    }

    private static String projectVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>member-console</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** Width and height from a PNG's IHDR chunk. */
    private static int[] pngSize(Path png) throws IOException {
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 24);
        assertThat(new String(head, 1, 3, StandardCharsets.US_ASCII)).as(png + " is a PNG").isEqualTo("PNG");
        ByteBuffer ihdr = ByteBuffer.wrap(head, 16, 8);
        return new int[] {ihdr.getInt(), ihdr.getInt()};
    }
}
