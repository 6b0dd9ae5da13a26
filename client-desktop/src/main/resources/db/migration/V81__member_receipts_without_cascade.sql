-- Issue #12, the disappearing sweep: H2 carries out ON DELETE CASCADE by parsing and preparing the child's DELETE
-- again for every parent row deleted, so the foreign key of V48 cost the sweep of 100,000 expired messages 100,000
-- parses (7% of the sweeper's CPU) although almost no message has member receipts. The rows now go with their message
-- explicitly, one set-based statement per slice of removed messages (H2MessageRemoval) or per erased conversation
-- (H2HistoryEraser); H2MemberReceiptStore.record already adds rows only for a message that exists.
ALTER TABLE group_member_receipts DROP CONSTRAINT group_member_receipts_message;
-- No row can be left without its message while the constraint held; this keeps the table clean if one ever was.
DELETE FROM group_member_receipts r WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.message_id = r.message_id);
