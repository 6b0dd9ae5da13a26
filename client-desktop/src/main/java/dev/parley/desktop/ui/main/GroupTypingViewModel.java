package dev.parley.desktop.ui.main;

import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.UserMessages;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Who is typing in the open group (issue #15; GROUP_TYPING arrives only from members of a group of at most 20): the
 * header's "alice is typing…", "alice and bob are typing…". Members are listed in the order they started; a member
 * who stops, or whose message arrives, leaves the list. Observable state only; all methods on the UI thread.
 */
public final class GroupTypingViewModel {
    private final UserMessages messages;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final Set<String> typing = new LinkedHashSet<>();
    /** The open group's conversation id, or null while no group is open. */
    private String open;

    public GroupTypingViewModel(UserMessages messages) {
        this.messages = Objects.requireNonNull(messages);
    }

    /** What the header shows while members type ("" when nobody does). */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The conversation shown changed (null: none): nobody is typing in it yet. */
    void opened(ContactView c) {
        open = c != null && c.isGroup() ? c.username() : null;
        clear();
    }

    /** A service event: {@code member} started or stopped typing in the group {@code conversation}. */
    public void changed(String conversation, String member, boolean isTyping) {
        if (open == null || !open.equals(conversation)) {
            return;
        }
        boolean changed = isTyping ? typing.add(member) : typing.remove(member);
        if (changed) {
            show();
        }
    }

    /** {@code member}'s message arrived in the open group: they are done typing it. */
    void messageFrom(String member) {
        if (typing.remove(member)) {
            show();
        }
    }

    /** Nobody is shown typing any more (the indicator timed out: a member may have gone offline). */
    public void clear() {
        typing.clear();
        show();
    }

    private void show() {
        text.set(describe(new ArrayList<>(typing), messages));
    }

    /** The header text for these members, in this order: one, two, or the first two and how many more. */
    static String describe(List<String> members, UserMessages messages) {
        return switch (members.size()) {
            case 0 -> "";
            case 1 -> messages.get("groups.typing.one", members.get(0));
            case 2 -> messages.get("groups.typing.two", members.get(0), members.get(1));
            default -> messages.get("groups.typing.more", members.get(0), members.get(1), members.size() - 2);
        };
    }
}
