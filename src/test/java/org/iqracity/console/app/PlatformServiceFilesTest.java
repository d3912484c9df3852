package org.iqracity.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.platform.http.TrustedProxies;
import org.junit.jupiter.api.Test;

/**
 * The files an operator runs the platform with (packaging/platform/, packaging/postgresql/grants.sql), which the
 * packages and the Linux app image carry: the service unit starts the command the package installs with options the
 * command takes, the settings it reads are ones the program reads, HAProxy checks a health path of the contract and
 * forwards the client's address the way the trusted-proxy setting reads it, and every file is shipped.
 */
class PlatformServiceFilesTest {
    private static final Path PLATFORM = Path.of("packaging/platform");
    private static final Path UNIT = PLATFORM.resolve("member-console-platform.service");

    @Test
    void theUnitStartsThePlatformCommandThePackageInstallsOnThePath() throws IOException {
        List<String> exec = execStart();
        String packageName = packageConf().get("PACKAGE_NAME");

        assertThat(exec.getFirst()).isEqualTo("/usr/bin/" + packageName);
        assertThat(buildPackages()).contains("ln -s \"../lib/$name/bin/$name\" \"$root/usr/bin/$name\"");
        assertThat(exec.get(1)).isEqualTo("platform");
    }

    @Test
    void theUnitsOptionsWithTheExampleSettingsAreOnesThePlatformCommandTakes() throws Exception {
        Map<String, String> env = new LinkedHashMap<>(unitDefaults());
        env.putAll(exampleSettings());
        List<String> args = new ArrayList<>();
        for (String word : execStart().subList(2, execStart().size())) {
            args.addAll(expand(word, env));
        }

        PlatformConfig config = PlatformCommand.parse(args, env);

        assertThat(config).isNotNull();
        assertThat(config.host()).isEqualTo(env.get("PLATFORM_HOST"));
        assertThat(config.port()).isEqualTo(Integer.parseInt(env.get("PLATFORM_PORT")));
        assertThat(config.jdbcUrl()).startsWith("jdbc:postgresql://");
        assertThat(config.dbUser()).isEqualTo("iqracity_app");
        assertThat(config.dataDir()).isEqualTo(Path.of(unit().get("StateDirectory").stream()
                .map(d -> "/var/lib/" + d).findFirst().orElseThrow()));
    }

    @Test
    void theUnitRunsAsItsOwnUserOnAReadOnlySystemWithOnlyItsDataFolderWritable() throws IOException {
        Map<String, List<String>> unit = unit();
        String data = "/var/lib/" + unit.get("StateDirectory").getFirst();

        assertThat(unit.get("User")).containsExactly("member-console");
        assertThat(unit.get("DynamicUser")).containsExactly("yes");
        assertThat(unit.get("ProtectSystem")).containsExactly("strict");
        assertThat(unit.get("ReadWritePaths")).containsExactly(data);
        assertThat(unit.get("WorkingDirectory")).containsExactly(data);
        assertThat(execStart()).containsSubsequence("--data", data);
        for (String yes : List.of("NoNewPrivileges", "PrivateTmp", "ProtectHome", "PrivateDevices",
                "ProtectKernelTunables", "ProtectKernelModules", "ProtectControlGroups", "RestrictSUIDSGID")) {
            assertThat(unit.get(yes)).as(yes).containsExactly("yes");
        }
        assertThat(unit.get("CapabilityBoundingSet")).containsExactly("");
        assertThat(unit.get("UMask")).containsExactly("0077");
        assertThat(unit.get("EnvironmentFile")).containsExactly("/etc/member-console/platform.env");
    }

    @Test
    void everySettingOfTheExampleIsOneTheUnitOrTheProgramReads() throws IOException {
        String unitText = Files.readString(UNIT);
        String sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(f));
            }
            sources = all.toString();
        }

        assertThat(exampleSettings()).containsKeys("PLATFORM_DB_USER", "PLATFORM_DB_PASSWORD", "PLATFORM_DB_POOL",
                "IQRACITY_MASTER_KEY", "PLATFORM_NODE_ID", TrustedProxies.SETTING);
        for (String name : exampleSettings().keySet()) {
            // PLATFORM_DB_POOL is --db-pool by PlatformOptions' one rule; other names are read as they are
            String option = name.startsWith("PLATFORM_")
                    ? "--" + name.substring("PLATFORM_".length()).toLowerCase(Locale.ROOT).replace('_', '-') : null;
            boolean anOption = option != null && PlatformOptions.environmentName(option).equals(name)
                    && sources.contains("\"" + option + "\"");
            assertThat(unitText.contains("${" + name + "}") || unitText.contains("$" + name + " ")
                    || unitText.contains("$" + name + "\n") || sources.contains("\"" + name + "\"") || anOption)
                    .as(name).isTrue();
        }
        TrustedProxies.parse(exampleSettings().get(TrustedProxies.SETTING));
    }

    @Test
    void haproxyChecksTheReadyPathOfTheContractRoundRobinAndForwardsTheClientsAddress() throws IOException {
        String haproxy = Files.readString(PLATFORM.resolve("haproxy.cfg"));
        Matcher check = Pattern.compile("(?m)^\\s*http-check send meth GET uri (\\S+)").matcher(haproxy);
        assertThat(check.find()).isTrue();
        String contract = Files.readString(Path.of("src/main/resources/org/iqracity/console/platform/openapi.yaml"));

        assertThat(check.group(1)).isEqualTo(ApiPaths.HEALTH_READY);
        assertThat(contract).containsPattern("(?m)^  " + Pattern.quote(check.group(1).substring(ApiPaths.BASE.length()))
                + ":$");
        assertThat(haproxy).containsPattern("(?m)^\\s*balance roundrobin$")
                .containsPattern("(?m)^\\s*option forwardfor$").containsPattern("(?m)^\\s*option httpchk$");
        // X-Forwarded-For is what the trusted-proxy setting reads
        assertThat(Files.readString(Path.of("src/main/java/org/iqracity/console/platform/http/TrustedProxies.java")))
                .contains("X-Forwarded-For");
        Matcher server = Pattern.compile("(?m)^\\s*server \\S+ [0-9.]+:(\\d+) check$").matcher(haproxy);
        int servers = 0;
        while (server.find()) {
            assertThat(server.group(1)).isEqualTo(exampleSettings().get("PLATFORM_PORT"));
            servers++;
        }
        assertThat(servers).as("two nodes or more").isGreaterThanOrEqualTo(2);
    }

    @Test
    void thePackagesAndTheLinuxImageShipEveryOperatorFile() throws IOException {
        String build = buildPackages();
        String check = Files.readString(Path.of("packaging/linux/check-deb.sh"));
        List<String> shipped = List.of("README", "platform.env", "haproxy.cfg");
        try (Stream<Path> files = Files.list(PLATFORM)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(shipped.stream(),
                            Stream.of(UNIT.getFileName().toString())).toList());
        }

        assertThat(build).contains("for file in " + String.join(" ", shipped) + "; do")
                .contains("\"$here/../platform/member-console-platform.service\"")
                .contains("\"$root/usr/lib/systemd/system/member-console-platform.service\"")
                .contains("\"$here/../postgresql/grants.sql\" \"$share/postgresql/grants.sql\"");
        for (String file : shipped) {
            assertThat(check).contains("/usr/share/$name/platform/" + file);
        }
        assertThat(check).contains("/usr/share/$name/postgresql/grants.sql")
                .contains("/usr/lib/systemd/system/$name-platform.service");
        assertThat(Files.readString(Path.of("packaging/jpackage-linux.txt")))
                .contains("--app-content packaging/postgresql,packaging/platform");
        assertThat(Path.of("packaging/postgresql/grants.sql")).isRegularFile();
    }

    /** The unit's settings, each key with its values in order. */
    private static Map<String, List<String>> unit() throws IOException {
        Map<String, List<String>> settings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(UNIT)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#") && !line.startsWith("[")) {
                settings.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
            }
        }
        return settings;
    }

    private static List<String> execStart() throws IOException {
        assertThat(unit().get("ExecStart")).hasSize(1);
        return List.of(unit().get("ExecStart").getFirst().split(" "));
    }

    /** The unit's Environment= defaults (NAME=value pairs separated by spaces). */
    private static Map<String, String> unitDefaults() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : unit().getOrDefault("Environment", List.of())) {
            for (String pair : line.split(" ")) {
                env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return env;
    }

    private static Map<String, String> exampleSettings() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(PLATFORM.resolve("platform.env"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return env;
    }

    /** As systemd expands an ExecStart word: ${NAME} in place, a lone $NAME split into words at spaces. */
    private static List<String> expand(String word, Map<String, String> env) {
        if (word.startsWith("$") && !word.startsWith("${")) {
            String value = env.getOrDefault(word.substring(1), "");
            return value.isBlank() ? List.of() : List.of(value.split(" +"));
        }
        Matcher m = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(word);
        return List.of(m.replaceAll(r -> Matcher.quoteReplacement(env.getOrDefault(r.group(1), ""))));
    }

    private static Map<String, String> packageConf() throws IOException {
        Map<String, String> conf = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("packaging/linux/package.conf"))) {
            Matcher m = Pattern.compile("^(PACKAGE_[A-Z]+)='?([^']*)'?$").matcher(line);
            if (m.matches()) {
                conf.put(m.group(1), m.group(2));
            }
        }
        return conf;
    }

    private static String buildPackages() throws IOException {
        return Files.readString(Path.of("packaging/linux/build-packages.sh"));
    }
}
