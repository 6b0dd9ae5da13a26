package dev.parley.desktop.ui.groups;

import dev.parley.desktop.ui.common.BackgroundTasks;
import dev.parley.desktop.ui.common.ContactView;
import dev.parley.desktop.ui.common.Icons;
import dev.parley.desktop.ui.common.UserMessages;
import dev.parley.desktop.ui.main.ChatViewModel;
import dev.parley.desktop.ui.main.ConversationListViewModel;
import dev.parley.desktop.ui.people.PeopleScreens;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/**
 * The group screens of the main window (issue #15), composed without growing the main controller: a "New group"
 * button beside "Add contact", a "Group info" button in the chat header of a group (where a contact's chat has the
 * safety-number shield), and the dialogs they open. Changes made in the dialogs reach the conversation list and the
 * open chat.
 */
public final class GroupScreens {
    private final GroupsGateway groups;
    private final BackgroundTasks tasks;
    private final UserMessages messages;
    private final PeopleScreens.DialogOpener dialogs;
    private ConversationListViewModel list;
    private ChatViewModel chat;
    /** The group info showing, if any: reloaded when its group changes (a join request arrives, a member leaves). */
    private GroupInfoViewModel openInfo;

    public GroupScreens(GroupsGateway groups, BackgroundTasks tasks, UserMessages messages,
                        PeopleScreens.DialogOpener dialogs) {
        this.groups = Objects.requireNonNull(groups);
        this.tasks = Objects.requireNonNull(tasks);
        this.messages = Objects.requireNonNull(messages);
        this.dialogs = Objects.requireNonNull(dialogs);
    }

    /** Adds the buttons to the main screen (found by their neighbours' ids) and follows the open chat. */
    public void attach(Parent mainRoot, ConversationListViewModel conversations, ChatViewModel openChat) {
        this.list = Objects.requireNonNull(conversations);
        this.chat = Objects.requireNonNull(openChat);
        Node addContact = mainRoot.lookup("#addContactButton");
        if (addContact != null && addContact.getParent() instanceof Pane header) {
            header.getChildren().add(header.getChildren().indexOf(addContact) + 1,
                    iconButton("newGroupButton", Icons.GROUP, "groups.new.button", this::openNewGroup));
        }
        list.onGroupChanged(c -> {
            chat.contactChanged(c);
            GroupInfoViewModel info = openInfo;
            if (info != null && info.conversation().equals(c.username())) {
                info.load();
            }
        });
    }

    /**
     * Puts the group info button in the chat's header, before the safety number's (which a group has none of); the
     * chat pane is built after the window, at the latest when a conversation opens: what is open then shows at once.
     */
    public void attachChat(Parent chatPane) {
        Node safety = chatPane.lookup("#safetyButton");
        if (safety != null && safety.getParent() instanceof Pane chatHeader) {
            Button info = iconButton("groupInfoButton", Icons.INFO, "groups.info.title", () -> {
                ContactView c = chat.contactProperty().get();
                if (c != null && c.isGroup()) {
                    openGroupInfo(c.username());
                }
            });
            chatHeader.getChildren().add(chatHeader.getChildren().indexOf(safety), info);
            java.util.function.Consumer<ContactView> show = now -> {
                boolean group = now != null && now.isGroup();
                info.setVisible(group);
                info.setManaged(group);
                safety.setVisible(!group);
                safety.setManaged(!group);
            };
            chat.contactProperty().addListener((obs, was, now) -> show.accept(now));
            show.accept(chat.contactProperty().get());
        }
    }

    /** The "New group" dialog: on Create the group opens in the chat. */
    public void openNewGroup() {
        NewGroupViewModel vm = new NewGroupViewModel(groups, tasks, messages);
        Stage[] dialog = new Stage[1];
        vm.onCreated(conversation -> {
            dialog[0].close();
            list.reloadGroup(conversation, c -> list.selectedProperty().set(conversation));
        });
        dialog[0] = dialogs.open(messages.get("groups.new.title"), new NewGroupView(vm, messages, () -> dialog[0].close()));
        vm.load();
    }

    /** The group info dialog of the group whose conversation id is {@code conversation}. */
    public void openGroupInfo(String conversation) {
        GroupInfoViewModel vm = new GroupInfoViewModel(conversation, groups, tasks, messages);
        vm.onChanged(changed -> list.reloadGroup(changed, c -> {
            ContactView open = chat.contactProperty().get();
            if (open != null && open.username().equals(changed)) {
                // reopened, so the change's system line ("you added carol") shows: own changes raise no event
                chat.open(c);
            }
        }));
        Stage[] dialog = new Stage[1];
        Runnable openInvite = () -> {
            Stage[] invite = new Stage[1];
            invite[0] = dialogs.open(messages.get("groups.invite.title"),
                    new GroupInviteView(vm, messages, () -> invite[0].close()));
        };
        dialog[0] = dialogs.open(messages.get("groups.info.title"),
                new GroupInfoView(vm, messages, () -> dialog[0].close(), openInvite));
        dialog[0].addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> openInfo = null);
        openInfo = vm;
        vm.load();
    }

    private Button iconButton(String id, Icons icon, String tooltipKey, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.getStyleClass().add("icon-button");
        b.setGraphic(icon.node());
        b.setTooltip(new Tooltip(messages.get(tooltipKey)));
        b.setOnAction(e -> action.run());
        return b;
    }
}
