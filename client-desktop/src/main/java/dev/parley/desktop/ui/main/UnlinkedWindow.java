package dev.parley.desktop.ui.main;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;

/**
 * Issue #17: once this computer was unlinked from its account, the main window's sidebar keeps only the lock: adding
 * contacts, groups, the contact link, settings and the conversation filter all need the account it no longer has.
 * The screens that attached themselves to the sidebar (people, groups) are found by where they sit.
 */
final class UnlinkedWindow {
    private UnlinkedWindow() {
    }

    static void offerNothingThatNeedsAnAccount(Parent root, Button lock, Node filter) {
        Node header = root.lookup(".sidebar-header");
        if (header != null) {
            for (Node node : header.lookupAll(".button")) {     // the header's nested action boxes too
                if (node instanceof Button button && button != lock) {
                    hide(button);
                }
            }
        }
        root.lookupAll(".people-bar").forEach(UnlinkedWindow::hide);
        hide(filter);
    }

    private static void hide(Node node) {
        node.visibleProperty().unbind();
        node.managedProperty().unbind();
        node.setVisible(false);
        node.setManaged(false);
    }
}
