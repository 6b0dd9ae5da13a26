package dev.parley.desktop.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;
import javafx.event.EventHandler;
import javafx.geometry.Orientation;
import javafx.scene.AccessibleAttribute;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollToEvent;
import javafx.scene.control.SkinBase;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

/**
 * A {@link ListView} skin for rows of one height (issue #14: the conversation list of a thousand conversations) that
 * keeps its cells in the scene. The stock skin's {@code VirtualFlow} takes every cell out of the scene and puts it
 * back whenever the number of items changes (its fix for RT-13965), and a node that re-enters a scene has its styles
 * looked up and applied again: every filter keystroke paid the CSS of every visible row. Here a pool of cells, as many
 * as the viewport holds plus one, is created once and stays put: cell {@code k} shows item {@code first + k}, and a
 * change of the items or of the scroll position only gives cells new indices (their text changes; their styles change
 * only where a pseudo-class does). Cells the items do not fill are hidden and empty.
 *
 * <p>The row height is the list's {@code fixedCellSize} if set, else the preferred height of the first row. What the
 * stock skin's behaviour did that this one does itself: the mouse wheel and the scroll bar, {@link ListView#scrollTo},
 * Up, Down, Home, End, Page Up and Page Down (selecting and keeping the selection in view). Clicks select through the
 * cells' own behaviour, as before.
 */
public final class FixedRowListSkin<T> extends SkinBase<ListView<T>> {
    /** The key {@link ListView#refresh()} puts into the list's properties for its skin (JavaFX's own, not API). */
    private static final String RECREATE = "recreateKey";
    private final Pane sheet = new Pane();
    private final Rectangle clip = new Rectangle();
    private final ScrollBar bar = new ScrollBar();
    private final List<ListCell<T>> cells = new ArrayList<>();
    private final ListChangeListener<T> itemsChanged = c -> itemsChanged();
    private final WeakListChangeListener<T> weakItemsChanged = new WeakListChangeListener<>(itemsChanged);
    private final InvalidationListener itemsReplaced = o -> watchItems();
    private final EventHandler<ScrollEvent> wheel = this::wheel;
    private final EventHandler<ScrollToEvent<Integer>> scrollTo = e -> scrollToTop(e.getScrollTarget());
    private final EventHandler<KeyEvent> keys = this::keyPressed;
    private final javafx.collections.MapChangeListener<Object, Object> refreshAsked = c -> {
        if (c.wasAdded() && RECREATE.equals(c.getKey())) {
            getSkinnable().getProperties().remove(RECREATE);
            redrawCells();
        }
    };
    private ObservableList<T> items;
    private double rowHeight;
    private double viewportHeight;
    private double rowsWidth;
    private double offset;
    private boolean updatingBar;

    public FixedRowListSkin(ListView<T> list) {
        super(list);
        sheet.getStyleClass().add("fixed-row-sheet");
        sheet.setClip(clip);
        sheet.setManaged(false);
        bar.setOrientation(Orientation.VERTICAL);
        bar.setVisible(false);
        bar.setManaged(false);
        bar.valueProperty().addListener((obs, was, now) -> {
            if (!updatingBar) {
                scrollTo(now.doubleValue());
            }
        });
        getChildren().setAll(sheet, bar);
        list.itemsProperty().addListener(new WeakInvalidationListener(itemsReplaced));
        list.addEventHandler(ScrollEvent.SCROLL, wheel);
        list.addEventHandler(ScrollToEvent.scrollToTopIndex(), scrollTo);
        list.addEventHandler(KeyEvent.KEY_PRESSED, keys);
        list.getProperties().addListener(refreshAsked);
        watchItems();
    }

    @Override
    public void dispose() {
        if (getSkinnable() == null) {
            return;
        }
        if (items != null) {
            items.removeListener(weakItemsChanged);
        }
        getSkinnable().removeEventHandler(ScrollEvent.SCROLL, wheel);
        getSkinnable().removeEventHandler(ScrollToEvent.scrollToTopIndex(), scrollTo);
        getSkinnable().removeEventHandler(KeyEvent.KEY_PRESSED, keys);
        getSkinnable().getProperties().removeListener(refreshAsked);
        cells.forEach(c -> c.updateIndex(-1));
        cells.clear();
        sheet.getChildren().clear();
        super.dispose();
    }

    private void watchItems() {
        if (items != null) {
            items.removeListener(weakItemsChanged);
        }
        items = getSkinnable().getItems();
        if (items != null) {
            items.addListener(weakItemsChanged);
        }
        itemsChanged();
    }

    /** The cells are re-pointed at once, before the pulse's CSS pass, so that pass styles what changed. */
    private void itemsChanged() {
        offset = clampedOffset(offset);
        updateCells();
        getSkinnable().requestLayout();
    }

    /**
     * {@link ListView#refresh()}: every shown cell draws its item again (labels made from something other than the
     * item, such as the date, change). The cells stay in the scene; each is pointed away from its row and back, as a
     * cell given an equal item would not update.
     */
    private void redrawCells() {
        for (ListCell<T> cell : cells) {
            int index = cell.getIndex();
            if (index != -1) {
                cell.updateIndex(-1);
                cell.updateIndex(index);
            }
        }
    }

    private int count() {
        return items == null ? 0 : items.size();
    }

    /** A list's size comes from its parent; like the stock skin, it asks for 400 pixels of height. */
    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return 400 + top + bottom;
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return 250 + left + right;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        if (rowHeight <= 0 && !measureRowHeight(w)) {
            sheet.resizeRelocate(x, y, w, h);
            return;
        }
        boolean remeasured = followRowHeight();
        boolean scrolls = count() * rowHeight > h;
        double barWidth = scrolls ? snapSizeX(bar.prefWidth(-1)) : 0;
        bar.setVisible(scrolls);
        if (scrolls) {
            bar.resizeRelocate(x + w - barWidth, y, barWidth, h);
        }
        boolean resized = viewportHeight != h || rowsWidth != w - barWidth;
        viewportHeight = h;
        rowsWidth = w - barWidth;
        sheet.resizeRelocate(x, y, rowsWidth, h);
        clip.setWidth(rowsWidth);
        clip.setHeight(h);
        if (resized || remeasured) {
            offset = clampedOffset(offset);
            updateCells();
        }
        for (ListCell<T> cell : cells) {
            cell.resize(rowsWidth, rowHeight);
        }
    }

    /** The row height from the list's fixed cell size or the first row; false while there is no row to measure. */
    private boolean measureRowHeight(double width) {
        if (getSkinnable().getFixedCellSize() > 0) {
            rowHeight = getSkinnable().getFixedCellSize();
            return true;
        }
        if (count() == 0) {
            return false;
        }
        ListCell<T> first = cell(0);
        first.updateIndex(0);
        // twice: the first pass makes the cell's skin, whose children (the graphic) the second one styles
        first.applyCss();
        first.applyCss();
        rowHeight = heightOf(first);
        return rowHeight > 0;
    }

    /** A row's height as the flow gives it: its preferred height within its minimum and maximum. */
    private double heightOf(ListCell<T> cell) {
        return snapSizeY(Math.max(cell.minHeight(-1), Math.min(cell.prefHeight(-1), cell.maxHeight(-1))));
    }

    /**
     * Follows the rows' styled height: a row measured before all its styles applied, or after a theme or font change,
     * would otherwise keep a wrong height (rows cut off, or gaps). True if it changed.
     */
    private boolean followRowHeight() {
        if (getSkinnable().getFixedCellSize() > 0 || cells.isEmpty() || !cells.get(0).isVisible()) {
            return false;
        }
        double now = heightOf(cells.get(0));
        if (now <= 0 || Math.abs(now - rowHeight) < 0.5) {
            return false;
        }
        rowHeight = now;
        return true;
    }

    /** Cell {@code k}, made (and added to the scene for good) when first needed. */
    private ListCell<T> cell(int k) {
        while (cells.size() <= k) {
            ListView<T> list = getSkinnable();
            ListCell<T> made = list.getCellFactory() != null ? list.getCellFactory().call(list) : new ListCell<>();
            made.updateListView(list);
            made.setManaged(false);
            made.resize(rowsWidth, rowHeight);
            cells.add(made);
            sheet.getChildren().add(made);
        }
        return cells.get(k);
    }

    /** Points every cell at its row for the current offset; cells past the items are emptied and hidden. */
    private void updateCells() {
        if (rowHeight <= 0) {
            return;
        }
        int count = count();
        int first = (int) Math.floor(offset / rowHeight);
        double shift = first * rowHeight - offset;
        int capacity = (int) Math.ceil(viewportHeight / rowHeight) + 1;
        int shown = Math.max(0, Math.min(capacity, count - first));
        for (int k = 0; k < shown; k++) {
            boolean made = k >= cells.size();
            ListCell<T> cell = cell(k);
            cell.updateIndex(first + k);
            cell.setVisible(true);
            cell.relocate(0, snapPositionY(shift + k * rowHeight));
            if (made) {
                // styled now, as the flow does: a cell made during layout would otherwise show unstyled for a frame
                cell.applyCss();
            }
        }
        for (int k = shown; k < cells.size(); k++) {
            ListCell<T> cell = cells.get(k);
            if (cell.getIndex() != -1) {
                cell.updateIndex(-1);
            }
            cell.setVisible(false);
        }
        updateBar(count);
    }

    private void updateBar(int count) {
        updatingBar = true;
        try {
            double max = Math.max(0, count * rowHeight - viewportHeight);
            bar.setMax(max);
            bar.setVisibleAmount(max <= 0 ? 1 : viewportHeight / (count * rowHeight) * max);
            bar.setUnitIncrement(rowHeight);
            bar.setBlockIncrement(Math.max(rowHeight, viewportHeight - rowHeight));
            bar.setValue(offset);
        } finally {
            updatingBar = false;
        }
    }

    private double clampedOffset(double wanted) {
        double max = Math.max(0, count() * rowHeight - viewportHeight);
        return Math.max(0, Math.min(max, wanted));
    }

    private void scrollTo(double wanted) {
        double now = clampedOffset(wanted);
        if (now != offset) {
            offset = now;
            updateCells();
            getSkinnable().requestLayout();
        }
    }

    private void wheel(ScrollEvent e) {
        if (e.getDeltaY() != 0 && count() * rowHeight > viewportHeight) {
            scrollTo(offset - e.getDeltaY());
            e.consume();
        }
    }

    /** {@link ListView#scrollTo(int)}: the row at the top, as far as the items reach. */
    private void scrollToTop(int index) {
        if (rowHeight > 0) {
            scrollTo(index * rowHeight);
        }
    }

    /** Scrolls as little as needed to show the whole row {@code index}. */
    private void reveal(int index) {
        double top = index * rowHeight;
        if (top < offset) {
            scrollTo(top);
        } else if (top + rowHeight > offset + viewportHeight) {
            scrollTo(top + rowHeight - viewportHeight);
        }
    }

    private void keyPressed(KeyEvent e) {
        int count = count();
        if (count == 0 || rowHeight <= 0 || e.isAltDown() || e.isControlDown() || e.isMetaDown()) {
            return;
        }
        int page = Math.max(1, (int) (viewportHeight / rowHeight) - 1);
        int at = getSkinnable().getSelectionModel().getSelectedIndex();
        int to = switch (e.getCode()) {
            case UP, KP_UP -> at < 0 ? 0 : at - 1;
            case DOWN, KP_DOWN -> at + 1;
            case HOME -> 0;
            case END -> count - 1;
            case PAGE_UP -> at - page;
            case PAGE_DOWN -> at < 0 ? page : at + page;
            default -> Integer.MIN_VALUE;
        };
        if (to == Integer.MIN_VALUE) {
            return;
        }
        int index = Math.max(0, Math.min(count - 1, to));
        getSkinnable().getSelectionModel().clearAndSelect(index);
        getSkinnable().getFocusModel().focus(index);
        reveal(index);
        e.consume();
    }

    @Override
    protected Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        return switch (attribute) {
            case ITEM_COUNT -> count();
            case ITEM_AT_INDEX -> shownCell((Integer) parameters[0]);
            case FOCUS_ITEM -> shownCell(getSkinnable().getFocusModel().getFocusedIndex());
            case SELECTED_ITEMS -> javafx.collections.FXCollections.observableArrayList(
                    cells.stream().filter(c -> c.isVisible() && c.isSelected()).toList());
            default -> super.queryAccessibleAttribute(attribute, parameters);
        };
    }

    private ListCell<T> shownCell(int index) {
        for (ListCell<T> cell : cells) {
            if (cell.isVisible() && cell.getIndex() == index) {
                return cell;
            }
        }
        return null;
    }

    /** The cells made so far, shown or not (for tests: none is ever made twice or taken out of the scene). */
    public List<ListCell<T>> cells() {
        return List.copyOf(cells);
    }
}
