package dev.parley.crypto.group;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which group changes a member accepts (docs/protocol.md 1.15.2), as pure functions. A change is valid on a parent
 * state when its author may make it (an admin; anyone for leaving themself) and its state is exactly the parent with
 * the action applied and the revision one higher. {@link #decide} adds the order and the rule for concurrent changes.
 */
public final class GroupTransitions {

    private GroupTransitions() {
    }

    /** What a member holds for a group: the current state, the one before it, and the hash of the change between. */
    public record Held(GroupState current, GroupState previous, byte[] changeHash) {
    }

    public enum Verdict {
        /** The next revision: apply it. */
        APPLY,
        /** A concurrent change at the held revision that wins the tie-break: replaces the held one. */
        REPLACE,
        /** Not applicable: dropped. */
        DROP
    }

    /**
     * The verdict on {@code change} (whose signature the caller verified) for a member holding {@code held} (empty
     * when it does not know the group). {@code changeHash} is {@link GroupChange#hash}.
     */
    public static Verdict decide(Optional<Held> held, GroupChange change, byte[] changeHash, String me) {
        if (held.isEmpty()) {
            GroupState state = change.state();
            boolean joins = change.action() == GroupAction.CREATE
                    ? isValid(null, change)
                    : change.action() == GroupAction.ADD && change.subjects().contains(me);
            return joins && state.isMember(me) && state.isAdmin(change.author()) ? Verdict.APPLY : Verdict.DROP;
        }
        GroupState current = held.get().current();
        long revision = change.state().revision();
        if (revision == current.revision() + 1) {
            return isValid(current, change) ? Verdict.APPLY : Verdict.DROP;
        }
        GroupState previous = held.get().previous();
        if (revision == current.revision() && previous != null
                && Arrays.compareUnsigned(changeHash, held.get().changeHash()) < 0 && isValid(previous, change)) {
            return Verdict.REPLACE;
        }
        return Verdict.DROP;
    }

    /** Whether {@code change} is a valid step from {@code parent} (null: a creation). */
    public static boolean isValid(GroupState parent, GroupChange change) {
        return expected(parent, change).map(change.state()::equals).orElse(false);
    }

    /** The state {@code change} must carry to be valid on {@code parent}; empty if no state would be. */
    static Optional<GroupState> expected(GroupState parent, GroupChange change) {
        GroupState next = change.state();
        String author = change.author();
        List<String> subjects = change.subjects();
        if (parent == null) {
            if (change.action() != GroupAction.CREATE || next.revision() != 1 || subjects.contains(author)) {
                return Optional.empty();
            }
            List<GroupMember> members = new ArrayList<>();
            members.add(new GroupMember(author, GroupRole.ADMIN));
            subjects.forEach(s -> members.add(new GroupMember(s, GroupRole.MEMBER)));
            if (members.size() > GroupState.MAX_MEMBERS) {
                return Optional.empty();
            }
            return Optional.of(new GroupState(next.id(), 1, next.title(), next.description(), next.timerSeconds(),
                    next.inviteSecret(), members));
        }
        if (!next.id().equals(parent.id())) {
            return Optional.empty();
        }
        Long revision = parent.revision() + 1;
        if (change.action() == GroupAction.LEAVE) {
            if (!subjects.equals(List.of(author)) || !parent.isMember(author) || parent.members().size() < 2) {
                return Optional.empty();
            }
            return Optional.of(parent.with(revision, null, null, null, null, withAdmin(without(parent, subjects))));
        }
        if (!parent.isAdmin(author)) {
            return Optional.empty();
        }
        switch (change.action()) {
            case ADD: {
                if (subjects.isEmpty() || subjects.stream().anyMatch(parent::isMember)
                        || parent.members().size() + subjects.size() > GroupState.MAX_MEMBERS) {
                    return Optional.empty();
                }
                List<GroupMember> members = new ArrayList<>(parent.members());
                subjects.forEach(s -> members.add(new GroupMember(s, GroupRole.MEMBER)));
                return Optional.of(parent.with(revision, null, null, null, null, members));
            }
            case REMOVE:
                if (subjects.isEmpty() || subjects.contains(author) || !subjects.stream().allMatch(parent::isMember)) {
                    return Optional.empty();
                }
                return Optional.of(parent.with(revision, null, null, null, null, without(parent, subjects)));
            case PROMOTE:
            case DEMOTE: {
                if (subjects.size() != 1 || !parent.isMember(subjects.get(0)) || subjects.contains(author)) {
                    return Optional.empty();
                }
                GroupRole role = change.action() == GroupAction.PROMOTE ? GroupRole.ADMIN : GroupRole.MEMBER;
                List<GroupMember> members = parent.members().stream()
                        .map(m -> m.username().equals(subjects.get(0)) ? new GroupMember(m.username(), role) : m)
                        .toList();
                return Optional.of(parent.with(revision, null, null, null, null, members));
            }
            case RENAME:
                return subjects.isEmpty()
                        ? Optional.of(parent.with(revision, next.title(), null, null, null, null)) : Optional.empty();
            case DESCRIBE:
                return subjects.isEmpty()
                        ? Optional.of(parent.with(revision, null, next.description(), null, null, null))
                        : Optional.empty();
            case TIMER:
                return subjects.isEmpty()
                        ? Optional.of(parent.with(revision, null, null, next.timerSeconds(), null, null))
                        : Optional.empty();
            case LINK:
                return subjects.isEmpty()
                        ? Optional.of(parent.with(revision, null, null, null, next.inviteSecret(), null))
                        : Optional.empty();
            case SETTINGS:
                return subjects.isEmpty() ? Optional.of(parent.withFlags(revision, next.flags())) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private static List<GroupMember> without(GroupState parent, List<String> subjects) {
        Set<String> gone = new HashSet<>(subjects);
        return parent.members().stream().filter(m -> !gone.contains(m.username())).toList();
    }

    /** When the last admin left, the first remaining member (in the order they were added) becomes admin. */
    static List<GroupMember> withAdmin(List<GroupMember> members) {
        if (members.isEmpty() || members.stream().anyMatch(m -> m.role() == GroupRole.ADMIN)) {
            return members;
        }
        List<GroupMember> next = new ArrayList<>(members);
        next.set(0, new GroupMember(members.get(0).username(), GroupRole.ADMIN));
        return next;
    }

    /** The state after the author leaves {@code parent} (what its LEAVE change carries). */
    public static GroupState afterLeaving(GroupState parent, String author) {
        return parent.with(parent.revision() + 1, null, null, null, null,
                withAdmin(without(parent, List.of(author))));
    }
}
