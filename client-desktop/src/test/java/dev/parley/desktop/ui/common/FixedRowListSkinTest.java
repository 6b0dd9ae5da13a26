package dev.parley.desktop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #14: the conversation list's skin. Filtering a thousand conversations re-styled every visible row on every
 * keystroke, because the stock skin takes its cells out of the scene and puts them back whenever the number of items
 * changes; with {@link FixedRowListSkin} no cell ever leaves the scene or is made again, and the rows still show the
 * filtered items in order, scroll, and select.
 */
@Tag("ui")
class FixedRowListSkinTest {
    private final ObservableList<String> all = FXCollections.observableArrayList();
    private final FilteredList<String> filtered = new FilteredList<>(all);
    private final AtomicInteger made = new AtomicInteger();
    private final AtomicInteger sceneChanges = new AtomicInteger();
    /** Drawn after each item: something a row shows that is not in its item (as a day label is made from the date). */
    private final java.util.concurrent.atomic.AtomicReference<String> suffix =
            new java.util.concurrent.atomic.AtomicReference<>("");
    private ListView<String> list;
    private FixedRowListSkin<String> skin;

    @BeforeEach
    void setUp() throws Exception {
        for (int i = 0; i < 500; i++) {
            all.add(String.format("row %03d %s", i, i % 7 == 0 ? "seven" : "other"));
        }
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            list = new ListView<>(filtered);
            list.setCellFactory(v -> {
                made.incrementAndGet();
                ListCell<String> cell = new ListCell<>() {
                    // a graphic whose height only the stylesheet gives, set with the first item (as the
                    // conversation rows do): the rows must get the styled height, not the unstyled one
                    private final Region tall = new Region();

                    @Override
                    protected void updateItem(String item, boolean empty) {
                        super.updateItem(item, empty);
                        setText(empty ? null : item + suffix.get());
                        if (!empty) {
                            tall.getStyleClass().setAll("tall");
                            setGraphic(tall);
                        }
                    }
                };
                cell.sceneProperty().addListener((obs, was, now) -> sceneChanges.incrementAndGet());
                return cell;
            });
            skin = new FixedRowListSkin<>(list);
            list.setSkin(skin);
            Scene scene = new Scene(list, 300, 400);
            // .tall { -fx-min-height: 40px; -fx-min-width: 10px; }: a minimum above its preferred height, as the
            // conversation rows' avatar has
            scene.getStylesheets().add("data:text/css;base64,LnRhbGwgeyAtZngtbWluLWhlaWdodDogNDBweDsgLWZ4LW1pbi13aWR0aDogMTBweDsgfQ==");
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void filteringNeverTakesACellOutOfTheSceneNorMakesAnotherAndShowsTheMatchesInOrder() throws Exception {
        List<String> first = shown();
        assertThat(first).hasSizeGreaterThan(5).startsWith("row 000 seven", "row 001 other", "row 002 other");
        int cells = made.get();
        assertThat(cells).as("a viewport's worth of cells, not one per item").isLessThanOrEqualTo(first.size() + 1);
        sceneChanges.set(0);

        for (String text : List.of("seven", "seven", "row 04", "row 049", "nothing matches this", "row", "")) {
            filter(text);
            List<String> matches = all.stream().filter(s -> s.contains(text)).toList();
            List<String> rows = shown();
            assertThat(rows).as("rows for '%s'", text).isEqualTo(matches.subList(0, Math.min(matches.size(), rows.size())));
            assertThat(rows.size()).as("rows for '%s'", text).isEqualTo(Math.min(matches.size(), first.size()));
        }
        assertThat(made.get()).as("no cell made again").isEqualTo(cells);
        assertThat(sceneChanges.get()).as("no cell taken out of the scene and put back (which re-applies its CSS)")
                .isZero();
    }

    @Test
    void refreshDrawsEveryShownRowAgainInTheSameCells() throws Exception {
        List<String> before = shown();
        int cells = made.get();
        sceneChanges.set(0);
        suffix.set(" (yesterday)");
        fx(list::refresh);
        assertThat(shown()).isEqualTo(before.stream().map(s -> s + " (yesterday)").toList());
        assertThat(made.get()).as("no cell made again").isEqualTo(cells);
        assertThat(sceneChanges.get()).as("no cell taken out of the scene").isZero();
        assertThat(list.getProperties()).as("the request is taken").doesNotContainKey("recreateKey");
    }

    @Test
    void rowsHaveTheirStyledHeightOneBelowTheOther() throws Exception {
        List<ListCell<String>> rows = visibleCells();
        double height = rows.get(0).getHeight();
        assertThat(height).as("the styled graphic's 40 px and the cell's padding").isGreaterThan(40);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).getHeight()).isEqualTo(Math.max(rows.get(i).minHeight(-1), rows.get(i).prefHeight(-1)));
            assertThat(rows.get(i).getLayoutY()).isEqualTo(i * height);
        }
        // the list's own height, not the scene's 400 px: a stage reused from an earlier UI test of the same JVM keeps
        // its size (13 rows in a full run)
        double listHeight = WaitForAsyncUtils.asyncFx(() -> list.getHeight()).get();
        assertThat(rows.size()).as("as many rows as fill the list").isBetween((int) ((listHeight - 10) / height),
                (int) Math.ceil(listHeight / height) + 1);
    }

    @Test
    void scrollsWithTheWheelScrollToAndKeysAndSelectsOnAClick() throws Exception {
        fx(() -> list.scrollTo(100));
        assertThat(shown().get(0)).isEqualTo("row 100 other");
        double row = skin.cells().get(0).getHeight();
        fx(() -> list.fireEvent(new ScrollEvent(ScrollEvent.SCROLL, 0, 0, 0, 0, false, false, false, false, false,
                false, 0, -3 * row, 0, 0, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        assertThat(shown().get(0)).as("three rows down").isEqualTo("row 103 other");

        fx(() -> list.getSelectionModel().select(200));
        key(KeyCode.DOWN);
        assertThat(list.getSelectionModel().getSelectedIndex()).isEqualTo(201);
        assertThat(shown()).as("the selected row is brought into view").contains("row 201 other");
        key(KeyCode.END);
        assertThat(list.getSelectionModel().getSelectedIndex()).isEqualTo(499);
        assertThat(shown()).endsWith("row 499 other");
        key(KeyCode.HOME);
        assertThat(list.getSelectionModel().getSelectedIndex()).isZero();
        assertThat(shown().get(0)).isEqualTo("row 000 seven");

        ListCell<String> third = visibleCells().get(2);
        new FxRobot().clickOn(third);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getSelectionModel().getSelectedItem()).isEqualTo("row 002 other");
        assertThat(third.isSelected()).isTrue();
    }

    private void filter(String text) throws Exception {
        fx(() -> filtered.setPredicate(text.isEmpty() ? null : s -> s.contains(text)));
    }

    private void key(KeyCode code) throws Exception {
        fx(() -> list.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false)));
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The texts of the rows that show, top to bottom. */
    private List<String> shown() throws Exception {
        return visibleCells().stream().map(ListCell::getText).toList();
    }

    private List<ListCell<String>> visibleCells() throws Exception {
        List<ListCell<String>> out = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> skin.cells().stream().filter(Node::isVisible)
                .filter(c -> c.getLayoutY() + c.getHeight() > 0 && c.getLayoutY() < list.getHeight())
                .sorted(Comparator.comparingDouble(Node::getLayoutY)).forEach(out::add)).get();
        return out;
    }
}
