package dev.parley.desktop.service.group;

import dev.parley.crypto.group.GroupChange;

/** The system line a group change leaves in the group's conversation ("alice added carol"). */
final class GroupLines {
    private GroupLines() {
    }

    static String describe(GroupChange change) {
        String who = change.author();
        String subjects = String.join(", ", change.subjects());
        switch (change.action()) {
            case CREATE:
                return who + " created the group \"" + change.state().title() + "\"";
            case ADD:
                return who + " added " + subjects;
            case REMOVE:
                return who + " removed " + subjects;
            case PROMOTE:
                return who + " made " + subjects + " an admin";
            case DEMOTE:
                return who + " made " + subjects + " a member";
            case LEAVE:
                return who + " left the group";
            case RENAME:
                return who + " renamed the group to \"" + change.state().title() + "\"";
            case DESCRIBE:
                return who + " changed the group description";
            case TIMER:
                return dev.parley.desktop.storage.DisappearingTimer.ofSeconds(change.state().timerSeconds())
                        .map(t -> t.systemLine(who)).orElse(who + " changed the disappearing-messages timer");
            case LINK:
                return who + (change.state().inviteSecret().length == 0 ? " turned off the invite link"
                        : " reset the invite link");
            case SETTINGS:
                return who + " changed the group settings: "
                        + (change.state().announcementsOnly() ? "only admins post" : "everyone posts") + ", "
                        + (change.state().approvalRequired() ? "admins approve new members"
                        : "the invite link admits anyone who has it");
            default:
                return who + " changed the group";
        }
    }
}
