-- Members removed from a group (issue #15, docs/protocol.md 1.15.2): a member removed in a change it missed is told by
-- an admin when it next writes to the group or asks for its state, and only someone recorded here is told (a stranger
-- who learnt the group id, say from an old invite link, learns nothing). A member added again is no longer listed.
CREATE TABLE group_removed_members (
    group_id CHARACTER VARYING(32) NOT NULL,
    member   CHARACTER VARYING(128) NOT NULL,
    CONSTRAINT group_removed_members_pk PRIMARY KEY (group_id, member)
);
