-- The chain head carries the hash of the entry at its seq: the entry's own insert moves it, in the
-- same transaction that advanced the head (and holds its row), so an append is two statements and
-- the head can never name a hash that no entry has.
CREATE FUNCTION audit_entries_move_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE audit_heads SET hash = NEW.hash WHERE account_id = NEW.account_id AND seq = NEW.seq;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_entries_move_head AFTER INSERT ON audit_entries
FOR EACH ROW EXECUTE FUNCTION audit_entries_move_head();
