package dev.parley.desktop.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * A read-only observable list whose content is replaced as a whole ({@link #show}) but whose listeners hear only the
 * part that changed: the rows before and after it, the same objects at the same places from the start and from the
 * end, are left out of the change (issue #14: a list view's rows there keep their items and need no update).
 */
public final class ShownRows<T> extends ObservableListBase<T> {
    private List<T> rows = new ArrayList<>();

    /** Shows {@code next} (copied), firing one change for what differs from what was shown, or none. */
    public void show(List<? extends T> next) {
        int size = rows.size();
        int nextSize = next.size();
        int head = 0;
        while (head < size && head < nextSize && rows.get(head) == next.get(head)) {
            head++;
        }
        int tail = 0;
        while (tail < size - head && tail < nextSize - head
                && rows.get(size - 1 - tail) == next.get(nextSize - 1 - tail)) {
            tail++;
        }
        if (head == size && head == nextSize) {
            return;
        }
        List<T> removed = new ArrayList<>(rows.subList(head, size - tail));
        rows = new ArrayList<>(next);
        beginChange();
        if (removed.isEmpty()) {
            nextAdd(head, nextSize - tail);
        } else if (head == nextSize - tail) {
            nextRemove(head, removed);
        } else {
            nextReplace(head, nextSize - tail, removed);
        }
        endChange();
    }

    @Override
    public T get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }
}
