package dev.parley.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void parsesProfileAndDataDir() {
        LaunchOptions o = LaunchOptions.parse(List.of("--profile", "alice", "--data-dir=/tmp/p"));
        assertThat(o.profile()).isEqualTo("alice");
        assertThat(o.dataDir()).contains(Path.of("/tmp/p"));
        assertThat(LaunchOptions.parse(List.of()).profile()).isEmpty();
    }

    @Test
    void rejectsUnknownOrIncompleteArguments() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--profile"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--frobnicate"))).hasMessageContaining("usage: parley");
    }
}
