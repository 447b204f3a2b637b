-- Webhook delivery: account signing secrets, endpoints, one delivery per (event, target) and
-- every attempt. Secrets must be readable to sign, so they are stored as issued (whsec_…).

CREATE TABLE signing_secrets (
    account_id       TEXT    NOT NULL PRIMARY KEY REFERENCES accounts (id),
    secret           TEXT    NOT NULL,
    previous_secret  TEXT,
    rotated_at       INTEGER
);

CREATE TABLE webhook_endpoints (
    account_id       TEXT    NOT NULL REFERENCES accounts (id),
    id               TEXT    NOT NULL,
    url              TEXT    NOT NULL,
    events           TEXT,
    form_id          TEXT,
    secret           TEXT    NOT NULL,
    previous_secret  TEXT,
    rotated_at       INTEGER,
    created_at       INTEGER NOT NULL,
    disabled_at      INTEGER,
    disabled_reason  TEXT,
    deleted_at       INTEGER,
    PRIMARY KEY (account_id, id)
);

-- id is the webhook-id header: stable across every attempt of one delivery.
CREATE TABLE deliveries (
    account_id        TEXT    NOT NULL,
    id                TEXT    NOT NULL,
    event_id          TEXT    NOT NULL,
    review_id         TEXT    NOT NULL,
    endpoint_id       TEXT,
    url               TEXT    NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts          INTEGER NOT NULL DEFAULT 0,
    next_attempt_at   INTEGER,
    lease_token       TEXT,
    lease_expires_at  INTEGER,
    last_status_code  INTEGER,
    last_error        TEXT,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    PRIMARY KEY (account_id, id),
    FOREIGN KEY (account_id, event_id) REFERENCES events (account_id, id)
);
-- The dispatcher's claim reads due rows in time order; the logs page by endpoint and by review.
CREATE INDEX deliveries_due         ON deliveries (status, next_attempt_at);
CREATE INDEX deliveries_by_endpoint ON deliveries (account_id, endpoint_id, created_at, id);
CREATE INDEX deliveries_by_review   ON deliveries (account_id, review_id, created_at, id);

CREATE TABLE delivery_attempts (
    account_id        TEXT    NOT NULL,
    id                TEXT    NOT NULL,
    delivery_id       TEXT    NOT NULL,
    attempt           INTEGER NOT NULL,
    started_at        INTEGER NOT NULL,
    duration_ms       INTEGER NOT NULL,
    status_code       INTEGER,
    response_excerpt  TEXT,
    error             TEXT,
    applied           INTEGER NOT NULL,
    PRIMARY KEY (account_id, id)
);
CREATE INDEX delivery_attempts_by_delivery ON delivery_attempts (account_id, delivery_id, started_at);
