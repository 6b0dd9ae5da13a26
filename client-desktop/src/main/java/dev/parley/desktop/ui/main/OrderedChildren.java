package dev.parley.desktop.ui.main;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Parts of a box that join it only once needed (every node costs CSS matching when a cell is made, and most messages
 * need few of them), each at its own place in a fixed order.
 */
final class OrderedChildren {
    private OrderedChildren() {
    }

    /** Puts {@code part} into {@code box} at its place in {@code order} unless it is there already. */
    static void attach(Node part, Pane box, List<Node> order) {
        if (part.getParent() == box) {
            return;
        }
        int at = 0;
        for (Node n : order) {
            if (n == part) {
                break;
            }
            if (n.getParent() == box) {
                at++;
            }
        }
        box.getChildren().add(at, part);
    }
}
