package dev.parley.crypto.group;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A group's whole state at one revision: what every member keeps (docs/protocol.md 1.15.2). Members are kept in the
 * order the changes added them; at most {@link #MAX_MEMBERS}, each once. {@code flags} are the admins' settings
 * (1.15.5): {@link #FLAG_APPROVAL} and {@link #FLAG_ANNOUNCEMENTS}.
 */
public record GroupState(GroupId id, long revision, String title, String description, long timerSeconds,
        byte[] inviteSecret, List<GroupMember> members, int flags) {
    /** Join requests made with the invite link wait for an admin's approval (else an admin's client adds them). */
    public static final int FLAG_APPROVAL = 1;
    /** Only admins post: receivers drop other members' texts. */
    public static final int FLAG_ANNOUNCEMENTS = 2;
    public static final int KNOWN_FLAGS = FLAG_APPROVAL | FLAG_ANNOUNCEMENTS;

    public static final int MAX_MEMBERS = 1000;
    public static final int MAX_TITLE_BYTES = 128;
    public static final int MAX_DESCRIPTION_BYTES = 1024;
    public static final int INVITE_SECRET_BYTES = 16;

    public GroupState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        inviteSecret = inviteSecret == null ? new byte[0] : inviteSecret.clone();
        members = List.copyOf(members);
        int titleBytes = title.getBytes(StandardCharsets.UTF_8).length;
        if (revision < 1 || titleBytes < 1 || titleBytes > MAX_TITLE_BYTES || title.isBlank()
                || description.getBytes(StandardCharsets.UTF_8).length > MAX_DESCRIPTION_BYTES
                || timerSeconds < 0 || timerSeconds > 0xFFFF_FFFFL
                || (inviteSecret.length != 0 && inviteSecret.length != INVITE_SECRET_BYTES)) {
            throw new IllegalArgumentException("group state: field out of range");
        }
        if ((flags & ~KNOWN_FLAGS) != 0) {
            throw new IllegalArgumentException("group state: unknown flags");
        }
        if (members.isEmpty() || members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("group state: 1 to " + MAX_MEMBERS + " members");
        }
        Set<String> seen = new HashSet<>();
        for (GroupMember member : members) {
            if (!seen.add(member.username())) {
                throw new IllegalArgumentException("group state: a member listed twice");
            }
        }
    }

    /** A state without settings flags. */
    public GroupState(GroupId id, long revision, String title, String description, long timerSeconds,
            byte[] inviteSecret, List<GroupMember> members) {
        this(id, revision, title, description, timerSeconds, inviteSecret, members, 0);
    }

    public boolean approvalRequired() {
        return (flags & FLAG_APPROVAL) != 0;
    }

    public boolean announcementsOnly() {
        return (flags & FLAG_ANNOUNCEMENTS) != 0;
    }

    /** This state at {@code nextRevision} with the settings {@code nextFlags}. */
    public GroupState withFlags(long nextRevision, int nextFlags) {
        return new GroupState(id, nextRevision, title, description, timerSeconds, inviteSecret, members, nextFlags);
    }

    @Override
    public byte[] inviteSecret() {
        return inviteSecret.clone();
    }

    public Optional<GroupMember> member(String username) {
        return members.stream().filter(m -> m.username().equals(username)).findFirst();
    }

    public boolean isMember(String username) {
        return member(username).isPresent();
    }

    public boolean isAdmin(String username) {
        return member(username).map(m -> m.role() == GroupRole.ADMIN).orElse(false);
    }

    public List<String> usernames() {
        return members.stream().map(GroupMember::username).toList();
    }

    /** This state with another revision, title, description, timer, secret or members (null keeps the field). */
    public GroupState with(Long nextRevision, String nextTitle, String nextDescription, Long nextTimer,
            byte[] nextSecret, List<GroupMember> nextMembers) {
        return new GroupState(id, nextRevision == null ? revision : nextRevision,
                nextTitle == null ? title : nextTitle, nextDescription == null ? description : nextDescription,
                nextTimer == null ? timerSeconds : nextTimer, nextSecret == null ? inviteSecret : nextSecret,
                nextMembers == null ? members : nextMembers, flags);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupState s && id.equals(s.id) && revision == s.revision && title.equals(s.title)
                && description.equals(s.description) && timerSeconds == s.timerSeconds
                && Arrays.equals(inviteSecret, s.inviteSecret) && members.equals(s.members) && flags == s.flags;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, revision, title, description, timerSeconds, Arrays.hashCode(inviteSecret), members,
                flags);
    }

    @Override
    public String toString() {
        return "GroupState[" + id + ", revision " + revision + ", " + members.size() + " members, content hidden]";
    }
}
