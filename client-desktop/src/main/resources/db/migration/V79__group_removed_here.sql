-- Issue #15: whether this profile stopped being a member because an admin removed it (a REMOVE change, or an admin's
-- state that no longer lists it after a change missed here) rather than by leaving itself, so that the chat header
-- and group info say "You were removed from this group" instead of "You left this group". Groups this profile stopped
-- being a member of before this migration are shown as left: what ended their membership was not kept.
ALTER TABLE group_states ADD COLUMN removed BOOLEAN DEFAULT FALSE NOT NULL;
