-- The audit log: one hash chain per account. An entry's hash is SHA-256 of the previous entry's
-- hash and the RFC 8785 form of the entry itself, so an entry changed afterwards no longer
-- recomputes. Nothing in the product updates or deletes a row of audit_entries.
CREATE TABLE audit_entries (
    account_id      TEXT    NOT NULL REFERENCES accounts (id),
    seq             BIGINT  NOT NULL,
    at              BIGINT  NOT NULL,
    action          TEXT    NOT NULL,
    actor           TEXT    NOT NULL,
    via             TEXT,
    client_address  TEXT,
    user_agent      TEXT,
    review_id       TEXT,
    details         TEXT    NOT NULL,
    prev_hash       TEXT    NOT NULL,
    hash            TEXT    NOT NULL,
    PRIMARY KEY (account_id, seq)
);
-- since/until filters find their first entry by time.
CREATE INDEX audit_entries_at ON audit_entries (account_id, at, seq);

-- The chain's head: the last seq and hash of each account. Appending takes this row first, so
-- concurrent appends queue on it and each chains onto the one committed before it.
CREATE TABLE audit_heads (
    account_id  TEXT    NOT NULL PRIMARY KEY REFERENCES accounts (id),
    seq         BIGINT  NOT NULL,
    hash        TEXT    NOT NULL
);
