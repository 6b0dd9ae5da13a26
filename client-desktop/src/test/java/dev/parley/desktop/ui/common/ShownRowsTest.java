package dev.parley.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/**
 * Issue #14: the conversation list's rows hear only what changed, so a filter keystroke leaves the rows before and
 * after the change alone; a listener replaying the changes always ends with the shown content.
 */
class ShownRowsTest {
    private final ShownRows<String> rows = new ShownRows<>();
    private final List<String> replayed = new ArrayList<>();
    private final List<String> changes = new ArrayList<>();

    ShownRowsTest() {
        rows.addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                changes.add(c.getFrom() + ".." + c.getTo() + " -" + c.getRemovedSize());
                replayed.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
                replayed.addAll(c.getFrom(), c.getAddedSubList());
            }
        });
    }

    @Test
    void onlyTheMiddleThatDiffersIsReported() {
        String a = "a";
        String b = "b";
        String c = "c";
        String d = "d";
        String e = "e";
        show(List.of(a, b, c, d, e));
        assertThat(changes).containsExactly("0..5 -0");
        show(List.of(a, b, d, e));
        assertThat(changes).last().isEqualTo("2..2 -1");
        show(List.of(a, b, d, e));
        assertThat(changes).as("the same rows: no change").hasSize(2);
        show(List.of(a, c, e));
        assertThat(changes).last().isEqualTo("1..2 -2");
        show(List.of(a, b, c, d, e));
        assertThat(changes).last().isEqualTo("1..4 -1");
        show(List.of());
        assertThat(changes).last().isEqualTo("0..0 -5");
    }

    @Test
    void sameTextButAnotherObjectIsAChange() {
        String first = new String("x");
        show(List.of(first));
        show(List.of(new String("x")));
        assertThat(changes).containsExactly("0..1 -0", "0..1 -1");
    }

    private void show(List<String> next) {
        rows.show(next);
        assertThat(rows).containsExactlyElementsOf(next);
        assertThat(replayed).containsExactlyElementsOf(next);
    }
}
