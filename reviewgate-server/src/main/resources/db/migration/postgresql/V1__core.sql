-- Every table is keyed by account_id first: no query spans accounts, and accounts can be sharded.
-- Times are epoch milliseconds (UTC); JSON is stored as the exact text we serialised.

CREATE TABLE accounts (
    id          TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE users (
    account_id    TEXT    NOT NULL REFERENCES accounts (id),
    id            TEXT    NOT NULL,
    email         TEXT    NOT NULL,
    display_name  TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('reviewer', 'admin')),
    password_hash TEXT    NOT NULL,
    disabled      BIGINT NOT NULL DEFAULT 0,
    created_at    BIGINT NOT NULL,
    PRIMARY KEY (account_id, id)
);
CREATE UNIQUE INDEX users_email ON users (email);

CREATE TABLE api_keys (
    account_id  TEXT    NOT NULL REFERENCES accounts (id),
    id          TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    key_hash    TEXT    NOT NULL,
    key_prefix  TEXT    NOT NULL,
    created_at  BIGINT NOT NULL,
    revoked_at  BIGINT,
    PRIMARY KEY (account_id, id)
);
CREATE UNIQUE INDEX api_keys_hash ON api_keys (key_hash);

CREATE TABLE forms (
    account_id        TEXT    NOT NULL REFERENCES accounts (id),
    id                TEXT    NOT NULL,
    current_revision  BIGINT NOT NULL,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL,
    PRIMARY KEY (account_id, id)
);

CREATE TABLE form_revisions (
    account_id  TEXT    NOT NULL,
    form_id     TEXT    NOT NULL,
    revision    BIGINT NOT NULL,
    definition  TEXT    NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (account_id, form_id, revision),
    FOREIGN KEY (account_id, form_id) REFERENCES forms (account_id, id)
);

CREATE TABLE reviews (
    account_id       TEXT    NOT NULL REFERENCES accounts (id),
    id               TEXT    NOT NULL,
    form_id          TEXT    NOT NULL,
    form_revision    BIGINT NOT NULL,
    form_name        TEXT    NOT NULL,
    title            TEXT,
    status           TEXT    NOT NULL CHECK (status IN ('pending', 'changes_requested', 'approved', 'rejected')),
    is_open          BIGINT NOT NULL,
    workflow_id      TEXT,
    run_id           TEXT,
    block_id         TEXT,
    meta             TEXT    NOT NULL,
    visible_fields   TEXT    NOT NULL,
    head_version_id  TEXT    NOT NULL,
    triggered_by     TEXT,
    awaiting_since   BIGINT,
    assigned_to      TEXT    NOT NULL,
    assigned_groups  TEXT    NOT NULL,
    webhook_url      TEXT,
    round            BIGINT NOT NULL DEFAULT 0,
    event_seq        BIGINT NOT NULL DEFAULT 0,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, form_id, form_revision) REFERENCES form_revisions (account_id, form_id, revision)
);
-- One gate per (runId, blockId); NULLs are distinct, so unaddressed reviews never collide.
CREATE UNIQUE INDEX reviews_run_block ON reviews (account_id, run_id, block_id);
-- Keyset indexes for the queue: each filter reads an ordered range, never OFFSET.
CREATE INDEX reviews_queue_open     ON reviews (account_id, is_open, created_at, id);
CREATE INDEX reviews_queue_status   ON reviews (account_id, status, created_at, id);
CREATE INDEX reviews_queue_workflow ON reviews (account_id, workflow_id, created_at, id);
CREATE INDEX reviews_queue_form     ON reviews (account_id, form_id, created_at, id);
CREATE INDEX reviews_queue_all      ON reviews (account_id, created_at, id);

CREATE TABLE review_assignees (
    account_id  TEXT    NOT NULL,
    review_id   TEXT    NOT NULL,
    assignee    TEXT    NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (account_id, review_id, assignee),
    FOREIGN KEY (account_id, review_id) REFERENCES reviews (account_id, id)
);
CREATE INDEX review_assignees_queue ON review_assignees (account_id, assignee, created_at, review_id);

CREATE TABLE versions (
    account_id  TEXT    NOT NULL,
    review_id   TEXT    NOT NULL,
    id          TEXT    NOT NULL,
    seq         BIGINT NOT NULL,
    parent_id   TEXT,
    origin      TEXT    NOT NULL CHECK (origin IN ('model_output', 'human_edit', 'agent_edit')),
    author      TEXT    NOT NULL,
    note        TEXT,
    snapshot    TEXT    NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (account_id, review_id, id),
    UNIQUE (account_id, review_id, seq),
    FOREIGN KEY (account_id, review_id) REFERENCES reviews (account_id, id)
);

CREATE TABLE instructions (
    account_id  TEXT    NOT NULL,
    review_id   TEXT    NOT NULL,
    round       BIGINT NOT NULL,
    field_id    TEXT    NOT NULL,
    type        TEXT    NOT NULL CHECK (type IN ('rerun', 'textInstruction')),
    text        TEXT,
    version_id  TEXT    NOT NULL,
    author      TEXT    NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (account_id, review_id, round, field_id),
    FOREIGN KEY (account_id, review_id) REFERENCES reviews (account_id, id)
);

-- The primary key is the last word on "exactly one decision per review".
CREATE TABLE decisions (
    account_id  TEXT    NOT NULL,
    review_id   TEXT    NOT NULL,
    verdict     TEXT    NOT NULL CHECK (verdict IN ('approved', 'rejected')),
    version_id  TEXT    NOT NULL,
    reason      TEXT,
    decided_by  TEXT    NOT NULL,
    decided_at  BIGINT NOT NULL,
    PRIMARY KEY (account_id, review_id),
    FOREIGN KEY (account_id, review_id) REFERENCES reviews (account_id, id)
);

-- The outbox: written in the same transaction as the change it describes.
CREATE TABLE events (
    account_id  TEXT    NOT NULL,
    id          TEXT    NOT NULL,
    review_id   TEXT    NOT NULL,
    sequence    BIGINT NOT NULL,
    type        TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (account_id, id),
    UNIQUE (account_id, review_id, sequence)
);
CREATE INDEX events_by_time ON events (account_id, created_at);

CREATE TABLE idempotency_keys (
    account_id    TEXT    NOT NULL,
    idem_key      TEXT    NOT NULL,
    request_hash  TEXT    NOT NULL,
    status_code   BIGINT,
    response      TEXT,
    created_at    BIGINT NOT NULL,
    PRIMARY KEY (account_id, idem_key)
);
CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);
