-- The built-in forms every account has: tool-call (an agent's tool call to allow, deny or edit) and
-- question (a question a person answers). Their definitions are kept once, here; each existing
-- account gets revision 1 of both now, and each new account gets them in the transaction that
-- creates it. An account that already has a form of that id keeps its own.

CREATE TABLE built_in_forms (
    id          TEXT    NOT NULL PRIMARY KEY,
    definition  TEXT    NOT NULL
);

INSERT INTO built_in_forms (id, definition) VALUES
('tool-call', '{"id":"tool-call","name":"Tool call","fields":[{"id":"tool","type":"text","label":"Tool","required":true,"editable":false,"nullable":false,"retry":{"button":false,"instructions":false},"multiline":false},{"id":"input","type":"json","label":"Input","required":true,"editable":true,"nullable":false,"retry":{"button":false,"instructions":false}},{"id":"context","type":"markdown","label":"Context","required":false,"editable":false,"nullable":true,"retry":{"button":false,"instructions":false}}]}'),
('question', '{"id":"question","name":"Question","fields":[{"id":"question","type":"markdown","label":"Question","required":true,"editable":false,"nullable":false,"retry":{"button":false,"instructions":false}},{"id":"answer","type":"text","label":"Answer","required":true,"editable":true,"nullable":false,"retry":{"button":false,"instructions":false},"multiline":true}]}');

INSERT INTO forms (account_id, id, current_revision, created_at, updated_at)
SELECT a.id, b.id, 1, a.created_at, a.created_at FROM accounts a CROSS JOIN built_in_forms b
WHERE NOT EXISTS (SELECT 1 FROM forms f WHERE f.account_id = a.id AND f.id = b.id);

INSERT INTO form_revisions (account_id, form_id, revision, definition, created_at)
SELECT f.account_id, f.id, 1, b.definition, f.created_at FROM forms f JOIN built_in_forms b ON b.id = f.id
WHERE NOT EXISTS (SELECT 1 FROM form_revisions r WHERE r.account_id = f.account_id AND r.form_id = f.id);

CREATE FUNCTION accounts_built_in_forms() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO forms (account_id, id, current_revision, created_at, updated_at)
    SELECT NEW.id, b.id, 1, NEW.created_at, NEW.created_at FROM built_in_forms b;
    INSERT INTO form_revisions (account_id, form_id, revision, definition, created_at)
    SELECT NEW.id, b.id, 1, b.definition, NEW.created_at FROM built_in_forms b;
    RETURN NEW;
END
$$;

CREATE TRIGGER accounts_built_in_forms AFTER INSERT ON accounts
FOR EACH ROW EXECUTE FUNCTION accounts_built_in_forms();
