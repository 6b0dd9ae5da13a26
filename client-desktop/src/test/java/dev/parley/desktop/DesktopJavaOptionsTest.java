package dev.parley.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop app's own JVM options live in one file, {@code packaging/desktop-java-options.args} (jpackage reads it
 * for the installed app): {@code packaging/launcher-lib.sh} hands them to {@code ./parley} and to
 * {@code bench/scripts/desktop-java.sh}, leaving out a collector the local Java lacks (the JVM would refuse to start)
 * or one the user's {@code PARLEY_JAVA_OPTS} replaces. Real bash and the real {@code java}; where a Java without the
 * collector is needed, a {@code java} script in front of the real one refuses it as such a build does.
 */
class DesktopJavaOptionsTest {
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Path OPTIONS_FILE = REPO.resolve("packaging/desktop-java-options.args");

    @TempDir
    Path dir;
    private Path root;

    @BeforeEach
    void copyTheLauncherLibrary() throws IOException {
        root = Files.createDirectories(dir.resolve("checkout"));
        Files.createDirectories(root.resolve("packaging"));
        Files.copy(REPO.resolve("packaging/launcher-lib.sh"), root.resolve("packaging/launcher-lib.sh"));
        Files.writeString(root.resolve("packaging/desktop-java-options.args"),
                Files.readString(OPTIONS_FILE) + "--java-options -Dparley.test.option=kept\n");
    }

    @Test
    void theFileSelectsACollectorAndTheRealJavaGetsEveryOption() throws Exception {
        List<String> fileOptions = optionsIn(OPTIONS_FILE);
        assertThat(fileOptions).anyMatch(o -> o.matches("-XX:\\+Use\\w+GC"));

        Result result = desktopOptions("", Map.of());

        assertThat(result.lines()).containsExactlyElementsOf(optionsIn(root.resolve("packaging/desktop-java-options.args")));
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void aJavaWithoutTheCollectorStartsWithItsDefaultAndSaysSo() throws Exception {
        Path bin = javaRefusing(collector());

        Result result = desktopOptions("", Map.of("PATH", bin + ":" + System.getenv("PATH")));

        String settings = collectorSettings();
        assertThat(result.lines()).doesNotContain(collector()).contains("-Dparley.test.option=kept")
                .as("the collector's own settings go with it: a Java without it refuses them")
                .noneMatch(o -> o.startsWith(settings));
        assertThat(result.stderr()).contains("this Java has no " + collector().substring("-XX:+Use".length())
                + " collector");
    }

    @Test
    void theFilesCollectorSettingsReachTheJvmWithIt() throws Exception {
        String prefix = collectorSettings();
        List<String> settings = optionsIn(OPTIONS_FILE).stream().filter(o -> o.startsWith(prefix)).toList();
        assertThat(settings).as("options of the file's collector").isNotEmpty();

        Result app = run(List.of("bash", REPO.resolve("bench/scripts/desktop-java.sh").toString(),
                "-XX:+PrintFlagsFinal", "-version"), Map.of("PARLEY_JAVA_OPTS", ""));

        assertThat(app.exit()).as(app.stderr()).isZero();
        for (String setting : settings) {
            String[] nameValue = setting.substring("-XX:".length()).split("=", 2);
            assertThat(app.stdout()).containsPattern(" " + nameValue[0] + "\\s+= " + nameValue[1] + "\\s");
        }
    }

    @Test
    void aCollectorInParleyJavaOptsReplacesTheFilesCollector() throws Exception {
        Result result = desktopOptions("-Xmx1g -XX:+UseG1GC", Map.of());

        String settings = collectorSettings();
        assertThat(result.lines()).doesNotContain(collector()).contains("-Dparley.test.option=kept")
                .noneMatch(o -> o.startsWith(settings));
    }

    @Test
    void javaIsAskedOncePerInstallationWhenTheBuildDirectoryExists() throws Exception {
        Files.createDirectories(root.resolve("client-desktop/target"));
        Path bin = javaRefusing(collector());
        Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"));

        desktopOptions("", env);
        Result second = desktopOptions("", env);

        assertThat(Files.readAllLines(bin.resolve("asked"))).hasSize(1);
        assertThat(second.lines()).doesNotContain(collector());
        assertThat(Files.readString(root.resolve("client-desktop/target/java-options.cache")))
                .contains(collector() + " no");
    }

    @Test
    void theBenchmarkScriptRunsJavaWithTheAppsOptionsAndAnA_BCollectorInstead() throws Exception {
        Result app = run(List.of("bash", REPO.resolve("bench/scripts/desktop-java.sh").toString(),
                "-XX:+PrintCommandLineFlags", "-version"), Map.of("PARLEY_JAVA_OPTS", ""));
        assertThat(app.exit()).as(app.stderr()).isZero();
        assertThat(app.stdout()).contains(collector());

        Result g1 = run(List.of("bash", REPO.resolve("bench/scripts/desktop-java.sh").toString(),
                "-XX:+PrintCommandLineFlags", "-version"), Map.of("PARLEY_JAVA_OPTS", "-XX:+UseG1GC"));
        assertThat(g1.exit()).as(g1.stderr()).isZero();
        assertThat(g1.stdout()).contains("-XX:+UseG1GC").doesNotContain(collector());
    }

    @Test
    void aHeapSizeInParleyJavaOptsReplacesTheFilesHeapSizes() throws Exception {
        assertThat(optionsIn(OPTIONS_FILE)).anyMatch(o -> o.startsWith("-XX:SoftMaxHeapSize="));

        // a soft size over the user's maximum would make the JVM refuse to start
        Result small = run(List.of("bash", REPO.resolve("bench/scripts/desktop-java.sh").toString(),
                "-XX:+PrintCommandLineFlags", "-version"), Map.of("PARLEY_JAVA_OPTS", "-Xmx256m"));

        assertThat(small.exit()).as(small.stderr()).isZero();
        assertThat(small.stdout()).contains(collector(), "-XX:MaxHeapSize=268435456")
                .doesNotContain("SoftMaxHeapSize");
        assertThat(desktopOptions("-XX:MaxRAMPercentage=20", Map.of()).lines())
                .noneMatch(o -> o.startsWith("-XX:SoftMaxHeapSize=") || o.startsWith("-Xmx"))
                .contains(collector());
    }

    private static String collector() throws IOException {
        return optionsIn(OPTIONS_FILE).stream().filter(o -> o.matches("-XX:\\+Use\\w+GC")).findFirst().orElseThrow();
    }

    /** How the file's collector's own options start: "-XX:Shenandoah" for -XX:+UseShenandoahGC. */
    private static String collectorSettings() throws IOException {
        return "-XX:" + collector().substring("-XX:+Use".length(), collector().length() - "GC".length());
    }

    private static List<String> optionsIn(Path file) throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("--java-options ")) {
                options.add(line.substring("--java-options ".length()));
            }
        }
        return options;
    }

    /** A directory holding a {@code java} that refuses {@code option} as a build without it does, else runs java. */
    private Path javaRefusing(String option) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        String realJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\n"
                + "echo \"$*\" >>'" + bin.resolve("asked") + "'\n"
                + "for a in \"$@\"; do if [ \"$a\" = '" + option + "' ]; then\n"
                + "  echo 'Error occurred during initialization of VM' >&2\n"
                + "  echo 'Option " + option + " not supported' >&2; exit 1\n"
                + "fi; done\n"
                + "exec '" + realJava + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private Result desktopOptions(String parleyJavaOpts, Map<String, String> env) throws Exception {
        return run(List.of("bash", "-c", "set -euo pipefail; root=\"$1\"; . \"$root/packaging/launcher-lib.sh\"; "
                + "desktop_java_options \"$2\"", "test", root.toString(), parleyJavaOpts), env);
    }

    private Result run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile());
        builder.environment().putAll(env);
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        return new Result(process.exitValue(), stdout, Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String stdout, String stderr) {
        List<String> lines() {
            return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
        }
    }
}
