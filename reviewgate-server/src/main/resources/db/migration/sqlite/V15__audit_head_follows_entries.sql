-- The chain head carries the hash of the entry at its seq: the entry's own insert moves it, in the
-- same transaction that advanced the head, so an append is two statements and the head can never
-- name a hash that no entry has.
CREATE TRIGGER audit_entries_move_head AFTER INSERT ON audit_entries
BEGIN
    UPDATE audit_heads SET hash = NEW.hash WHERE account_id = NEW.account_id AND seq = NEW.seq;
END;
